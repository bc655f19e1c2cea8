import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listArticles } from '../core/articles/list';
import { getArticle } from '../core/articles/queries';
import { MarginaliaError } from '../core/errors';
import { createParsePool } from '../core/import/parse-pool';
import { runImport } from '../core/import/pipeline';
import { checkLibrary } from '../core/library/check';
import { openLibrary, type Library } from '../core/library/open';
import { defaultLibraryPath } from '../core/paths';
import { search } from '../core/search/query';
import { stats } from '../core/stats';
import { MATCH_END, MATCH_START, type SearchResults } from '../shared/types';
import { EXPORT_KINDS, type ExportKind, runExport, stdoutSink } from './cli-export';
import { startHost } from './http-host';
import { migrationReporter } from '../core/library/migration-progress';
import { formatCount, plural } from '../shared/counts';

/** A failure that ends a command with a message and an exit code (2: usage or library problem). */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

const LIBRARY_OPTION = { library: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

interface Command {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, unknown>, positionals: string[], out: Output): Promise<number>;
}

interface Output {
  write(text: string): void;
  error(text: string): void;
  /** Where byte streams (exports to standard output) go; without it they arrive through write(). */
  stdout?: NodeJS.WritableStream;
}

function libraryPath(values: Record<string, unknown>): string {
  const given = (values.library as string | undefined) ?? process.env.MARGINALIA_LIBRARY;
  return given ? resolve(given) : defaultLibraryPath();
}

function withLibrary<T>(values: Record<string, unknown>, fn: (lib: Library) => T): T {
  const lib = openLibrary(libraryPath(values), { onMigrationProgress: migrationReporter() });
  try {
    return fn(lib);
  } finally {
    lib.close();
  }
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
/** "27 articles (20 shown), 1 passage, 0 notes, 0 claims": the true counts, and where the list stops short. */
function searchSummary(results: SearchResults): string {
  const kinds = [
    ['articles', 'article'],
    ['passages', 'passage'],
    ['notes', 'note'],
    ['claims', 'claim'],
  ] as const;
  return kinds
    .map(([kind, noun]) => {
      const total = results.counts[kind];
      const shown = results[kind].length;
      return plural(total, noun) + (shown < total ? ` (${formatCount(shown)} shown)` : '');
    })
    .join(', ');
}

const plainSnippet = (s: string): string => s.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']').replace(/\s+/g, ' ');

const COMMANDS: Record<string, Command> = {
  import: {
    usage: 'marginalia import [--library FILE] [--json] PATH...',
    summary: 'Import files and folders (recursively): .txt .md .html .htm .docx .odt .pdf, and REFI-QDA projects (.qdpx)',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' } },
    async run(values, paths, out) {
      if (paths.length === 0) throw new CliError('import needs at least one file or folder.');
      const lib = openLibrary(libraryPath(values), { onMigrationProgress: migrationReporter() });
      const pool = createParsePool();
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      try {
        const showProgress = !values.json && process.stderr.isTTY;
        const report = await runImport(
          lib.db,
          lib.clock,
          pool,
          paths.map((p) => resolve(p)),
          {
            checkpoints: lib.checkpoints,
            signal: controller.signal,
            ...(showProgress
              ? {
                  onProgress: (p) =>
                    process.stderr.write(
                      `\r${formatCount(p.done)}/${plural(p.total, 'file')}, ${formatCount(p.imported)} imported, ${formatCount(p.failed)} failed   `,
                    ),
                }
              : {}),
          },
        );
        if (showProgress) process.stderr.write('\n');
        if (values.json) {
          out.write(json({ imported: report.imported.length, duplicates: report.duplicates.length, failed: report.failed }));
        } else {
          out.write(
            `Imported ${formatCount(report.imported.length)}, skipped ${plural(report.duplicates.length, 'duplicate')}, ${formatCount(report.failed.length)} failed` +
              `${report.cancelled ? ' (cancelled: the rest was not imported)' : ''} in ${(report.elapsedMs / 1000).toFixed(1)} s.\n`,
          );
          for (const failure of report.failed) out.error(`  failed: ${failure.error}\n`);
        }
        return report.failed.length > 0 || report.cancelled ? 1 : 0;
      } finally {
        process.off('SIGINT', stop);
        await pool.close();
        // The worker copies the rest of the log after the import: let it finish rather than stop it.
        await lib.checkpoints.idle();
        lib.close();
      }
    },
  },
  list: {
    usage: 'marginalia list [--library FILE] [--json]',
    summary: 'List every article',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' } },
    async run(values, _positionals, out) {
      const items = withLibrary(values, (lib) => listArticles(lib.db, { limit: 100_000_000 }).items);
      if (values.json) {
        out.write(
          json(
            items.map((a) => ({
              id: a.id,
              title: a.title,
              outlet: a.outlet,
              byline: a.byline,
              published: a.published,
              place: a.place,
              language: a.language,
              url: a.url,
              sourceFile: a.sourceName,
              format: a.format,
            })),
          ),
        );
      } else {
        for (const a of items) out.write(`${a.id}\t${a.published ?? ''}\t${a.outlet ?? ''}\t${a.title}\n`);
      }
      return 0;
    },
  },
  show: {
    usage: 'marginalia show [--library FILE] [--json] ID',
    summary: 'Show one article with its text and blocks',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' } },
    async run(values, [raw], out) {
      const id = Number(raw);
      if (!Number.isInteger(id) || id <= 0) throw new CliError('show needs an article id (a positive whole number).');
      const article = withLibrary(values, (lib) => getArticle(lib.db, id));
      if (values.json) out.write(json(article));
      else {
        const meta = [article.outlet, article.place, article.published, article.byline].filter(Boolean).join(' · ');
        out.write(`${article.title}\n${meta}\n\n${article.text}\n`);
      }
      return 0;
    },
  },
  search: {
    usage: 'marginalia search [--library FILE] [--json] [--limit N] QUERY',
    summary: 'Full-text search over articles, passages and claims',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' }, limit: { type: 'string' } },
    async run(values, words, out) {
      const query = words.join(' ').trim();
      if (!query) throw new CliError('search needs a query.');
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit must be a whole number from 1 to 500.');
      const results = withLibrary(values, (lib) => search(lib.db, query, limit));
      if (values.json) out.write(json(results));
      else {
        for (const a of results.articles) out.write(`article ${a.id}\t${a.title}\n\t${plainSnippet(a.snippet)}\n`);
        for (const p of results.passages) out.write(`passage ${p.id}\t${p.articleTitle}\n\t${plainSnippet(p.snippet)}\n`);
        for (const p of results.notes) out.write(`note ${p.id}\t${p.articleTitle}\n\t${plainSnippet(p.snippet)}\n`);
        for (const c of results.claims) out.write(`claim ${c.id}\t${plainSnippet(c.snippet)}\n`);
        out.write(`${searchSummary(results)}\n`);
      }
      return 0;
    },
  },
  stats: {
    usage: 'marginalia stats [--library FILE] [--json]',
    summary: 'Count articles, passages, tags, claims and links',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' } },
    async run(values, _positionals, out) {
      const counts = withLibrary(values, (lib) => stats(lib.db));
      out.write(
        values.json
          ? json(counts)
          : Object.entries(counts)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n') + '\n',
      );
      return 0;
    },
  },
  check: {
    usage: 'marginalia check [--library FILE]',
    summary: 'Check the library file: integrity, schema, search index, offsets',
    options: { ...LIBRARY_OPTION },
    async run(values, _positionals, out) {
      const problems = withLibrary(values, (lib) => checkLibrary(lib.db));
      if (problems.length === 0) {
        out.write(`${libraryPath(values)}: OK\n`);
        return 0;
      }
      out.error(`${libraryPath(values)}: ${plural(problems.length, 'problem')}\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 1;
    },
  },
  export: {
    usage:
      'marginalia export csv [--library FILE] [--tag PATH]... [--article ID]... [--layout wide|long] [--no-bom] [--out FILE]\n' +
      '       marginalia export claims|links|annotations [--library FILE] [--no-bom] [--out FILE]\n' +
      '       marginalia export qdpx [--library FILE] --out FILE.qdpx',
    summary: 'Export tagged passages (csv), claims, claim links, W3C annotations, or a REFI-QDA project (qdpx)',
    options: {
      ...LIBRARY_OPTION,
      tag: { type: 'string', multiple: true },
      article: { type: 'string', multiple: true },
      layout: { type: 'string' },
      'no-bom': { type: 'boolean' },
      out: { type: 'string' },
    },
    async run(values, [kind, ...extra], out) {
      if (!EXPORT_KINDS.includes(kind as ExportKind) || extra.length > 0)
        throw new CliError(`export what? One of: ${EXPORT_KINDS.join(', ')}.`);
      const tags = (values.tag as string[] | undefined) ?? [];
      const articles = ((values.article as string[] | undefined) ?? []).map(Number);
      if (kind !== 'csv' && (tags.length > 0 || articles.length > 0 || values.layout !== undefined)) {
        throw new CliError('--tag, --article and --layout apply to export csv only.');
      }
      if (articles.some((id) => !Number.isInteger(id) || id <= 0))
        throw new CliError('--article takes an article id (a positive whole number).');
      const layout = (values.layout as string | undefined) ?? 'wide';
      if (layout !== 'wide' && layout !== 'long') throw new CliError('--layout is wide or long.');
      const lib = openLibrary(libraryPath(values), { onMigrationProgress: migrationReporter() });
      try {
        const request = {
          kind: kind as ExportKind,
          tags,
          articleIds: articles,
          layout,
          bom: !values['no-bom'],
          out: (values.out as string | undefined) ?? null,
        } as const;
        const written = await runExport(lib, request, () => stdoutSink(out.stdout, (text) => out.write(text)));
        if (request.out !== null) out.write(`Wrote ${written} to ${resolve(request.out)}.\n`);
        return 0;
      } catch (error) {
        // The reader of standard output stopped early (`| head`): as for any Unix filter, not a failure.
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
        throw error;
      } finally {
        lib.close();
      }
    },
  },
  serve: {
    usage: 'marginalia serve [--library FILE] [--port N]',
    summary: 'Serve the app and its contract over HTTP on 127.0.0.1 (prints the URL to open)',
    options: { ...LIBRARY_OPTION, port: { type: 'string' } },
    async run(values, _positionals, out) {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('--port must be a port number (0–65535).');
      const here = dirname(fileURLToPath(import.meta.url));
      const rendererDir = process.env.MARGINALIA_RENDERER_DIR ?? join(here, '..', '..', 'dist', 'renderer');
      const pool = createParsePool();
      void pool.warm();
      const host = await startHost({ libraryPath: libraryPath(values), rendererDir, parser: pool, port });
      out.write(`${host.openUrl}\n`);
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await host.close();
      await pool.close();
      return 0;
    },
  },
};

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return (
    'Usage: marginalia <command> [options]\n\nCommands:\n' +
    Object.entries(COMMANDS)
      .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
      .join('\n') +
    "\n\nEvery command takes --library FILE (else $MARGINALIA_LIBRARY, else the app's default library).\n" +
    'Run "marginalia <command> --help" for a command\'s options.\n'
  );
}

export async function main(argv: string[], out: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out.write(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    out.error(`marginalia: unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (values.help) {
      out.write(`Usage: ${command.usage}\n${command.summary}.\n`);
      return 0;
    }
    return await command.run(values, positionals, out);
  } catch (error) {
    const exit = error instanceof CliError ? error.exitCode : 2;
    const message =
      error instanceof MarginaliaError || error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? (error as Error).message
        : `unexpected error: ${(error as Error).message}`;
    out.error(`marginalia ${name}: ${message}\nUsage: ${command.usage}\n`);
    return exit;
  }
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MarginaliaError } from '../core/errors';
import { CliError, type CommandRun, type Launcher, type Output } from './cli-output';

const LIBRARY_OPTION = { library: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
/** Commands that write coding take the coder it is recorded as (default: the coder profile, else the OS user). */
const CODER_OPTION = { coder: { type: 'string' } } as const;

interface Command {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /**
   * Loads the command's code when it runs, not before: `--help` loads nothing, `stats` no importer
   * (analysts run the CLI in loops, where start-up time is most of each call).
   */
  load(): Promise<CommandRun>;
}

const COMMANDS: Record<string, Command> = {
  import: {
    usage:
      'marginalia import [--library FILE] [--coder NAME] [--json] [--outlet NAME] [--language CODE] PATH...\n       marginalia import --resume [--library FILE] [--coder NAME] [--json]',
    summary:
      'Import files and folders (recursively): .txt .md .html .htm .docx .odt .pdf, and REFI-QDA projects (.qdpx); --resume imports the rest of an interrupted import',
    options: {
      ...LIBRARY_OPTION,
      ...CODER_OPTION,
      json: { type: 'boolean' },
      resume: { type: 'boolean' },
      outlet: { type: 'string' },
      language: { type: 'string' },
    },
    load: async () => (await import('./cli-import')).importCommand,
  },
  articles: {
    usage:
      'marginalia articles set [--library FILE] [--outlet NAME] [--date YYYY-MM-DD] [--language CODE] [--place NAME] [--json] (ID... | --matching QUERY)',
    summary: 'Set outlet, date, language or place on many articles at once (ids, or every article a search matches; "" clears a field)',
    options: {
      ...LIBRARY_OPTION,
      json: { type: 'boolean' },
      ...Object.fromEntries(['outlet', 'date', 'language', 'place', 'matching'].map((name) => [name, { type: 'string' }])),
    },
    load: async () => (await import('./cli-articles')).articlesCommand,
  },
  list: {
    usage: 'marginalia list [--library FILE] [--json]',
    summary: 'List every article',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' } },
    load: async () => (await import('./cli-read')).listCommand,
  },
  show: {
    usage: 'marginalia show [--library FILE] [--json] ID',
    summary: 'Show one article with its text and blocks',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' } },
    load: async () => (await import('./cli-read')).showCommand,
  },
  search: {
    usage: 'marginalia search [--library FILE] [--json] [--limit N] QUERY',
    summary: 'Full-text search over articles, passages, claims and memos',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' }, limit: { type: 'string' } },
    load: async () => (await import('./cli-read')).searchCommand,
  },
  stats: {
    usage: 'marginalia stats [--library FILE] [--json]',
    summary: 'Count articles, passages, tags, claims, links and memos',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' } },
    load: async () => (await import('./cli-read')).statsCommand,
  },
  check: {
    usage: 'marginalia check [--library FILE]',
    summary: 'Check the library file: integrity, schema, search index, offsets',
    options: { ...LIBRARY_OPTION },
    load: async () => (await import('./cli-read')).checkCommand,
  },
  repair: {
    usage: 'marginalia repair [--library FILE] [--json]',
    summary:
      'Rebuild the search indexes, number tokens and blocks; recover a damaged file into a new library beside it (the file is left as it is)',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' } },
    load: async () => (await import('./cli-repair')).repairCommand,
  },
  backup: {
    usage: 'marginalia backup [--library FILE] [--out FILE] [--keep N] [--json]',
    summary:
      'Copy the library safely while it is in use (into its backups folder, or --out FILE); --keep N sets how many automatic backups it keeps',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' }, out: { type: 'string' }, keep: { type: 'string' } },
    load: async () => (await import('./cli-backup')).backupCommand,
  },
  restore: {
    usage: 'marginalia restore [--library FILE] [--yes] [--json] BACKUP',
    summary: 'Put a backup in place of the library (asks first; the library it replaces is kept beside it)',
    options: { ...LIBRARY_OPTION, json: { type: 'boolean' }, yes: { type: 'boolean' } },
    load: async () => (await import('./cli-backup')).restoreCommand,
  },
  export: {
    usage:
      'marginalia export csv [--library FILE] [--tag PATH]... [--article ID]... [--layout wide|long] [--no-bom] [--out FILE]\n' +
      '       marginalia export claims [--library FILE] [--layout wide|long] [--no-bom] [--out FILE]\n' +
      '       marginalia export links|memos|annotations|claims-jsonld [--library FILE] [--no-bom] [--out FILE]\n' +
      '       marginalia export qdpx [--library FILE] --out FILE.qdpx',
    summary:
      'Export tagged passages (csv), claims (CSV, or schema.org JSON-LD: claims-jsonld), claim links, memos, W3C annotations, or a REFI-QDA project (qdpx)',
    options: {
      ...LIBRARY_OPTION,
      tag: { type: 'string', multiple: true },
      article: { type: 'string', multiple: true },
      layout: { type: 'string' },
      'no-bom': { type: 'boolean' },
      out: { type: 'string' },
    },
    load: async () => (await import('./cli-export')).exportCommand,
  },
  memo: {
    usage:
      'marginalia memo show [--library FILE] [--article ID] [--json]\n       marginalia memo set [--library FILE] [--coder NAME] [--article ID] [TEXT]',
    summary:
      "Show or set the library's memo, or an article's with --article (Markdown; set reads standard input without TEXT; empty text removes it)",
    options: { ...LIBRARY_OPTION, ...CODER_OPTION, article: { type: 'string' }, json: { type: 'boolean' } },
    load: async () => (await import('./cli-memo')).memoCommand,
  },
  merge: {
    usage:
      'marginalia merge OTHER.marginalia|OTHER.qdpx [--library FILE] [--map "THEIR/PATH=OUR/PATH"]... [--into "THEIR/PATH=OUR/PATH"]... [--dry-run] [--json]',
    summary:
      'Merge another library (or a REFI-QDA project) into this one: articles matched by uid, then text; the codebook by path (--map onto a tag or create it at a path, --into merges a tag with all below it into one); passages, notes, memos, claims and links with their coders; prints what was matched, added and mapped',
    options: {
      ...LIBRARY_OPTION,
      map: { type: 'string', multiple: true },
      into: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    load: async () => (await import('./cli-merge')).mergeCommand,
  },
  claims: {
    usage: [
      'marginalia claims list|show ID [--json]',
      '       marginalia claims candidates ARTICLE_ID [--json]',
      '       marginalia claims add --article ID --start N --end N [--statement TEXT] [--kind K] [--speaker NAME] [--stance S] [--json]',
      '       marginalia claims related CLAIM_ID [--limit N] [--json]',
      '       marginalia claims link FROM_ID TO_ID --relation R [--note TEXT] [--json]',
      '       marginalia claims accept CLAIM_ID (--article ID --start N --end N [--stance S] [--as appearance|claim] [--relation R] | --claim ID --relation R) [--json]',
      '       marginalia claims reject CLAIM_ID (--article ID --start N --end N | --claim ID [--relation R])',
      '       marginalia claims merge SOURCE_ID TARGET_ID [--json]',
      '       marginalia claims delete ID',
      '       (the commands that change claims take --coder NAME)',
    ].join('\n'),
    summary: 'Claims: list, show, candidates in an article, add, related (where else), link, accept or reject suggestions',
    options: {
      ...LIBRARY_OPTION,
      ...CODER_OPTION,
      json: { type: 'boolean' },
      ...Object.fromEntries(
        ['article', 'start', 'end', 'statement', 'kind', 'speaker', 'stance', 'limit', 'relation', 'note', 'as', 'claim'].map((name) => [
          name,
          { type: 'string' },
        ]),
      ),
    },
    load: async () => (await import('./cli-claims')).claimsCommand,
  },
  overview: {
    usage:
      'marginalia overview --chart NAME [--library FILE] [--format csv|svg] [--out FILE] [--bucket day|week|month] [--measure count|share]\n' +
      '       [--tag PATH]... [--outlet NAME]... [--from DATE] [--to DATE] [--no-bom]\n' +
      '       NAME: articles-over-time, tags-by-outlet, tags-by-month, tag-cooccurrence, claim-timeline, coverage',
    summary: 'A chart of the Overview: its data as CSV (one row per mark, with count and share) or the chart as SVG',
    options: {
      ...LIBRARY_OPTION,
      chart: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      bucket: { type: 'string' },
      measure: { type: 'string' },
      tag: { type: 'string', multiple: true },
      outlet: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      'no-bom': { type: 'boolean' },
    },
    load: async () => (await import('./cli-overview')).overviewCommand,
  },
  report: {
    usage:
      'marginalia report --out FILE.html|FILE.docx [--library FILE] [--tag PATH]... [--all-tags] [--article ID]... [--outlet NAME]...\n' +
      '       [--from DATE] [--to DATE] [--text WORDS] [--group-by tag|claim]\n' +
      '       marginalia report --out FILE.html|FILE.docx --claim ID',
    summary:
      'A report of coded text as HTML or DOCX: the quotes the Passages filter shows (or a claim’s), grouped by tag or claim, each cited, with counts, memos and charts',
    options: {
      ...LIBRARY_OPTION,
      out: { type: 'string' },
      tag: { type: 'string', multiple: true },
      'all-tags': { type: 'boolean' },
      article: { type: 'string', multiple: true },
      outlet: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      text: { type: 'string' },
      'group-by': { type: 'string' },
      claim: { type: 'string' },
    },
    load: async () => (await import('./cli-report')).reportCommand,
  },
  agreement: {
    usage:
      'marginalia agreement [--library FILE] [--coders A,B,...] [--tag PATH]... [--article ID]... [--unit character|sentence|paragraph] [--json]',
    summary:
      "Intercoder agreement per tag and overall: percentage agreement, Cohen's kappa (two coders) and Krippendorff's alpha, over the articles every coder coded",
    options: {
      ...LIBRARY_OPTION,
      json: { type: 'boolean' },
      coders: { type: 'string' },
      tag: { type: 'string', multiple: true },
      article: { type: 'string', multiple: true },
      unit: { type: 'string' },
    },
    load: async () => (await import('./cli-agreement')).agreementCommand,
  },
  hub: {
    usage:
      'marginalia hub init URL [--json]\n' +
      '       marginalia hub add-coder URL NAME [--role ROLE] [--colour #RRGGBB] [--json] < PASSWORD',
    summary:
      'Set up a team hub in a PostgreSQL database (init creates or upgrades its schema), or give a coder a role on it (the password is read from standard input)',
    options: { help: LIBRARY_OPTION.help, json: { type: 'boolean' }, role: { type: 'string' }, colour: { type: 'string' } },
    load: async () => (await import('./cli-hub')).hubCommand,
  },
  sync: {
    usage: 'marginalia sync --hub URL [--library FILE] [--coder NAME] [--json]',
    summary:
      "Sync the library with a team hub: send this library's changes, receive the others', and report conflicts (the password may be in $PGPASSWORD instead of the URL)",
    options: { ...LIBRARY_OPTION, hub: { type: 'string' }, coder: { type: 'string' }, json: { type: 'boolean' } },
    load: async () => (await import('./cli-sync')).syncCommand,
  },
  serve: {
    usage: 'marginalia serve [--library FILE] [--coder NAME] [--port N] [--allow FOLDER]...',
    summary:
      'Serve the app and its contract over HTTP on 127.0.0.1 (prints the URL to open); the page may import from and export to the --allow folders only',
    options: { ...LIBRARY_OPTION, ...CODER_OPTION, port: { type: 'string' }, allow: { type: 'string', multiple: true } },
    load: async () => (await import('./cli-serve')).serveCommand,
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
    'Commands that write (import, memo set, claims, serve) take --coder NAME: who the coding is recorded as\n' +
    '(else the coder profile, else the OS user name).\n' +
    'Run "marginalia <command> --help" for a command\'s options.\n'
  );
}

export async function main(argv: string[], out: Output, launcher: Launcher): Promise<number> {
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
    const run = await command.load();
    // `serve` resolves its coder per session (it may ask for a profile); `sync` is the hub role's
    // coder, its --coder only a check, never the profile's name; the others act at once.
    if ('coder' in command.options && name !== 'serve' && name !== 'sync')
      values.coder ??= (await import('./cli-coder')).defaultCoderName();
    return await run(values, positionals, out, launcher);
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

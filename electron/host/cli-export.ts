import { resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import { isoNow } from '../core/clock';
import { MarginaliaError } from '../core/errors';
import { exportAnnotations } from '../core/export/annotations';
import { exportClaimsJsonLd } from '../core/export/claims-jsonld';
import { exportClaimsCsv, exportLinksCsv } from '../core/export/csv-claims';
import { exportMemosCsv } from '../core/export/csv-memos';
import { type CsvLayout, exportPassagesCsv } from '../core/export/csv-passages';
import { writeFileAtomically } from '../core/export/output';
import { tagIdsForPaths } from '../core/export/passage-filter';
import { exportQdpx } from '../core/interchange/qdpx-export';
import type { Library } from '../core/library/open';
import { openCliLibrary } from './cli-library';
import { CliError, type CommandRun } from './cli-output';
import { plural } from '../shared/counts';

export const EXPORT_KINDS = ['csv', 'claims', 'claims-jsonld', 'links', 'memos', 'annotations', 'qdpx'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  kind: ExportKind;
  tags: string[];
  articleIds: number[];
  layout: CsvLayout;
  bom: boolean;
  /** A file, or null for standard output. */
  out: string | null;
}

/**
 * Standard output as a stream the exporters can end: they end their destination when done, and
 * stdout must stay open. Waits for the target to drain, so a slow pipe slows the export instead
 * of filling memory. Without a byte stream (tests), text goes to `text`, decoded across chunks.
 */
export function stdoutSink(target: NodeJS.WritableStream | undefined, text: (s: string) => void): Writable {
  const decoder = new StringDecoder('utf8');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!target) {
        text(decoder.write(chunk));
        callback();
      } else if (target.write(chunk)) callback();
      else target.once('drain', () => callback());
    },
    final(callback) {
      if (!target) text(decoder.end());
      callback();
    },
  });
  // A reader that goes away (`| head`) fails the export instead of crashing the process.
  target?.once('error', (error) => sink.destroy(error));
  return sink;
}

/** Runs one export; returns what was written, for the summary line. */
export async function runExport(lib: Library, request: ExportRequest, stdout: () => Writable): Promise<string> {
  const now = isoNow(lib.clock);
  const write = async (fn: (out: Writable) => Promise<number>): Promise<number> =>
    request.out === null ? fn(stdout()) : writeFileAtomically(resolve(request.out), fn);
  switch (request.kind) {
    case 'csv': {
      const filter = {
        ...(request.tags.length > 0 ? { tagIds: tagIdsForPaths(lib.db, request.tags), includeChildren: true } : {}),
        ...(request.articleIds.length > 0 ? { articleIds: request.articleIds } : {}),
      };
      const rows = await write((out) => exportPassagesCsv(lib.db, out, { layout: request.layout, bom: request.bom, filter }));
      return plural(rows, 'row');
    }
    case 'claims': {
      const rows = await write((out) => exportClaimsCsv(lib.db, out, { bom: request.bom, layout: request.layout }));
      return plural(rows, request.layout === 'long' ? 'row' : 'claim');
    }
    case 'claims-jsonld':
      return plural(await write((out) => exportClaimsJsonLd(lib.db, out)), 'claim');
    case 'links':
      return plural(await write((out) => exportLinksCsv(lib.db, out, { bom: request.bom })), 'link');
    case 'memos':
      return plural(await write((out) => exportMemosCsv(lib.db, out, { bom: request.bom })), 'memo');
    case 'annotations':
      return plural(await write((out) => exportAnnotations(lib.db, out, now)), 'annotation');
    case 'qdpx': {
      if (request.out === null)
        throw new MarginaliaError('invalid-arguments', 'export qdpx writes a zip archive: give it --out FILE.qdpx.');
      const summary = await writeFileAtomically(resolve(request.out), (out) => exportQdpx(lib.db, out, lib.name, now));
      return `${plural(summary.articles, 'article')} and ${plural(summary.passages, 'passage')}`;
    }
  }
}

export const exportCommand: CommandRun = async (values, [kind, ...extra], out) => {
  if (!EXPORT_KINDS.includes(kind as ExportKind) || extra.length > 0)
    throw new CliError(`export what? One of: ${EXPORT_KINDS.join(', ')}.`);
  const tags = (values.tag as string[] | undefined) ?? [];
  const articles = ((values.article as string[] | undefined) ?? []).map(Number);
  if (kind !== 'csv' && (tags.length > 0 || articles.length > 0)) throw new CliError('--tag and --article apply to export csv only.');
  if (kind !== 'csv' && kind !== 'claims' && values.layout !== undefined)
    throw new CliError('--layout applies to export csv and claims only.');
  if (articles.some((id) => !Number.isInteger(id) || id <= 0))
    throw new CliError('--article takes an article id (a positive whole number).');
  const layout = (values.layout as string | undefined) ?? 'wide';
  if (layout !== 'wide' && layout !== 'long') throw new CliError('--layout is wide or long.');
  const lib = openCliLibrary(values);
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
};

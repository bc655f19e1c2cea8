import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { recordChange } from '../library/change-log';
import type { ImportProgress, ImportReport } from '../../shared/types';
import type { Clock } from '../clock';
import type { BackgroundCheckpoints } from '../library/checkpoints';
import { articleWriter, type ArticleWriter } from '../articles/writer';
import type { PreparedArticle } from './prepare';
import { SUPPORTED_EXTENSIONS } from './extensions';
import type { ParseOutcome } from './parse-pool';
import { naturalCompare } from '../../shared/natural-sort';

/** What the pipeline needs from a parse pool (one per host process, shared by jobs). */
export interface Parser {
  parse(filePath: string, signal?: AbortSignal): Promise<ParseOutcome>;
}

export interface ImportOptions {
  jobId?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Called after each committed batch, so views can refresh while a long import runs. */
  onCommit?: () => void;
  /** How a path is named in progress and the report (the HTTP host hides its upload folder). */
  displayName?: (path: string) => string;
  /** The library's background checkpoints: the writer's commits then skip checkpointing. */
  checkpoints?: Pick<BackgroundCheckpoints, 'during' | 'committed' | 'settle'>;
}

// Small batches keep each write transaction short (about a frame), so searches and edits get the
// connection between them while tens of thousands of files import: larger batches did not import
// faster but made a search wait up to 170 ms (npm run bench).
const BATCH_SIZE = 40;
const BATCH_MS = 16;
const PROGRESS_MS = 100;
// Files handed to the parsers at once: enough that they keep working while the writer commits or
// waits for the log to be copied (see settle), when 64 left them idle. Parsed files waiting for
// the writer are bounded by size as well, for large documents.
const WINDOW = 256;
const MAX_PENDING_BYTES = 64 * 1024 * 1024;
const BACKGROUND_CHECKPOINTS_FROM = 200;

/** Files under the given paths (folders recursively), supported formats only inside folders. */
export async function collectFiles(paths: string[], failed: ImportReport['failed']): Promise<string[]> {
  const files: string[] = [];
  const supported = new Set<string>([...SUPPORTED_EXTENSIONS, QDPX_EXTENSION]);
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => naturalCompare(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && supported.has(extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path);
      else files.push(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message;
      failed.push({ file: path, error: `${basename(path)}: ${reason}` });
    }
  }
  return files;
}

const QDPX_EXTENSION = '.qdpx';

async function importProject(db: Database, clock: Clock, file: string, report: ImportReport, name: (p: string) => string): Promise<void> {
  const { importQdpxInto } = await import('../interchange/qdpx-import');
  await importQdpxInto(db, clock, file, report, name);
}

interface Parsed {
  file: string;
  outcome: ParseOutcome;
}

function titleFor(article: PreparedArticle, file: string): string {
  return (
    article.title?.trim() ||
    basename(file)
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
  );
}

/** Roughly what a parsed file holds in memory: its original bytes and its text (two bytes a character). */
const weight = (outcome: ParseOutcome): number => (outcome.ok ? outcome.size + outcome.article.text.length * 2 : 0);

/** Writes parsed articles in one transaction; duplicates (same normalised text) are skipped. */
function commitBatch(db: Database, writer: ArticleWriter, batch: Parsed[], report: ImportReport, name: (p: string) => string): void {
  db.transaction(() => {
    const before = report.imported.length;
    for (const { file, outcome } of batch) {
      if (!outcome.ok) {
        report.failed.push({ file: name(file), error: `${basename(name(file))}: ${outcome.error}` });
        continue;
      }
      const { article } = outcome;
      const existing = writer.duplicateOf(article.sha256);
      if (existing) {
        report.duplicates.push({ file: name(file), existingId: existing.id, existingTitle: existing.title });
        continue;
      }
      const title = titleFor(article, file);
      const articleId = writer.insert({ article, title, sourceName: basename(name(file)), size: outcome.size, bytes: outcome.bytes });
      report.imported.push({ file: name(file), articleId, title });
    }
    if (report.imported.length > before) recordChange(db, ['articles']);
  })();
}

/**
 * Imports files and folders: parsing runs in the pool's workers, this (the writer) commits in
 * short batches and yields between them. Cancelling stops new work, commits what was already
 * parsed, and the report says so. A failing file never stops its batch.
 */
export async function runImport(
  db: Database,
  clock: Clock,
  parser: Parser,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const report: ImportReport = {
    jobId: options.jobId ?? randomUUID(),
    cancelled: false,
    elapsedMs: 0,
    libraryArticles: 0,
    imported: [],
    duplicates: [],
    failed: [],
  };
  const files = await collectFiles(paths, report.failed);
  const run = () => importFiles(db, clock, parser, files, report, started, options);
  // A few files are written before a checkpoint worker would even have started.
  return options.checkpoints && files.length >= BACKGROUND_CHECKPOINTS_FROM ? options.checkpoints.during(run) : run();
}

async function importFiles(
  db: Database,
  clock: Clock,
  parser: Parser,
  files: string[],
  report: ImportReport,
  started: number,
  options: ImportOptions,
): Promise<ImportReport> {
  const name = options.displayName ?? ((p: string) => p);
  let done = 0;
  let current: string | null = null;
  let lastProgress = 0;
  // A count held back by the interval is said once it is up: when the next file is slow to parse,
  // the bar must show every file done so far, not the count of the last report before it.
  let trailing: NodeJS.Timeout | null = null;
  const articlesBefore = countArticles(db);
  const progress = (force: boolean): void => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_MS) {
      trailing ??= setTimeout(
        () => {
          trailing = null;
          progress(true);
        },
        PROGRESS_MS - (now - lastProgress),
      );
      return;
    }
    if (trailing) clearTimeout(trailing);
    trailing = null;
    lastProgress = now;
    options.onProgress({
      jobId: report.jobId,
      total: files.length,
      done,
      imported: report.imported.length,
      duplicates: report.duplicates.length,
      failed: report.failed.length,
      current: current === null ? null : name(current),
      elapsedMs: Math.round(now - started),
      libraryArticles: articlesBefore + report.imported.length,
    });
  };
  progress(true);

  const writer = articleWriter(db, clock);
  const pending: Parsed[] = [];
  let pendingBytes = 0;
  // Files the parsers dropped, unread, when the import was cancelled.
  let dropped = 0;
  const parsed = (file: string, outcome: ParseOutcome): void => {
    if (!outcome.ok && outcome.cancelled) {
      dropped += 1;
      return;
    }
    pending.push({ file, outcome });
    pendingBytes += weight(outcome);
  };
  let lastFlush = performance.now();
  const flush = (): void => {
    if (pending.length === 0) return;
    // One batch per turn, however many files came back meanwhile: a search waits for one at most.
    const batch = pending.length > BATCH_SIZE ? pending.splice(0, BATCH_SIZE) : pending.splice(0);
    commitBatch(db, writer, batch, report, name);
    for (const { outcome } of batch) pendingBytes -= weight(outcome);
    lastFlush = performance.now();
    options.checkpoints?.committed();
    options.onCommit?.();
  };

  // Jobs in flight and a way to sleep until the next one settles (Promise.race over the whole
  // window would attach a handler to every pending job on every turn).
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const settled = (file: string): void => {
    inFlight -= 1;
    done += 1;
    current = file;
    wake?.();
    wake = null;
  };
  let next = 0;
  for (;;) {
    while (!options.signal?.aborted && next < files.length && inFlight < WINDOW && pendingBytes < MAX_PENDING_BYTES) {
      const file = files[next++] as string;
      inFlight += 1;
      // A REFI-QDA project brings its own codebook and passages: its importer writes it whole, in
      // its own transaction, and adds its articles (or its failure) to this report.
      const job =
        extname(file).toLowerCase() === QDPX_EXTENSION
          ? importProject(db, clock, file, report, name)
          : parser.parse(file, options.signal).then(
              (outcome) => parsed(file, outcome),
              (error: unknown) => parsed(file, { ok: false, error: (error as Error).message }),
            );
      void job.finally(() => settled(file));
    }
    if (inFlight === 0 && pending.length === 0) break;
    if (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    if (inFlight === 0 || pendingBytes >= MAX_PENDING_BYTES || pending.length >= BATCH_SIZE || performance.now() - lastFlush > BATCH_MS) {
      // A log grown past its limit is copied whole first, so that it restarts (parsing goes on).
      const settling = options.checkpoints?.settle();
      if (settling) await settling;
      flush();
      // Let searches, edits and progress events through between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    } else {
      // Parsed files wait for company at most until the batch is due: a slow file next (a long
      // PDF) must not keep them out of the library and the count.
      await new Promise<void>((resolve) => {
        const due = setTimeout(
          () => {
            wake = null;
            resolve();
          },
          BATCH_MS - (performance.now() - lastFlush),
        );
        wake = () => {
          clearTimeout(due);
          resolve();
        };
      });
    }
    progress(false);
  }
  report.cancelled = options.signal?.aborted === true && (next < files.length || dropped > 0);
  report.elapsedMs = Math.round(performance.now() - started);
  report.libraryArticles = countArticles(db);
  progress(true);
  return report;
}

export function countArticles(db: Database): number {
  return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
}

import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportProgress, ImportReport } from '../../shared/types';
import type { QdpxImportOptions } from '../interchange/qdpx-import';
import type { Clock } from '../clock';
import type { BackgroundCheckpoints } from '../library/checkpoints';
import { whenFree } from '../library/busy';
import { describeFailure } from '../library/failures';
import { writeTransaction } from '../library/write';
import { articleWriter } from '../articles/writer';
import { type BatchResult, commitBatch, type Parsed } from './commit';
import { collectFiles, QDPX_EXTENSION } from './collect';
import { adoptJob, createJob, endJob, type JobFile, jobMarker, remainingFiles } from './jobs';
import type { ParseOutcome } from './parse-pool';

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
  /** Imports the files an interrupted job (this id) did not reach, instead of `paths`. */
  resume?: string;
  /** Outlet and language for every article parsed from a file, over what the parser read (the analyst knows better). */
  meta?: { outlet?: string; language?: string };
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

async function importProject(
  db: Database,
  clock: Clock,
  file: string,
  report: ImportReport,
  name: (p: string) => string,
  options: QdpxImportOptions,
): Promise<boolean> {
  const { importQdpxInto } = await import('../interchange/qdpx-import');
  return importQdpxInto(db, clock, file, report, name, options);
}

/** Roughly what a parsed file holds in memory: its original bytes and its text (two bytes a character). */
const weight = (outcome: ParseOutcome): number => (outcome.ok ? outcome.size + outcome.article.text.length * 2 : 0);

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
    jobId: options.resume ?? options.jobId ?? randomUUID(),
    cancelled: false,
    stopped: null,
    notImported: 0,
    elapsedMs: 0,
    libraryArticles: 0,
    imported: [],
    reprints: [],
    duplicates: [],
    failed: [],
  };
  const name = options.displayName ?? ((p: string) => p);
  let files: JobFile[];
  try {
    files = options.resume
      ? remainingFiles(db, options.resume)
      : (await collectFiles(paths, report.failed)).map((path, position) => ({ position, path, shownAs: name(path) }));
    // The file list is kept in the library until the import ends: cut short, it can import the rest.
    const record = () =>
      writeTransaction(db, () =>
        options.resume ? adoptJob(db, report.jobId) : createJob(db, clock, report.jobId, paths.map(name), files),
      );
    await whenFree(db, record, {
      patienceMs: Number.POSITIVE_INFINITY,
      ...(options.signal ? { signal: options.signal } : {}),
      onWait: (waiting) =>
        options.onProgress?.({
          jobId: report.jobId,
          total: files.length,
          done: 0,
          imported: 0,
          reprints: 0,
          duplicates: 0,
          failed: report.failed.length,
          current: null,
          elapsedMs: Math.round(performance.now() - started),
          libraryArticles: countArticles(db),
          waiting,
        }),
    });
  } catch (error) {
    if (!options.signal?.aborted) return stop(db, report, error, 0, started);
    report.cancelled = true;
    return report;
  }
  const run = () => importFiles(db, clock, parser, files, report, started, options);
  // A few files are written before a checkpoint worker would even have started.
  return options.checkpoints && files.length >= BACKGROUND_CHECKPOINTS_FROM ? options.checkpoints.during(run) : run();
}

/** Ends a report that a failure cut short: says why in words, and what was not reached. */
function stop(db: Database, report: ImportReport, error: unknown, notImported: number, started: number): ImportReport {
  const failure = describeFailure(error);
  report.stopped = failure ? `${failure.reason}. ${failure.advice}` : (error as Error).message;
  report.notImported = notImported;
  report.elapsedMs = Math.round(performance.now() - started);
  try {
    report.libraryArticles = countArticles(db);
  } catch {
    // A damaged library cannot count: the report keeps the count it had.
  }
  return report;
}

async function importFiles(
  db: Database,
  clock: Clock,
  parser: Parser,
  files: JobFile[],
  report: ImportReport,
  started: number,
  options: ImportOptions,
): Promise<ImportReport> {
  const shownAs = new Map(files.map((f) => [f.path, f.shownAs]));
  const name = (path: string): string => shownAs.get(path) ?? path;
  // Stops the parsers on cancel, and when a write fails for good (the disk full).
  const halt = new AbortController();
  const cancel = (): void => halt.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) halt.abort();
  let failure: unknown = null;
  let waiting = false;
  let done = 0;
  let current: string | null = null;
  let project: ImportProgress['project'] | null = null;
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
      reprints: report.reprints.length,
      duplicates: report.duplicates.length,
      failed: report.failed.length,
      current: current === null ? null : name(current),
      elapsedMs: Math.round(now - started),
      libraryArticles: articlesBefore + report.imported.length,
      waiting,
      ...(project ? { project } : {}),
    });
  };
  progress(true);

  const writer = articleWriter(db, clock);
  const markDone = jobMarker(db, report.jobId);
  const pending: Parsed[] = [];
  let pendingBytes = 0;
  // Parsed files wait here until every file listed before them has come back, so articles are
  // written (and numbered) in the order the files were listed, not in the order workers finish
  // them: the same folder gives the same article ids every time. null: nothing to write.
  const ready = new Map<number, Parsed | null>();
  let head = 0;
  const release = (): void => {
    for (; ready.has(head); head++) {
      const item = ready.get(head);
      ready.delete(head);
      if (item) pending.push(item);
    }
  };
  // Files written, found duplicate or failed: the rest were not imported.
  let settledFiles = 0;
  const parsed = (index: number, file: JobFile, outcome: ParseOutcome): void => {
    // Dropped unread on cancel: not imported, and left undone in the job's list.
    if (!outcome.ok && outcome.cancelled) return;
    if (outcome.ok && options.meta) outcome = { ...outcome, article: { ...outcome.article, ...options.meta } };
    ready.set(index, { file: file.path, position: file.position, outcome });
    pendingBytes += weight(outcome);
  };
  const add = (result: BatchResult): void => {
    report.imported.push(...result.imported);
    report.reprints.push(...result.reprints);
    report.duplicates.push(...result.duplicates);
    report.failed.push(...result.failed);
    settledFiles += result.imported.length + result.duplicates.length + result.failed.length;
  };
  let lastFlush = performance.now();
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    // One batch per turn, however many files came back meanwhile: a search waits for one at most.
    const batch = pending.length > BATCH_SIZE ? pending.splice(0, BATCH_SIZE) : pending.splice(0);
    for (const { outcome } of batch) pendingBytes -= weight(outcome);
    try {
      // Another program writing (an import, an edit) holds the lock: this batch waits its turn, and says so.
      add(
        await whenFree(db, () => commitBatch(db, writer, batch, name, markDone), {
          patienceMs: Number.POSITIVE_INFINITY,
          signal: halt.signal,
          onWait: (now) => {
            waiting = now;
            progress(true);
          },
        }),
      );
    } catch (error) {
      // Cancelled while waiting: the batch was never written. Anything else ends the import.
      if (!halt.signal.aborted) failure = error;
      halt.abort();
      return;
    }
    lastFlush = performance.now();
    options.checkpoints?.committed();
    options.onCommit?.();
  };

  // Jobs in flight and a way to sleep until the next one settles (Promise.race over the whole
  // window would attach a handler to every pending job on every turn).
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const settled = (index: number, file: string): void => {
    inFlight -= 1;
    done += 1;
    current = file;
    if (!ready.has(index)) ready.set(index, null);
    release();
    wake?.();
    wake = null;
  };
  let next = 0;
  for (;;) {
    while (!halt.signal.aborted && next < files.length && inFlight < WINDOW && pendingBytes < MAX_PENDING_BYTES) {
      const index = next++;
      const file = files[index] as JobFile;
      inFlight += 1;
      // A REFI-QDA project brings its own codebook and passages: its importer writes it whole, in
      // its own transaction, and adds its articles (or its failure) to this report.
      const job =
        extname(file.path).toLowerCase() === QDPX_EXTENSION
          ? importProject(db, clock, file.path, report, name, {
              signal: halt.signal,
              onProgress: (reading) => {
                project = { file: name(file.path), ...reading };
                progress(false);
              },
            }).then((written) => {
              project = null;
              // Cancelled while it was read: nothing of it was written, and it stays in the job's list.
              if (!written) return;
              settledFiles += 1;
              markDone([file.position]);
            })
          : parser.parse(file.path, halt.signal).then(
              (outcome) => parsed(index, file, outcome),
              (error: unknown) => parsed(index, file, { ok: false, error: (error as Error).message }),
            );
      void job.finally(() => settled(index, file.path));
    }
    if (inFlight === 0 && pending.length === 0) break;
    // Stopped by a failed write: what is still parsing or waiting is not written.
    if (failure !== null && inFlight === 0) break;
    if (pending.length === 0 || failure !== null) await new Promise<void>((resolve) => (wake = resolve));
    else if (
      inFlight === 0 ||
      pendingBytes >= MAX_PENDING_BYTES ||
      pending.length >= BATCH_SIZE ||
      performance.now() - lastFlush > BATCH_MS
    ) {
      // A log grown past its limit is copied whole first, so that it restarts (parsing goes on).
      const settling = options.checkpoints?.settle();
      if (settling) await settling;
      await flush();
      // Let searches, edits and progress events through between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    } else {
      // Parsed files wait for company at most until the batch is due: a slow file after them (a
      // long PDF) must not keep them out of the library and the count.
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
  options.signal?.removeEventListener('abort', cancel);
  waiting = false;
  if (failure !== null) {
    stop(db, report, failure, files.length - settledFiles, started);
    progress(true);
    return report;
  }
  report.cancelled = options.signal?.aborted === true && settledFiles < files.length;
  report.notImported = files.length - settledFiles;
  // Ran to its end, or the analyst cancelled it: the job's list has served (a stopped import keeps it).
  try {
    await whenFree(db, () => writeTransaction(db, () => endJob(db, report.jobId)), { patienceMs: Number.POSITIVE_INFINITY });
  } catch (error) {
    return stop(db, report, error, report.notImported, started);
  }
  report.elapsedMs = Math.round(performance.now() - started);
  report.libraryArticles = countArticles(db);
  progress(true);
  return report;
}

export function countArticles(db: Database): number {
  return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
}

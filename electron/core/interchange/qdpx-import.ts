import type { Database } from 'better-sqlite3';
import { basename } from 'node:path';
import type { ImportReport, QdpxImportReport, QdpxProgress } from '../../shared/types';
import type { Clock } from '../clock';
import { ImportError, importErrorMessage } from '../import/errors';
import { writeTransaction } from '../library/write';
import { startWorker } from '../workers';
import type { QdpxWorkerData, QdpxWorkerReply } from './qdpx-worker';
import { type Checked, writeProject } from './qdpx-write';

export interface QdpxImportOptions {
  onProgress?: (progress: QdpxProgress) => void;
  /** Stops the reading (the worker is ended); nothing is written. */
  signal?: AbortSignal;
}

/** The import was cancelled while the project was being read: nothing of it was written. */
export class QdpxCancelled extends Error {
  override name = 'QdpxCancelled';
  constructor() {
    super('the import was cancelled before the project was read; nothing of it was written');
  }
}

/** A project of 878,000 selections needs about 1.5 GB while it is read; more is a bomb. */
const WORKER_HEAP_MB = 3072;

/** Reads and checks the project in a worker thread, so the host answers while a large project.qde streams. */
export function readInWorker(path: string, options: QdpxImportOptions = {}): Promise<Checked> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new QdpxCancelled());
    const worker = startWorker(new URL('./qdpx-worker.ts', import.meta.url), 'qdpx-worker', {
      workerData: { path } satisfies QdpxWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (end: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      end();
    };
    const abort = () => settle(() => reject(new QdpxCancelled()));
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (reply: QdpxWorkerReply) => {
      if ('progress' in reply) options.onProgress?.(reply.progress);
      else if ('checked' in reply) settle(() => resolve(reply.checked));
      else settle(() => reject(reply.refused ? new ImportError(reply.error) : new Error(reply.error)));
    });
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportError(`reading the project needs more than ${WORKER_HEAP_MB / 1024} GB of memory — stopped`)
            : error,
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the project reader stopped unexpectedly (exit code ${code})`))));
  });
}

/**
 * Reads a REFI-QDA project (.qdpx) into the library: its codebook (merged by path with the one
 * there), its text sources as articles (a source whose text is already in the library keeps that
 * article and gains the project's passages), passages with their codes and notes, and the claims
 * and links a Marginalia export carries. Everything is read and checked first, in a worker, and
 * written in one transaction: a damaged or hostile archive is refused whole, with the library untouched.
 */
export async function importQdpx(db: Database, clock: Clock, path: string, options: QdpxImportOptions = {}): Promise<QdpxImportReport> {
  const checked = await readInWorker(path, options);
  return writeTransaction(db, () => writeProject(db, clock, checked));
}

/**
 * The pipeline's hook: imports one .qdpx and adds its articles, duplicates or failure to a batch
 * import's report. False when it was cancelled before anything was written.
 */
export async function importQdpxInto(
  db: Database,
  clock: Clock,
  file: string,
  report: ImportReport,
  name: (p: string) => string,
  options: QdpxImportOptions = {},
): Promise<boolean> {
  try {
    const result = await importQdpx(db, clock, file, options);
    for (const article of result.imported) report.imported.push({ file: name(file), ...article });
    for (const duplicate of result.duplicates) {
      report.duplicates.push({
        file: `${name(file)} (${duplicate.source})`,
        existingId: duplicate.existingId,
        existingTitle: duplicate.existingTitle,
      });
    }
  } catch (error) {
    if (error instanceof QdpxCancelled) return false;
    report.failed.push({ file: name(file), error: `${basename(name(file))}: ${importErrorMessage(error)}` });
  }
  return true;
}

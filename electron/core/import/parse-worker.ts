/** Worker thread body for the parse pool: reads the files it is sent, parses them, sends them back. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { prepareArticle } from './prepare';
import { importErrorMessage, ImportError } from './errors';
import { MAX_DOCUMENT_FILE_BYTES, parseFile } from './formats';
import { formatMegabytes } from './size';
import {
  CANCELLED,
  type ParseOutcome,
  type ParseWorkerData,
  type WorkerReply,
  type WorkerRequest,
  type WorkerResult,
} from './parse-messages';

if (!parentPort) throw new Error('parse-worker must run in a worker thread');
const port = parentPort;

// On Linux a priority set for "this process" applies to the calling thread alone; elsewhere it would
// lower the whole app, so there the worker keeps its priority.
if ((workerData as ParseWorkerData).background && process.platform === 'linux') {
  try {
    setPriority(constants.priority.PRIORITY_LOW);
  } catch {
    // A sandbox may forbid it: the worker then simply competes at normal priority.
  }
}

// Results go back several at a time (see WorkerRequest), at once when nothing else is waiting, and
// at least this often for slow files (progress, and a cancel gets in between them).
const RESULTS_PER_MESSAGE = 8;
const RESULTS_EVERY_MS = 50;
const waiting: { id: number; path: string }[] = [];
let working = false;

port.postMessage({ ready: true } satisfies WorkerReply);
port.on('message', (request: WorkerRequest) => {
  if ('cancel' in request) {
    skip(new Set(request.cancel));
    return;
  }
  for (const job of request.jobs) waiting.push(job);
  if (!working) void work();
});

/** Jobs of a cancelled import that have not started are answered without reading their files. */
function skip(cancelled: Set<number>): void {
  const results: WorkerResult[] = [];
  let kept = 0;
  for (const job of waiting) {
    if (cancelled.has(job.id)) results.push({ id: job.id, ...CANCELLED });
    else waiting[kept++] = job;
  }
  waiting.length = kept;
  if (results.length > 0) port.postMessage({ results } satisfies WorkerReply);
}

// A file this large may take long or exhaust the heap: the results before it go back first, so
// that a crash on it costs no other file.
const LARGE_FILE_BYTES = 1_000_000;

async function work(): Promise<void> {
  working = true;
  let results: WorkerResult[] = [];
  let transfer: ArrayBuffer[] = [];
  let flushed = performance.now();
  const flush = () => {
    port.postMessage({ results } satisfies WorkerReply, transfer);
    results = [];
    transfer = [];
    flushed = performance.now();
  };
  while (waiting.length > 0) {
    const { id, path } = waiting.shift()!;
    const outcome = await handle(path, () => results.length > 0 && flush());
    results.push({ id, ...outcome.reply });
    transfer.push(...outcome.transfer);
    if (results.length >= RESULTS_PER_MESSAGE || waiting.length === 0 || performance.now() - flushed > RESULTS_EVERY_MS) {
      flush();
      // Let messages in (more jobs, a cancel): parsing a text file never waits on anything.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  working = false;
}

async function handle(path: string, beforeLargeFile: () => void): Promise<{ reply: ParseOutcome; transfer: ArrayBuffer[] }> {
  try {
    const bytes = readWhole(path);
    if (bytes.length >= LARGE_FILE_BYTES) beforeLargeFile();
    const article = await parseFile(bytes, basename(path));
    return { reply: { ok: true, article: prepareArticle(article), bytes, size: bytes.length }, transfer: [bytes.buffer as ArrayBuffer] };
  } catch (error) {
    return { reply: { ok: false, error: readError(error) }, transfer: [] };
  }
}

/**
 * Synchronous on purpose: this thread has nothing else to do, and small files would otherwise pay
 * two thread-pool round trips each. The buffer is exclusive, so it can be transferred back.
 */
function readWhole(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    // Refuse before reading: no format accepts more than this.
    if (size > MAX_DOCUMENT_FILE_BYTES) {
      throw new ImportError(`the file is ${formatMegabytes(size)}; the limit is ${formatMegabytes(MAX_DOCUMENT_FILE_BYTES)}`);
    }
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === size ? bytes : bytes.slice(0, read);
  } finally {
    closeSync(fd);
  }
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'this is a folder, not a file';
  return importErrorMessage(error);
}

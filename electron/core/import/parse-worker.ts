/** Worker thread body for the parse pool: reads one file per message, parses it, sends it back. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { digestArticle } from './digest';
import { importErrorMessage, ImportError } from './errors';
import { MAX_DOCUMENT_FILE_BYTES, parseFile } from './formats';
import { formatMegabytes } from './size';
import type { WorkerReply, WorkerRequest } from './parse-pool';

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

port.postMessage({ ready: true } satisfies WorkerReply);
port.on('message', (request: WorkerRequest) => {
  void handle(request).then(
    ({ reply, transfer }) => port.postMessage(reply, transfer),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: importErrorMessage(error) } satisfies WorkerReply),
  );
});

async function handle({ id, path }: WorkerRequest): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  try {
    const bytes = readWhole(path);
    const article = await parseFile(bytes, basename(path));
    // Hash and number tokens here, in parallel, rather than in the single writer.
    return { reply: { id, ok: true, article, digest: digestArticle(article), bytes, size: bytes.length }, transfer: [bytes.buffer as ArrayBuffer] };
  } catch (error) {
    return { reply: { id, ok: false, error: readError(error) }, transfer: [] };
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

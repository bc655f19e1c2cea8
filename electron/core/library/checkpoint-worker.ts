/**
 * Worker thread body for BackgroundCheckpoints: copies the library's write-ahead log into the
 * database file on its own connection, so a long import's commits stay short on the writer.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointWorkerData {
  path: string;
  nativeBinding?: string;
}
export interface CheckpointRequest {
  id: number;
  /** Close the connection afterwards (the job is over; an idle library keeps one connection). */
  last: boolean;
}
export type CheckpointReply = { id: number; log: number; checkpointed: number } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('checkpoint-worker must run in a worker thread');
const { path, nativeBinding } = workerData as CheckpointWorkerData;
let db: Database.Database | null = null;

port.on('message', ({ id, last }: CheckpointRequest) => {
  try {
    db ??= new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    // PASSIVE never waits for the writer or readers: it copies what it can and returns.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    port.postMessage({ id, log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 } satisfies CheckpointReply);
  } catch (error) {
    port.postMessage({ id, error: (error as Error).message } satisfies CheckpointReply);
  } finally {
    if (last) {
      db?.close();
      db = null;
    }
  }
});

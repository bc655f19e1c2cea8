/** Worker thread body: reads and checks one REFI-QDA project off the host's main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from '../import/errors';
import type { QdpxProgress } from '../../shared/types';
import type { Checked } from './qdpx-write';
import { readCheckedProject } from './qdpx-check';

export interface QdpxWorkerData {
  path: string;
}

export type QdpxWorkerReply =
  | { progress: QdpxProgress }
  | { checked: Checked }
  /** refused: the project itself is at fault (an ImportError), not the reading of it. */
  | { error: string; refused: boolean };

if (!parentPort) throw new Error('qdpx-worker must run in a worker thread');
const port = parentPort;

readCheckedProject((workerData as QdpxWorkerData).path, (progress) => port.postMessage({ progress } satisfies QdpxWorkerReply)).then(
  // Copied, not transferred: small texts share Node's pooled buffers.
  (checked) => port.postMessage({ checked } satisfies QdpxWorkerReply),
  (error: unknown) =>
    port.postMessage({
      error: error instanceof Error ? error.message : String(error),
      refused: error instanceof ImportError,
    } satisfies QdpxWorkerReply),
);

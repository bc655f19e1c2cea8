/**
 * A worker unreferenced while it stops, in a process with nothing else to keep it alive: what the
 * parse pool did when a worker's late message arrived as an import closed it. Run as
 * `node bin/run-ts.mjs tests/stop-worker-child.ts`; prints the worker's exit code once it stopped.
 */
import { Worker } from 'node:worker_threads';
import { stopWorker } from '../electron/core/workers';

const worker = new Worker("require('node:worker_threads').parentPort.postMessage('ready'); setInterval(() => {}, 1000);", { eval: true });
await new Promise((resolve) => worker.once('message', resolve));
const stopping = stopWorker(worker);
worker.unref();
process.stdout.write(`stopped with exit code ${await stopping}\n`);

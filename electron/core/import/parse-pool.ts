import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker, stopWorker } from '../workers';
import { CANCELLED, type ParseOutcome, type ParseWorkerData, type WorkerReply, type WorkerRequest } from './parse-messages';

export type { ParseOutcome } from './parse-messages';

export interface ParsePoolOptions {
  /** Worker count; defaults to the number of cores. */
  size?: number;
  /** A file that takes longer is reported as failed and its worker replaced. */
  timeoutMs?: number;
  /** Heap cap per worker: a file that exhausts it kills only its worker. */
  maxHeapMb?: number;
}

export interface ParsePool {
  /**
   * Parses one file in a worker; never rejects: failures come back as `{ ok: false }`. Once the
   * signal aborts, files not yet started come back as CANCELLED.
   */
  parse(filePath: string, signal?: AbortSignal): Promise<ParseOutcome>;
  /** Starts every worker and resolves once all have loaded their code (idle workers cost nothing). */
  warm(): Promise<void>;
  close(): Promise<void>;
  readonly size: number;
}

export const PARSE_TIMEOUT_MS = 60_000;
// Enough jobs queued in each worker that it keeps parsing while the writer commits a batch (about
// 10 ms, during which no message reaches a worker): with 16, workers sat idle and the writer then
// waited for them a fifth of the time. A crash sends the others back to the queue; a cancel drops
// those not started.
const JOBS_PER_WORKER = 64;

interface Job {
  id: number;
  path: string;
  resolve: (outcome: ParseOutcome) => void;
  crashes: number;
  signal: AbortSignal | undefined;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, { job: Job; timer: NodeJS.Timeout }>;
  /** Jobs (and their timeouts) start only once the worker has loaded its code. */
  ready: boolean;
  loaded: Promise<void>;
  dead: boolean;
  /** Runs at the lowest priority: it parses with the CPU the writer and the other workers leave. */
  background: boolean;
}

/** A pool of worker threads that parse files on every core; a crash or a hang costs one file. */
export function createParsePool(opts: ParsePoolOptions = {}): ParsePool {
  const size = Math.max(1, Math.floor(opts.size ?? availableParallelism()));
  const timeoutMs = opts.timeoutMs ?? PARSE_TIMEOUT_MS;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    // One core is the writer's (the host's main thread, which also answers the UI): workers beyond
    // the other cores run in the background. Taking turns on the cores at equal priority cost a
    // tenth more CPU per imported text file; PDFs, which leave the writer idle, still use every core.
    const background = slots.filter((s) => !s.background).length >= Math.max(1, availableParallelism() - 1);
    const worker = startWorker(new URL('./parse-worker.ts', import.meta.url), 'parse-worker', {
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 2048 },
      workerData: { background } satisfies ParseWorkerData,
    });
    let loaded = (): void => {};
    const slot: Slot = {
      worker,
      jobs: new Map(),
      ready: false,
      loaded: new Promise((resolve) => (loaded = resolve)),
      dead: false,
      background,
    };
    worker.once('exit', () => loaded());
    worker.on('message', (reply: WorkerReply) => {
      // A stopped worker's late message: its jobs are answered, and it must stay referenced to exit.
      if (slot.dead) return;
      if ('ready' in reply) {
        slot.ready = true;
        loaded();
        pump();
        if (slot.jobs.size === 0) worker.unref();
        return;
      }
      for (const { id, ...outcome } of reply.results) {
        const entry = slot.jobs.get(id);
        if (!entry) continue;
        clearTimeout(entry.timer);
        slot.jobs.delete(id);
        entry.job.resolve(outcome as ParseOutcome);
      }
      pump();
      // An idle pool must not keep the process alive.
      if (slot.jobs.size === 0) worker.unref();
    });
    worker.on('error', (error) => lose(slot, describeCrash(error)));
    worker.on('exit', (code) => lose(slot, `the parser stopped unexpectedly (exit code ${code})`));
    slots.push(slot);
    return slot;
  };

  /** A worker died: jobs it held go back to the queue once; a job that crashes twice fails. */
  const lose = (slot: Slot, reason: string, culprit?: number) => {
    if (slot.dead) return;
    slot.dead = true;
    slots.splice(slots.indexOf(slot), 1);
    for (const [id, { job, timer }] of slot.jobs) {
      clearTimeout(timer);
      if (job.signal?.aborted && id !== culprit) job.resolve(CANCELLED);
      else if (id !== culprit && ++job.crashes < 2 && !closed) queue.unshift(job);
      else job.resolve({ ok: false, error: reason });
    }
    slot.jobs.clear();
    void stopWorker(slot.worker);
    pump();
  };

  /** Hands jobs to a worker in one message; each job's clock allows for the ones ahead of it. */
  const send = (slot: Slot, jobs: Job[]) => {
    for (const job of jobs) {
      const allowed = timeoutMs * (slot.jobs.size + 1);
      const timer = setTimeout(
        () =>
          lose(
            slot,
            `reading the file took longer than ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} — stopped`,
            job.id,
          ),
        allowed,
      );
      slot.jobs.set(job.id, { job, timer });
    }
    slot.worker.ref();
    slot.worker.postMessage({ jobs: jobs.map(({ id, path }) => ({ id, path })) } satisfies WorkerRequest);
  };

  // Jobs asked for in one turn of the event loop go out together: one message per worker, not per file.
  let pumpQueued = false;
  const pumpSoon = () => {
    if (pumpQueued) return;
    pumpQueued = true;
    queueMicrotask(() => {
      pumpQueued = false;
      pump();
    });
  };

  /** An import was cancelled: its queued files are answered at once, workers skip those not started. */
  const watched = new WeakSet<AbortSignal>();
  const watch = (signal: AbortSignal | undefined) => {
    if (!signal || watched.has(signal)) return;
    watched.add(signal);
    signal.addEventListener(
      'abort',
      () => {
        let kept = 0;
        for (const job of queue) {
          if (job.signal === signal) job.resolve(CANCELLED);
          else queue[kept++] = job;
        }
        queue.length = kept;
        for (const slot of slots) {
          const ids = [...slot.jobs.values()].filter(({ job }) => job.signal === signal).map(({ job }) => job.id);
          if (ids.length > 0) slot.worker.postMessage({ cancel: ids } satisfies WorkerRequest);
        }
      },
      { once: true },
    );
  };

  const pump = () => {
    if (closed) return;
    // Start workers while there is more work than the running ones can take.
    const capacity = slots.reduce((n, s) => n + JOBS_PER_WORKER - s.jobs.size, 0);
    for (let missing = queue.length - capacity; missing > 0 && slots.length < size; missing -= JOBS_PER_WORKER) spawn();
    const outgoing = new Map<Slot, Job[]>();
    const load = (s: Slot) => s.jobs.size + (outgoing.get(s)?.length ?? 0);
    while (queue.length > 0) {
      const slot = slots.reduce<Slot | null>((best, s) => (s.ready && (best === null || load(s) < load(best)) ? s : best), null);
      if (slot === null || load(slot) >= JOBS_PER_WORKER) break;
      const jobs = outgoing.get(slot) ?? [];
      jobs.push(queue.shift()!);
      outgoing.set(slot, jobs);
    }
    for (const [slot, jobs] of outgoing) send(slot, jobs);
  };

  return {
    size,
    parse(filePath, signal) {
      if (closed) return Promise.resolve({ ok: false, error: 'the import was stopped' });
      if (signal?.aborted) return Promise.resolve(CANCELLED);
      watch(signal);
      return new Promise<ParseOutcome>((resolve) => {
        queue.push({ id: nextId++, path: filePath, resolve, crashes: 0, signal });
        pumpSoon();
      });
    },
    async warm() {
      while (!closed && slots.length < size) spawn();
      await Promise.all(slots.map((slot) => slot.loaded));
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve({ ok: false, error: 'the import was stopped' });
      const stopping = slots.splice(0).map((slot) => {
        slot.dead = true;
        for (const { job, timer } of slot.jobs.values()) {
          clearTimeout(timer);
          job.resolve({ ok: false, error: 'the import was stopped' });
        }
        return stopWorker(slot.worker);
      });
      await Promise.all(stopping);
    },
  };
}

function describeCrash(error: Error): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return 'the file needs more memory than the parser may use';
  return `the parser crashed (${error.message})`;
}

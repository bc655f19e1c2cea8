import type { Database } from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers';
import type { CheckpointReply, CheckpointRequest, CheckpointWorkerData } from './checkpoint-worker';

// About 64 MB of log in 4 KB pages. Past it the writer pauses until the worker has copied the log
// whole, so that the log restarts from its beginning instead of growing for the whole import.
export const WAL_HIGH_WATER_FRAMES = 16_384;
// Checkpoints a little apart copy a page that several commits rewrote once, not each time (the
// worker's work fell by a third against one checkpoint per commit). Not much further apart: a
// checkpoint's time goes mostly to syncing what it copied, and a writer waiting for the log to
// restart waits for one (at 250 ms apart it waited half as long again).
export const CHECKPOINT_INTERVAL_MS = 100;

/**
 * Checkpoints on a worker thread while a long job writes. SQLite's automatic checkpoint runs inside
 * the commit that crosses its threshold, on the writer: during an import that is about a third of
 * the writer's time. While `during` runs, this connection stops checkpointing and the worker copies
 * each committed batch into the database file on its own connection (PASSIVE: it never blocks the
 * writer or readers). The job is done once its data is committed; the worker copies the rest of
 * the log after it, and only then does the connection take its own checkpoints back. Should the
 * worker fail, the connection simply checkpoints itself again.
 */
export class BackgroundCheckpoints {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, (reply: CheckpointReply | null) => void>();
  private nextId = 1;
  private active = 0;
  private failed = false;
  /** The connection's own checkpoint threshold while it is switched off, to be given back. */
  private automatic: number | null = null;
  private running: Promise<unknown> | null = null;
  /** The copy of the rest of the log after a job. */
  private finishing: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private lastStart = 0;
  /** The log's size (frames) at which the writer waits for it to be copied. */
  private limit = WAL_HIGH_WATER_FRAMES;

  constructor(
    private readonly db: Database,
    private readonly path: string,
    private readonly nativeBinding?: string,
    private readonly highWater = WAL_HIGH_WATER_FRAMES,
    private readonly intervalMs = CHECKPOINT_INTERVAL_MS,
  ) {}

  async during<T>(work: () => Promise<T>): Promise<T> {
    if (!this.begin()) return work();
    try {
      return await work();
    } finally {
      this.end();
    }
  }

  /** A batch was committed: the worker copies it (one checkpoint at a time, then one more if needed). */
  committed(): void {
    if (this.active === 0 || this.failed || this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const wait = this.lastStart + this.intervalMs - performance.now();
    if (wait <= 0) this.running = this.run(false);
    else
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.active > 0 && !this.failed && !this.running) this.running = this.run(false);
      }, wait);
  }

  /** Before the next write: null, or a promise to await when the log has grown past its limit. */
  settle(): Promise<void> | null {
    if (this.active === 0 || this.failed) return null;
    const frames = this.logFrames();
    if (frames === null || frames < this.limit) return null;
    return this.catchUp(false);
  }

  /** Resolves when no checkpoint is running or due after a job (the first one also waits for the worker to start). */
  async idle(): Promise<void> {
    while (this.running || this.finishing) await (this.running ?? this.finishing);
  }

  close(): void {
    this.cancelTimer();
    this.release();
    void this.worker?.terminate();
    this.worker = null;
  }

  private begin(): boolean {
    if (!this.db.open || this.db.memory || this.db.pragma('journal_mode', { simple: true }) !== 'wal') return false;
    if (this.active++ === 0) {
      this.failed = false;
      this.limit = this.highWater;
      // Still off when the last job's log is being copied: the value to give back is kept.
      this.automatic ??= this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
      this.db.pragma('wal_autocheckpoint = 0');
      // Start the worker now: it loads while the job reads and parses its first files.
      if (!this.finishing) this.running = this.run(false);
    }
    return true;
  }

  private end(): void {
    if (--this.active > 0) return;
    const finishing: Promise<void> = this.finish().finally(() => {
      if (this.finishing === finishing) this.finishing = null;
    });
    this.finishing = finishing;
  }

  private async finish(): Promise<void> {
    if (!this.failed) await this.catchUp(true);
    // A job that began meanwhile gives checkpointing back when it ends.
    if (this.active === 0) {
      this.restoreAutomatic();
      this.worker?.unref();
    }
  }

  /** With no commit in between, a checkpoint copies the whole log and the next write restarts it. */
  private async catchUp(last: boolean): Promise<void> {
    this.cancelTimer();
    while (this.running) await this.running;
    const run = this.run(last);
    this.running = run;
    const reply = await run;
    // Copied whole, the log restarts; else a reader elsewhere holds old pages: wait again only
    // after as much growth again.
    if (reply && 'log' in reply) this.limit = reply.checkpointed >= reply.log ? this.highWater : reply.log + this.highWater;
  }

  /**
   * The log's size now, read on this connection: a NOOP checkpoint copies nothing and takes no lock,
   * it only reads the log's shared header. (The worker's answers tell the size as it was at its last
   * checkpoint: a worker kept waiting for a core would let the log grow well past its limit.)
   */
  private logFrames(): number | null {
    try {
      const [result] = this.db.pragma('wal_checkpoint(NOOP)') as { log: number }[];
      return result && result.log >= 0 ? result.log : null;
    } catch {
      // Only inside a transaction, which the writer never holds between batches: wait next time.
      return null;
    }
  }

  private async run(last: boolean): Promise<CheckpointReply | null> {
    this.lastStart = performance.now();
    const reply = await this.request(last);
    if (reply === null || 'error' in reply) this.fail();
    this.running = null;
    if (this.again && !last) {
      this.again = false;
      this.committed();
    }
    return reply;
  }

  private request(last: boolean): Promise<CheckpointReply | null> {
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    worker.ref();
    worker.postMessage({ id, last } satisfies CheckpointRequest);
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  private spawn(): Worker {
    const worker = startWorker(new URL('./checkpoint-worker.ts', import.meta.url), 'checkpoint-worker', {
      workerData: { path: this.path, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) } satisfies CheckpointWorkerData,
    });
    worker.on('message', (reply: CheckpointReply) => {
      const resolve = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      resolve?.(reply);
    });
    const lost = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.release();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.worker = worker;
    return worker;
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Answers every waiting request with null: the worker is gone. */
  private release(): void {
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }

  /** The worker cannot checkpoint: this connection takes the job back for the rest of the import. */
  private fail(): void {
    this.failed = true;
    this.again = false;
    this.restoreAutomatic();
  }

  private restoreAutomatic(): void {
    if (this.automatic !== null && this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.automatic}`);
    this.automatic = null;
  }
}

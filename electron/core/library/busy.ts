import type { Database } from 'better-sqlite3';
import { MarginaliaError } from '../errors';

/** True for SQLite's "another connection holds the lock" errors (any SQLITE_BUSY variant). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export const WAITING_MESSAGE = 'Waiting for another program writing to this library…';

export interface WaitOptions {
  /** Told true once the write has to wait for another program, and false once it went ahead (or gave up). */
  onWait?: (waiting: boolean) => void;
  signal?: AbortSignal;
  /** How long to keep trying before giving up (the write is then not made). */
  patienceMs?: number;
}

// Each attempt waits this long inside SQLite (blocking this thread) before the wait goes on
// asynchronously, so a host keeps answering reads while another program holds the write lock.
const ATTEMPT_MS = 100;
const FIRST_DELAY_MS = 20;
const MAX_DELAY_MS = 1000;
const DEFAULT_PATIENCE_MS = 60_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a write (a whole transaction) and, while another connection holds the library's write lock,
 * runs it again from the start with growing pauses: a transaction that lost the lock has rolled
 * back, so retrying it whole is safe. Gives up after `patienceMs` with a message in words.
 */
export async function whenFree<T>(db: Database, write: () => T, options: WaitOptions = {}): Promise<T> {
  const started = performance.now();
  const patience = options.patienceMs ?? DEFAULT_PATIENCE_MS;
  let delay = FIRST_DELAY_MS;
  let waiting = false;
  const settle = (): void => {
    if (waiting) options.onWait?.(false);
    waiting = false;
  };
  for (;;) {
    const previous = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma(`busy_timeout = ${ATTEMPT_MS}`);
    try {
      const value = write();
      settle();
      return value;
    } catch (error) {
      if (!isBusy(error)) {
        settle();
        throw error;
      }
    } finally {
      if (db.open) db.pragma(`busy_timeout = ${previous}`);
    }
    if (!waiting) options.onWait?.((waiting = true));
    const waited = performance.now() - started;
    if (options.signal?.aborted || waited >= patience) {
      settle();
      throw new MarginaliaError(
        'busy',
        `Another program kept this library busy for ${Math.round(waited / 1000)} s, so this change was not made (nothing was lost). ` +
          'Try again once it has finished (an import or a large edit in another window, or the marginalia command).',
      );
    }
    await sleep(Math.min(delay * (0.75 + Math.random() / 2), patience - waited));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

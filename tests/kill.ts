import Database from 'better-sqlite3';
import { committedFrames } from '../electron/core/library/wal-guard';

/** Waits until `ready()` holds, checking again each time a short pause is over (a state, not a time). */
export async function until(ready: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  let pause = 5;
  while (!ready()) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 100);
  }
}

/** Articles committed to a library so far, read by a connection of the test's own (read-only). */
export function committedArticles(library: string): number {
  try {
    const db = new Database(library, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/**
 * Kills a writer's process group at a moment its library's log holds committed frames: a kill
 * just after the writer restarted the log, before its next commit, leaves a log SQLite ignores.
 * The group is stopped to look, and let go on to its next commit when the log holds none.
 */
export async function killWhileLogged(pid: number, library: string): Promise<void> {
  for (;;) {
    process.kill(-pid, 'SIGSTOP');
    if (committedFrames(`${library}-wal`) > 0) {
      process.kill(-pid, 'SIGKILL');
      return;
    }
    const seen = committedArticles(library);
    process.kill(-pid, 'SIGCONT');
    await until(() => committedArticles(library) > seen, 'another commit');
  }
}

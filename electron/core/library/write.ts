import type { Database } from 'better-sqlite3';
import { bumpMark } from './write-mark';
import { registerActingCoder } from '../teams/acting';

/**
 * The one way to write to a library: an immediate transaction (it takes the write lock at once,
 * so it waits its turn behind another program instead of failing halfway when that program
 * commits first) that moves the write mark on, and registers the connection's acting coder on
 * their first write (teams/acting.ts), before the body runs. Callers that may wait for
 * another program run it through whenFree (busy.ts).
 */
export function writeTransaction<T>(db: Database, body: () => T): T {
  return db
    .transaction(() => {
      bumpMark(db);
      registerActingCoder(db);
      return body();
    })
    .immediate();
}

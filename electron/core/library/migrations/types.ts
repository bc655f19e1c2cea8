import type { Database } from 'better-sqlite3';

/** How far a long migration has got: `done` of `total` rows (articles, for a re-index). */
export interface MigrationProgress {
  version: number;
  name: string;
  done: number;
  total: number;
}

export interface Migration {
  /** Becomes PRAGMA user_version once applied; migrations run in ascending order, one transaction each. */
  version: number;
  name: string;
  up: string;
  /**
   * Work SQL cannot do alone (stemming every article), run after `up` in the same transaction, so
   * that a library is migrated whole or not at all. Reports its progress as it goes.
   */
  run?: (db: Database, progress: (done: number, total: number) => void) => void;
}

import type { Migration } from './types';

/**
 * What each commit changed, said by the writer in the same transaction, so that another process
 * with the library open (the app while the CLI tags or imports) refreshes only what changed. Only
 * the latest rows are kept (change-log.ts); a commit that left no row reads as "anything changed".
 */
export const migration010: Migration = {
  version: 10,
  name: 'change log',
  up: `
    CREATE TABLE change_log (
      version INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      kinds TEXT NOT NULL
    );
  `,
};

import type { Migration } from './types';

/**
 * What keeps a library whole across crashes and copies:
 * - `library_meta`: the library's own id (random, made once) and small settings. Its page also
 *   carries the write mark that ties a write-ahead log to the file it was written on (see
 *   library/wal-guard.ts).
 * - `import_jobs` / `import_job_files`: an import's file list, kept until the import ends, each file
 *   marked done in the same transaction that writes its article, so an import cut short (the
 *   process killed, the disk full) can import the rest and nothing twice.
 */
export const migration008: Migration = {
  version: 8,
  name: 'library identity and import jobs',
  up: `
    CREATE TABLE library_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO library_meta (key, value) VALUES ('uid', lower(hex(randomblob(16))));

    CREATE TABLE import_jobs (
      id         TEXT PRIMARY KEY,
      started_at TEXT NOT NULL,
      -- The process running it (host and pid), so another one can tell a live job from an interrupted one.
      owner      TEXT NOT NULL,
      -- What the analyst asked to import (JSON list of the names shown), for the notice.
      paths      TEXT NOT NULL
    );
    CREATE TABLE import_job_files (
      job_id   TEXT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      path     TEXT NOT NULL,
      shown_as TEXT NOT NULL,
      done     INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (job_id, position)
    ) WITHOUT ROWID;
  `,
};

import type { Migration } from './types';

/**
 * Candidate claims the analyst dismissed in the reader, by their place in the article: the
 * candidates are found again from the text each time, so the place is what is remembered.
 */
export const migration014: Migration = {
  version: 14,
  name: 'candidate dismissals',
  up: `
    CREATE TABLE candidate_dismissals (
      id         INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      start      INTEGER NOT NULL,
      "end"      INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (article_id, start, "end")
    );
  `,
};

import type { Migration } from './types';

/**
 * Memos: a Markdown memo per article and one for the library (article_id NULL), beside the notes
 * of single passages. Searched like passages: their own FTS5 table with the exact words, number
 * tokens and stems (migration 9), kept in step by triggers (so undo, which puts rows back with
 * plain INSERTs, indexes them too).
 */
export const migration011: Migration = {
  version: 11,
  name: 'memos',
  up: `
    CREATE TABLE memos (
      id          INTEGER PRIMARY KEY,
      uid         TEXT NOT NULL UNIQUE,
      article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
      text        TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE UNIQUE INDEX memos_scope ON memos(ifnull(article_id, 0));
    CREATE VIRTUAL TABLE memos_fts USING fts5(text, numbers, stems, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER memos_fts_insert AFTER INSERT ON memos BEGIN
      INSERT INTO memos_fts(rowid, text, numbers, stems) VALUES (new.id, new.text, marginalia_numbers(new.text), marginalia_stems(new.text));
    END;
    CREATE TRIGGER memos_fts_update AFTER UPDATE OF text ON memos BEGIN
      DELETE FROM memos_fts WHERE rowid = old.id;
      INSERT INTO memos_fts(rowid, text, numbers, stems) VALUES (new.id, new.text, marginalia_numbers(new.text), marginalia_stems(new.text));
    END;
    CREATE TRIGGER memos_fts_delete AFTER DELETE ON memos BEGIN
      DELETE FROM memos_fts WHERE rowid = old.id;
    END;
  `,
};

import type { Database } from 'better-sqlite3';
import { numberTokensOf } from '../../search/numbers';
import { stemTokensOf } from '../../text/stem';
import type { Migration } from './types';

const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;

/**
 * Search that understands words: every index gains a column of stems (marginalia_stems(): each
 * stem of the text that differs from its word, once), so "refugee" finds "refugees" and
 * "беженцы" finds "беженцев", while the exact words keep their own columns (phrases, prefixes,
 * and ranking exact forms first). Number tokens are recomputed too: a lone "m" is now read as
 * metres where the words around say so ("a leap of 6.50m"), not as million.
 *
 * The article index is rebuilt article by article in JS (stemming is ours), with progress; the
 * passage index, small, in SQL. The claims index (stemmed since migration 7) gets its number
 * tokens again, and articles whose text glues an "m" to a number go back on the sentence queue,
 * since their figures may now read as metres.
 */
export const migration009: Migration = {
  version: 9,
  name: 'stemmed search',
  up: `
    ALTER TABLE articles ADD COLUMN stems TEXT NOT NULL DEFAULT '';
    DROP TRIGGER articles_fts_update;
    DROP TRIGGER articles_fts_delete;
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      title, outlet, byline, text, numbers, stems, content = 'articles', content_rowid = 'id', ${TOKENIZE}
    );
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 64);
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 2.0, 2.0, 1.0, 1.0, 0.5)');
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, outlet, byline, text ON articles BEGIN
      INSERT INTO articles_fts(articles_fts, rowid, title, outlet, byline, text, numbers, stems)
      VALUES ('delete', old.id, old.title, old.outlet, old.byline, old.text, old.numbers, old.stems);
      UPDATE articles SET numbers = marginalia_numbers(new.title, new.text), stems = marginalia_stems(new.title, new.text)
      WHERE id = new.id;
      INSERT INTO articles_fts(rowid, title, outlet, byline, text, numbers, stems)
      SELECT id, title, outlet, byline, text, numbers, stems FROM articles WHERE id = new.id;
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
      INSERT INTO articles_fts(articles_fts, rowid, title, outlet, byline, text, numbers, stems)
      VALUES ('delete', old.id, old.title, old.outlet, old.byline, old.text, old.numbers, old.stems);
    END;

    DROP TRIGGER passages_fts_insert;
    DROP TRIGGER passages_fts_update;
    DROP TRIGGER passages_fts_delete;
    DROP TABLE passages_fts;
    CREATE VIRTUAL TABLE passages_fts USING fts5(exact, note, exact_numbers, note_numbers, exact_stems, note_stems, ${TOKENIZE});
    INSERT INTO passages_fts(passages_fts, rank) VALUES ('rank', 'bm25(1.0, 1.0, 1.0, 1.0, 0.5, 0.5)');
    INSERT INTO passages_fts(rowid, exact, note, exact_numbers, note_numbers, exact_stems, note_stems)
      SELECT id, exact, note, marginalia_numbers(exact), marginalia_numbers(note), marginalia_stems(exact), marginalia_stems(note)
      FROM passages;
    CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
      INSERT INTO passages_fts(rowid, exact, note, exact_numbers, note_numbers, exact_stems, note_stems)
      VALUES (new.id, new.exact, new.note, marginalia_numbers(new.exact), marginalia_numbers(new.note),
              marginalia_stems(new.exact), marginalia_stems(new.note));
    END;
    CREATE TRIGGER passages_fts_update AFTER UPDATE OF exact, note ON passages BEGIN
      DELETE FROM passages_fts WHERE rowid = old.id;
      INSERT INTO passages_fts(rowid, exact, note, exact_numbers, note_numbers, exact_stems, note_stems)
      VALUES (new.id, new.exact, new.note, marginalia_numbers(new.exact), marginalia_numbers(new.note),
              marginalia_stems(new.exact), marginalia_stems(new.note));
    END;
    CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
      DELETE FROM passages_fts WHERE rowid = old.id;
    END;

    DELETE FROM claims_fts;
    INSERT INTO claims_fts(rowid, statement, speaker, note, numbers, terms)
      SELECT id, statement, ifnull(speaker, ''), note, marginalia_numbers(statement), marginalia_terms(statement) FROM claims;
    INSERT OR IGNORE INTO sentence_queue (article_id)
      SELECT id FROM articles WHERE text GLOB '*[0-9][mM][^a-zA-Z]*' OR text GLOB '*[0-9][mM]';
  `,
  run: reindexArticles,
};

const BATCH = 200;

/** Recomputes every article's number tokens and stems and indexes it, BATCH articles at a time. */
function reindexArticles(db: Database, progress: (done: number, total: number) => void): void {
  const total = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const page = db.prepare('SELECT id, title, outlet, byline, text FROM articles WHERE id > ? ORDER BY id LIMIT ?');
  const update = db.prepare('UPDATE articles SET numbers = ?, stems = ? WHERE id = ?');
  const index = db.prepare('INSERT INTO articles_fts(rowid, title, outlet, byline, text, numbers, stems) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let done = 0;
  let last = 0;
  progress(0, total);
  for (;;) {
    const rows = page.all(last, BATCH) as Array<{ id: number; title: string; outlet: string | null; byline: string | null; text: string }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      const numbers = numberTokensOf(row.title, row.text);
      const stems = stemTokensOf(row.title, row.text);
      update.run(numbers, stems, row.id);
      index.run(row.id, row.title, row.outlet, row.byline, row.text, numbers, stems);
    }
    last = rows.at(-1)!.id;
    done += rows.length;
    progress(done, total);
  }
}

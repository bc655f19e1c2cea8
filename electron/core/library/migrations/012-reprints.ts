import type { Database } from 'better-sqlite3';
import { minHashOf } from '../../articles/minhash';
import { reprintGrouper } from '../../articles/reprints';
import type { Migration } from './types';

/**
 * Reprints: the same text under another headline, outlet or date is its own article, grouped with
 * its copies. Each article keeps the MinHash signature of its wording (in its row, so undoing a
 * delete brings it back) and its LSH band keys in `article_bands`, looked up by key; band rows of
 * deleted articles are left behind harmlessly (every lookup joins the articles still there, and a
 * restored article has the same keys). `reprint_group` names a group by one of its articles' ids.
 * Articles already in a library are signed and grouped here, with progress.
 */
export const migration012: Migration = {
  version: 12,
  name: 'reprints',
  up: `
    ALTER TABLE articles ADD COLUMN minhash BLOB;
    ALTER TABLE articles ADD COLUMN reprint_group INTEGER;
    CREATE INDEX articles_reprint_group ON articles(reprint_group) WHERE reprint_group IS NOT NULL;
    CREATE TABLE article_bands (
      key        INTEGER NOT NULL,
      article_id INTEGER NOT NULL,
      PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;
  `,
  run: (db: Database, progress) => {
    const total = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    // In pages by id: a whole library's texts need not be in memory at once.
    const page = db.prepare('SELECT id, sha256, text FROM articles WHERE id > ? ORDER BY id LIMIT 500');
    const sign = db.prepare('UPDATE articles SET minhash = ? WHERE id = ?');
    const grouper = reprintGrouper(db);
    let done = 0;
    for (let after = 0; ;) {
      const rows = page.all(after) as Array<{ id: number; sha256: string; text: string }>;
      if (rows.length === 0) break;
      for (const { id, sha256, text } of rows) {
        const minhash = minHashOf(text);
        sign.run(minhash?.signature ?? null, id);
        grouper.group(id, text, sha256, minhash);
      }
      after = (rows.at(-1) as { id: number }).id;
      done += rows.length;
      progress(done, total);
    }
  },
};

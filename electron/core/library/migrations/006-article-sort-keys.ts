import type { Migration } from './types';

/**
 * The article list sorts and pages in SQLite, by title in natural order ("[1]", "[2]", "[10]"):
 * each article keeps its title's sort key (naturalKey, through marginalia_sort_key(), which every
 * connection registers), written by the articles writer and kept in step with title edits by a
 * trigger. Indexes serve the list's usual orders (newest import first, title) a page at a time; the
 * other orders (date, outlet, passages, which put articles without a value last) sort per page,
 * some 50–150 ms at 100,000 articles.
 */
export const migration006: Migration = {
  version: 6,
  name: 'article sort keys',
  up: `
    ALTER TABLE articles ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
    UPDATE articles SET title_key = marginalia_sort_key(title);
    CREATE TRIGGER articles_title_key AFTER UPDATE OF title ON articles BEGIN
      UPDATE articles SET title_key = marginalia_sort_key(new.title) WHERE id = new.id;
    END;
    CREATE INDEX articles_title ON articles(title_key, id);
    CREATE INDEX articles_imported ON articles(imported_at, title_key, id);
  `,
};

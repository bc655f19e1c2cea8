import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { isoNow } from '../clock';
import type { PreparedArticle } from '../import/prepare';
import { numberTokensOf, unionTokens } from '../search/numbers';
import { insertSentences } from '../claims/sentence-index';
import { newUid } from '../uid';
import { naturalKey } from '../../shared/natural-sort';

/** An article ready to be written, with the original file bytes kept for provenance. */
export interface NewArticle {
  article: PreparedArticle;
  title: string;
  sourceName: string;
  size: number;
  bytes: Uint8Array;
  /** Kept when an exchange format carries the article's identity (REFI-QDA source GUIDs). */
  uid?: string;
}

/** The columns of an `articles` row that its search index holds. */
export interface IndexedColumns {
  id: number | bigint;
  title: string;
  outlet: string | null;
  byline: string | null;
  text: string;
  numbers: string;
}

/**
 * Adds rows that were just inserted into `articles` to its search index. Not a trigger (see
 * migration 4): every code path that inserts article rows (this writer, and undo putting deleted
 * rows back) calls it. Updates and deletes keep their triggers.
 */
export function articleIndexer(db: Database): (row: IndexedColumns) => void {
  const index = db.prepare('INSERT INTO articles_fts (rowid, title, outlet, byline, text, numbers) VALUES (?, ?, ?, ?, ?, ?)');
  return ({ id, title, outlet, byline, text, numbers }) => void index.run(id, title, outlet, byline, text, numbers);
}

/**
 * The one way new articles enter a library, shared by the import pipeline and the REFI-QDA
 * importer: the row with its text hash (duplicate detection) and the original bytes. Runs inside
 * the caller's transactions (prepare once, insert many) and indexes the article for search.
 */
export function articleWriter(db: Database, clock: Clock) {
  const findDuplicate = db.prepare('SELECT id, title FROM articles WHERE sha256 = ? LIMIT 1');
  const insertArticle = db.prepare(
    `INSERT INTO articles (uid, title, title_key, outlet, byline, published, place, language, url, text, blocks, sha256, numbers,
       source_name, format, encoding, imported_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSource = db.prepare('INSERT INTO article_sources (article_id, file_name, size, bytes) VALUES (?, ?, ?, ?)');
  const index = articleIndexer(db);
  const now = isoNow(clock);
  return {
    duplicateOf: (hash: string) => findDuplicate.get(hash) as { id: number; title: string } | undefined,
    insert({ article, title, sourceName, size, bytes, uid }: NewArticle): number {
      // The tokens counted the parser's title: a title given here instead brings its own numbers.
      const numbers = title === article.title ? article.numbers : unionTokens(article.numbers, numberTokensOf(title));
      const { lastInsertRowid } = insertArticle.run(
        uid ?? newUid(),
        title,
        naturalKey(title),
        article.outlet,
        article.byline,
        article.published,
        article.place,
        article.language,
        article.url,
        article.text,
        article.blocks,
        article.sha256,
        numbers,
        sourceName,
        article.format,
        article.encoding,
        now,
        now,
      );
      insertSource.run(lastInsertRowid, sourceName, size, bytes);
      index({ id: lastInsertRowid, title, outlet: article.outlet, byline: article.byline, text: article.text, numbers });
      // Without sentences analysed by a worker, the article stays queued for the sentence index.
      if (article.sentences) insertSentences(db, lastInsertRowid, article.sentences);
      return Number(lastInsertRowid);
    },
  };
}

export type ArticleWriter = ReturnType<typeof articleWriter>;

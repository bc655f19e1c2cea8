import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { isoNow } from '../clock';
import type { PreparedArticle } from '../import/prepare';
import { numberTokensOf, unionTokens } from '../search/numbers';
import { stemTokensOf } from '../text/stem';
import { newUid } from '../uid';
import { naturalKey } from '../../shared/natural-sort';
import { reprintGrouper } from './reprints';

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
  stems: string;
}

/**
 * Adds rows that were just inserted into `articles` to its search index. Not a trigger (see
 * migration 4): every code path that inserts article rows (this writer, and undo putting deleted
 * rows back) calls it. Updates and deletes keep their triggers.
 */
export function articleIndexer(db: Database): (row: IndexedColumns) => void {
  const index = db.prepare('INSERT INTO articles_fts (rowid, title, outlet, byline, text, numbers, stems) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return ({ id, title, outlet, byline, text, numbers, stems }) => void index.run(id, title, outlet, byline, text, numbers, stems);
}

/**
 * The one way new articles enter a library, shared by the import pipeline and the REFI-QDA
 * importer: the row with its text hash and wording's signature and the original bytes. Runs inside
 * the caller's transactions (prepare once, insert many), indexes the article for search and groups
 * it with its reprints.
 */
export function articleWriter(db: Database, clock: Clock) {
  const findDuplicate = db.prepare('SELECT id, title FROM articles WHERE sha256 = ? LIMIT 1');
  const reprints = reprintGrouper(db);
  const insertArticle = db.prepare(
    `INSERT INTO articles (uid, title, title_key, outlet, byline, published, place, language, url, text, blocks, sha256, numbers, stems,
       source_name, format, encoding, imported_at, updated_at, minhash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSource = db.prepare('INSERT INTO article_sources (article_id, file_name, size, bytes) VALUES (?, ?, ?, ?)');
  const index = articleIndexer(db);
  const now = isoNow(clock);
  const writer = {
    /** An article with this text, whatever its metadata (REFI-QDA sources are matched by text). */
    sameTextAs: (hash: string) => findDuplicate.get(hash) as { id: number; title: string } | undefined,
    /** The article that one with this text and metadata would import again. */
    duplicateOf: reprints.duplicateOf,
    insert: (article: NewArticle): number => writer.insertGrouped(article).id,
    /** Writes the article and groups it with its reprints: `copyOf` is the group's earliest other article. */
    insertGrouped({ article, title, sourceName, size, bytes, uid }: NewArticle): {
      id: number;
      copyOf: { id: number; title: string } | null;
    } {
      // The tokens counted the parser's title: a title given here instead brings its own numbers and stems.
      const own = title === article.title;
      const numbers = own ? article.numbers : unionTokens(article.numbers, numberTokensOf(title));
      const stems = own ? article.stems : unionTokens(article.stems, stemTokensOf(title));
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
        stems,
        sourceName,
        article.format,
        article.encoding,
        now,
        now,
        article.minhash?.signature ?? null,
      );
      insertSource.run(lastInsertRowid, sourceName, size, bytes);
      index({ id: lastInsertRowid, title, outlet: article.outlet, byline: article.byline, text: article.text, numbers, stems });
      const id = Number(lastInsertRowid);
      return { id, copyOf: reprints.group(id, article.text, article.sha256, article.minhash) };
    },
  };
  return writer;
}

export type ArticleWriter = ReturnType<typeof articleWriter>;

import type { Database } from 'better-sqlite3';
import type { Article, ArticlePage, ArticleSummary } from '../../shared/types';
import type { ArticleMetaRow, Block } from '../../shared/article';
import { notFound } from '../errors';
import { ftsQuery, LAYOUTS } from '../search/fts-query';

interface ArticleRow extends ArticleMetaRow {
  source_name: string | null;
  format: string;
  encoding: string | null;
  imported_at: string;
  updated_at: string;
  passage_count: number;
}

const SUMMARY_COLUMNS = `a.id, a.uid, a.title, a.outlet, a.byline, a.published, a.place, a.language, a.url,
  a.source_name, a.format, a.encoding, a.imported_at, a.updated_at,
  (SELECT count(*) FROM passages p WHERE p.article_id = a.id) AS passage_count`;

export function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    outlet: row.outlet,
    byline: row.byline,
    published: row.published,
    place: row.place,
    language: row.language,
    url: row.url,
    sourceName: row.source_name,
    format: row.format,
    encoding: row.encoding,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    passageCount: row.passage_count,
  };
}

/** Newest first by import; a query filters by full text (title, outlet, byline, body, numbers). */
export function listArticles(db: Database, args: { query?: string; limit?: number; offset?: number }): ArticlePage {
  const limit = args.limit ?? 500;
  const offset = args.offset ?? 0;
  const match = args.query ? ftsQuery(args.query, LAYOUTS.articles) : null;
  if (args.query && !match) return { items: [], total: 0 };
  if (match) {
    const total = (db.prepare('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?').get(match) as { n: number }).n;
    const rows = db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles_fts f JOIN articles a ON a.id = f.rowid
         WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ? OFFSET ?`,
      )
      .all(match, limit, offset) as ArticleRow[];
    return { items: rows.map(toSummary), total };
  }
  const total = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.imported_at DESC, a.title COLLATE NOCASE, a.id LIMIT ? OFFSET ?`)
    .all(limit, offset) as ArticleRow[];
  return { items: rows.map(toSummary), total };
}

export function getSummary(db: Database, id: number): ArticleSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`).get(id) as ArticleRow | undefined;
  if (!row) throw notFound('Article', id);
  return toSummary(row);
}

export function getArticle(db: Database, id: number): Article {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, a.text, a.blocks FROM articles a WHERE a.id = ?`).get(id) as
    (ArticleRow & { text: string; blocks: string }) | undefined;
  if (!row) throw notFound('Article', id);
  return { ...toSummary(row), text: row.text, blocks: JSON.parse(row.blocks) as Block[] };
}

import type { Database } from 'better-sqlite3';
import type { Article, ArticleSummary } from '../../shared/types';
import type { ArticleMetaRow, Block } from '../../shared/article';
import { notFound } from '../errors';
import { reprintsOf } from './reprints';

export interface ArticleRow extends ArticleMetaRow {
  source_name: string | null;
  format: string;
  encoding: string | null;
  imported_at: string;
  updated_at: string;
  passage_count: number;
}

export const SUMMARY_COLUMNS = `a.id, a.uid, a.title, a.outlet, a.byline, a.published, a.place, a.language, a.url,
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

export function getSummary(db: Database, id: number): ArticleSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`).get(id) as ArticleRow | undefined;
  if (!row) throw notFound('Article', id);
  return toSummary(row);
}

export function getArticle(db: Database, id: number): Article {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, a.text, a.blocks FROM articles a WHERE a.id = ?`).get(id) as
    (ArticleRow & { text: string; blocks: string }) | undefined;
  if (!row) throw notFound('Article', id);
  return { ...toSummary(row), text: row.text, blocks: JSON.parse(row.blocks) as Block[], reprints: reprintsOf(db, id) };
}

import type { Database } from 'better-sqlite3';
import type { ArticlePage, ArticleSortColumn } from '../../shared/types';
import { ftsQuery, LAYOUTS, RANKS } from '../search/fts-query';
import { type ArticleFilter, articleConditions } from './filter';
import { type ArticleRow, SUMMARY_COLUMNS, toSummary } from './queries';

export interface ArticleQuery {
  /** Full text (title, outlet, byline, body, numbers); without a sort, hits come best first. */
  query?: string | undefined;
  filter?: ArticleFilter | undefined;
  sort?: { column: ArticleSortColumn; direction: 'asc' | 'desc' } | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

// A dated article (year known) before one whose year is unknown, before an undated one, either way.
const DATE_KNOWN = `CASE WHEN a.published GLOB '[0-9][0-9][0-9][0-9]*' THEN 0 WHEN a.published IS NOT NULL THEN 1 ELSE 2 END`;

/** ORDER BY for each column in a direction; ties go by title in natural order, then id. */
function orderBy(column: ArticleSortColumn | 'rank', dir: 'ASC' | 'DESC'): string {
  const tail = 'a.title_key, a.id';
  switch (column) {
    case 'rank':
      return `${RANKS.articles}, ${tail}`;
    case 'imported':
      return `a.imported_at ${dir}, ${tail}`;
    case 'published':
      return `${DATE_KNOWN}, a.published ${dir}, ${tail}`;
    case 'outlet':
      // Articles without an outlet last, either way.
      return `a.outlet IS NULL, a.outlet COLLATE NOCASE ${dir}, ${tail}`;
    case 'title':
      return `a.title_key ${dir}, a.id ${dir}`;
    case 'passages':
      return `(SELECT count(*) FROM passages p WHERE p.article_id = a.id) ${dir}, ${tail}`;
  }
}

/** FROM and WHERE of the articles a query and filter match (the list and "all matching" share them). */
function matchingSql(match: string | null, filter: ArticleFilter | undefined): { from: string; whereSql: string; params: unknown[] } {
  const where = articleConditions(filter ?? {});
  const clauses = [...(match ? ['articles_fts MATCH ?'] : []), ...where.clauses];
  return {
    from: match ? 'articles_fts f JOIN articles a ON a.id = f.rowid' : 'articles a',
    whereSql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '',
    params: [...(match ? [match] : []), ...where.params],
  };
}

/** The ids of every article the list shows for this query and filter, in id order. */
export function matchingArticleIds(db: Database, args: Pick<ArticleQuery, 'query' | 'filter'>): number[] {
  const match = args.query ? ftsQuery(args.query, LAYOUTS.articles) : null;
  if (args.query && !match) return [];
  const { from, whereSql, params } = matchingSql(match, args.filter);
  return db
    .prepare(`SELECT a.id FROM ${from} ${whereSql} ORDER BY a.id`)
    .pluck()
    .all(...params) as number[];
}

/**
 * One page of the article list with the total it matches: filtered by full text, outlet and
 * date, sorted by any column (newest import first by default, search hits best first). The page's
 * ids are found first from the cheap columns, then only its rows are read whole.
 */
export function listArticles(db: Database, args: ArticleQuery): ArticlePage {
  const match = args.query ? ftsQuery(args.query, LAYOUTS.articles) : null;
  if (args.query && !match) return { items: [], total: 0 };
  const { from, whereSql, params } = matchingSql(match, args.filter);
  const total = db
    .prepare(`SELECT count(*) FROM ${from} ${whereSql}`)
    .pluck()
    .get(...params) as number;
  const { column, direction } = args.sort ?? { column: match ? 'rank' : 'imported', direction: 'desc' };
  const ids = db
    .prepare(`SELECT a.id FROM ${from} ${whereSql} ORDER BY ${orderBy(column, direction === 'asc' ? 'ASC' : 'DESC')} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, args.limit ?? 500, args.offset ?? 0) as number[];
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as ArticleRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { items: ids.map((id) => toSummary(byId.get(id)!)), total };
}

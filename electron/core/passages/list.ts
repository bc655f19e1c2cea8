import type { Database } from 'better-sqlite3';
import type { PassagePage, PassageRow, PassageSortColumn } from '../../shared/types';
import { ftsQuery } from '../search/fts-query';
import { loadTree, type Tree } from '../tags/queries';
import { linksOf, PASSAGE_COLUMNS, type PassageFields, withLinks } from './queries';

export interface PassageFilter {
  tagIds?: number[] | undefined;
  tagMode?: 'any' | 'all' | undefined;
  includeChildren?: boolean | undefined;
  articleIds?: number[] | undefined;
  outlets?: string[] | undefined;
  /** Bounds on the article's publication date: a year, month or day, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  text?: string | undefined;
}

export interface PassageQuery {
  filter?: PassageFilter | undefined;
  sort?: { column: PassageSortColumn; direction: 'asc' | 'desc' } | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

const inList = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

/** Orders by the first tag in codebook order; the ranks come in as JSON and are indexed once per query. */
const TAG_RANK = `(SELECT min(r.rank) FROM passage_tags pt JOIN tag_ranks r ON r.id = pt.tag_id WHERE pt.passage_id = p.id)`;

const SORT_EXPRESSIONS: Record<PassageSortColumn, string> = {
  quote: 'p.exact COLLATE NOCASE',
  article: 'a.title COLLATE NOCASE',
  outlet: 'a.outlet COLLATE NOCASE',
  published: 'a.published',
  tags: TAG_RANK,
  note: 'p.note COLLATE NOCASE',
  created: 'p.created_at',
};

export interface Where {
  clauses: string[];
  params: unknown[];
  needsArticle: boolean;
}

/** SQL conditions for a filter, or null when it can match nothing (text with no searchable word). */
export function conditions(filter: PassageFilter, tree: Tree): Where | null {
  const where: Where = { clauses: [], params: [], needsArticle: false };
  const add = (clause: string, ...params: unknown[]) => {
    where.clauses.push(clause);
    where.params.push(...params);
  };
  if (filter.tagIds && filter.tagIds.length > 0) {
    // A tag deleted meanwhile matches nothing rather than failing the whole view.
    const groups = filter.tagIds.map((id) => (filter.includeChildren && tree.byId.has(id) ? tree.subtree(id) : [id]));
    if (filter.tagMode === 'all') {
      for (const group of groups) add(`EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id AND ${inList('pt.tag_id')})`, JSON.stringify(group));
    } else {
      add(`p.id IN (SELECT passage_id FROM passage_tags WHERE ${inList('tag_id')})`, JSON.stringify(groups.flat()));
    }
  }
  if (filter.articleIds && filter.articleIds.length > 0) add(inList('p.article_id'), JSON.stringify(filter.articleIds));
  if (filter.outlets && filter.outlets.length > 0) {
    add(inList('a.outlet'), JSON.stringify(filter.outlets));
    where.needsArticle = true;
  }
  if (filter.from || filter.to) {
    // Dates are partial ISO strings: compare on the bound's precision; undated and year-less articles fall outside any range.
    add(`a.published GLOB '[0-9][0-9][0-9][0-9]*'`);
    if (filter.from) add('substr(a.published, 1, length(?)) >= ?', filter.from, filter.from);
    if (filter.to) add('substr(a.published, 1, length(?)) <= ?', filter.to, filter.to);
    where.needsArticle = true;
  }
  if (filter.text && filter.text.trim() !== '') {
    const match = ftsQuery(filter.text);
    if (!match) return null;
    add('p.id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?)', match);
  }
  return where;
}

/** One page of the passages view with the total the filter matches. */
export function listPassages(db: Database, query: PassageQuery): PassagePage {
  const tree = loadTree(db);
  const where = conditions(query.filter ?? {}, tree);
  if (!where) return { rows: [], total: 0 };
  const whereSql = where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '';
  const total = (
    db
      .prepare(`SELECT count(*) AS n FROM passages p ${where.needsArticle ? 'JOIN articles a ON a.id = p.article_id' : ''} ${whereSql}`)
      .get(...where.params) as { n: number }
  ).n;

  const { column, direction } = query.sort ?? { column: 'created', direction: 'desc' };
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const ranks = column === 'tags' ? [JSON.stringify(tree.ordered().map((node, rank) => [node.id, rank]))] : [];
  const rows = db
    .prepare(
      `${column === 'tags' ? 'WITH tag_ranks(id, rank) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?))' : ''}
       SELECT ${PASSAGE_COLUMNS}, a.title AS articleTitle, a.outlet, a.published
       FROM passages p JOIN articles a ON a.id = p.article_id ${whereSql}
       ORDER BY ${SORT_EXPRESSIONS[column]} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`,
    )
    .all(...ranks, ...where.params, query.limit ?? 200, query.offset ?? 0) as Array<PassageFields & Pick<PassageRow, 'articleTitle' | 'outlet' | 'published'>>;

  const links = linksOf(db, rows.map((row) => row.id));
  return {
    rows: rows.map((row) => {
      const passage = withLinks(row, links);
      return { ...passage, tags: passage.tagIds.map((id) => tree.path(id)) };
    }),
    total,
  };
}

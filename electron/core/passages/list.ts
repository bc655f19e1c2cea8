import type { Database } from 'better-sqlite3';
import type { PassagePage, PassageRow, PassageSortColumn } from '../../shared/types';
import { type ArticleFilter, articleConditions } from '../articles/filter';
import { ftsQuery, LAYOUTS } from '../search/fts-query';
import { loadTree, type Tree } from '../tags/queries';
import { linksOf, PASSAGE_COLUMNS, type PassageFields, withLinks } from './queries';

export interface PassageFilter extends ArticleFilter {
  tagIds?: number[] | undefined;
  tagMode?: 'any' | 'all' | undefined;
  includeChildren?: boolean | undefined;
  articleIds?: number[] | undefined;
  /** Passages of these coders ("Only mine", "Only X"). */
  coderIds?: number[] | undefined;
  text?: string | undefined;
}

export interface PassageQuery {
  filter?: PassageFilter | undefined;
  sort?: { column: PassageSortColumn; direction: 'asc' | 'desc' } | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

const inList = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

/** Sort keys; 'tags' orders by each passage's first tag in codebook order (tag_ranks, first_tag below). */
const SORT_EXPRESSIONS: Record<PassageSortColumn, string> = {
  quote: 'p.exact COLLATE NOCASE',
  article: 'a.title_key',
  outlet: 'a.outlet COLLATE NOCASE',
  published: 'a.published',
  tags: 'f.rank',
  note: 'p.note COLLATE NOCASE',
  created: 'p.created_at',
};

const ARTICLE_COLUMNS = new Set<PassageSortColumn>(['article', 'outlet', 'published']);

/** Each passage's smallest tag rank, computed once per query from ranks passed in as JSON. */
const FIRST_TAG = `WITH tag_ranks(id, rank) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?)),
  first_tag(passage_id, rank) AS MATERIALIZED (
    SELECT pt.passage_id, min(r.rank) FROM tag_ranks r JOIN passage_tags pt ON pt.tag_id = r.id GROUP BY pt.passage_id)`;

interface Where {
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
    // Each IN list is computed once (not per passage), so 'all' costs one index range per tag.
    const tagged = `p.id IN (SELECT passage_id FROM passage_tags WHERE ${inList('tag_id')})`;
    if (filter.tagMode === 'all') for (const group of groups) add(tagged, JSON.stringify(group));
    else add(tagged, JSON.stringify(groups.flat()));
  }
  if (filter.articleIds && filter.articleIds.length > 0) add(inList('p.article_id'), JSON.stringify(filter.articleIds));
  if (filter.coderIds && filter.coderIds.length > 0) add(inList('p.coder_id'), JSON.stringify(filter.coderIds));
  const articles = articleConditions(filter);
  if (articles.clauses.length > 0) {
    where.clauses.push(...articles.clauses);
    where.params.push(...articles.params);
    where.needsArticle = true;
  }
  if (filter.text && filter.text.trim() !== '') {
    const match = ftsQuery(filter.text, LAYOUTS.passageText);
    if (!match) return null;
    add('p.id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?)', match);
  }
  return where;
}

/**
 * One page of the passages view with the total the filter matches. The page's ids are found
 * first, joining articles only when the filter or sort needs them, so skipping to a deep offset
 * does not read every skipped passage's article; then the page's rows are read by id.
 */
export function listPassages(db: Database, query: PassageQuery): PassagePage {
  const tree = loadTree(db);
  const where = conditions(query.filter ?? {}, tree);
  if (!where) return { rows: [], total: 0 };
  const whereSql = where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '';
  const { column, direction } = query.sort ?? { column: 'created', direction: 'desc' };
  const joinArticles = where.needsArticle || ARTICLE_COLUMNS.has(column) ? 'JOIN articles a ON a.id = p.article_id' : '';
  const total = db
    .prepare(`SELECT count(*) FROM passages p ${where.needsArticle ? joinArticles : ''} ${whereSql}`)
    .pluck()
    .get(...where.params) as number;

  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const byTags = column === 'tags';
  // One article's passages stay together and in reading order.
  const byArticle = column === 'article';
  const ids = db
    .prepare(
      `${byTags ? FIRST_TAG : ''}
       SELECT p.id FROM passages p ${joinArticles} ${byTags ? 'LEFT JOIN first_tag f ON f.passage_id = p.id' : ''} ${whereSql}
       ORDER BY ${SORT_EXPRESSIONS[column]} ${dir}${byTags ? ' NULLS LAST' : ''}${byArticle ? `, p.article_id ${dir}, p.start, p."end"` : ''}, p.id ${dir}
       LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(
      ...(byTags ? [JSON.stringify(tree.ordered().map((node, rank) => [node.id, rank]))] : []),
      ...where.params,
      query.limit ?? 200,
      query.offset ?? 0,
    ) as number[];

  const json = JSON.stringify(ids);
  const found = new Map(
    (
      db
        .prepare(
          `SELECT ${PASSAGE_COLUMNS}, a.title AS articleTitle, a.outlet, a.published
           FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id IN (SELECT value FROM json_each(?))`,
        )
        .all(json) as Array<PassageFields & Pick<PassageRow, 'articleTitle' | 'outlet' | 'published'>>
    ).map((row) => [row.id, row]),
  );
  const links = linksOf(db, ids);
  return {
    rows: ids.map((id) => {
      const passage = withLinks(found.get(id)!, links);
      return { ...passage, tags: passage.tagIds.map((tagId) => tree.path(tagId)) };
    }),
    total,
  };
}

import type { Database } from 'better-sqlite3';
import type { Bucket, OverviewFilter } from '../../shared/overview';
import { NO_OUTLET } from '../../shared/overview';
import { articleConditions, type SqlConditions } from '../articles/filter';
import { loadTree, type Tree } from '../tags/queries';

/** The outlet a chart shows for an article (articles with none are counted together). */
export const OUTLET = `coalesce(nullif(a.outlet, ''), '${NO_OUTLET.replaceAll("'", "''")}')`;

const FULL_DAY = `a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'`;
const MONTH_KNOWN = `a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'`;
/** The day of an article (NULL when its date has no year, month and day). */
export const DAY = `CASE WHEN ${FULL_DAY} THEN substr(a.published, 1, 10) END`;
/** The month of an article (NULL when its date has no year and month). */
export const MONTH = `CASE WHEN ${MONTH_KNOWN} THEN substr(a.published, 1, 7) END`;

/** The period an article falls in for a bucket: its day, the Monday of its week, or its month. */
export function periodOf(bucket: Bucket): string {
  if (bucket === 'day') return DAY;
  if (bucket === 'month') return MONTH;
  return `CASE WHEN ${FULL_DAY} THEN date(substr(a.published, 1, 10), '-6 days', 'weekday 1') END`;
}

/** A filter resolved against the codebook: the tags it means (each with its children), or null for every tag. */
export interface Scope {
  tree: Tree;
  tagIds: number[] | null;
  /** Conditions on `articles a` from the outlets and dates alone. */
  articles: SqlConditions;
}

export function scopeOf(db: Database, filter: OverviewFilter = {}): Scope {
  const tree = loadTree(db);
  const tagIds =
    filter.tagIds && filter.tagIds.length > 0
      ? [...new Set(filter.tagIds.flatMap((id) => (tree.byId.has(id) ? tree.subtree(id) : [id])))]
      : null;
  const articles = articleConditions(filter);
  if (filter.articleIds && filter.articleIds.length > 0) {
    articles.clauses.push(`a.id IN (SELECT value FROM json_each(?))`);
    articles.params.push(JSON.stringify(filter.articleIds));
  }
  return { tree, tagIds, articles };
}

/** `clause` joined with AND to the scope's article conditions, as one WHERE body and its parameters. */
export function where(conditions: SqlConditions, ...more: Array<[string, ...unknown[]]>): { sql: string; params: unknown[] } {
  const clauses = [...conditions.clauses, ...more.map(([clause]) => clause)];
  const params = [...conditions.params, ...more.flatMap(([, ...values]) => values)];
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
}

/** A condition on `passage_tags` (alias `pt`) to the scope's tags, or none when every tag counts. */
export function tagCondition(scope: Scope, column = 'pt.tag_id'): Array<[string, ...unknown[]]> {
  return scope.tagIds ? [[`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(scope.tagIds)]] : [];
}

/** Articles with at least one passage carrying one of the scope's tags (none: no condition). */
export function taggedArticle(scope: Scope): Array<[string, ...unknown[]]> {
  return scope.tagIds
    ? [
        [
          `a.id IN (SELECT p.article_id FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id
                   WHERE pt.tag_id IN (SELECT value FROM json_each(?)))`,
          JSON.stringify(scope.tagIds),
        ],
      ]
    : [];
}

/** Passages carrying one of the scope's tags (none: no condition), on `passages p`. */
export function taggedPassage(scope: Scope): Array<[string, ...unknown[]]> {
  return scope.tagIds
    ? [[`p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id IN (SELECT value FROM json_each(?)))`, JSON.stringify(scope.tagIds)]]
    : [];
}

/** Tags in codebook order, for sorting rows the way the codebook lists them. */
export function tagOrder(tree: Tree): Map<number, number> {
  return new Map(tree.ordered().map((node, i) => [node.id, i]));
}

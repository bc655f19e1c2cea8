import type { Database } from 'better-sqlite3';
import type { ClaimFacets, ClaimListQuery, ClaimPage, ClaimSortColumn, ClaimSummary } from '../../shared/claims';
import { articleConditions } from '../articles/filter';
import { ftsQuery, LAYOUTS } from '../search/fts-query';
import { loadTree } from '../tags/queries';

const APPEARANCES = 'claim_appearances ca JOIN passages p ON p.id = ca.passage_id JOIN articles a ON a.id = p.article_id';

/** Per claim: appearances, distinct outlets, first and last dates, and live links (rejected ones left out). */
const STATS = `app(claim_id, appearances, outlets, first_seen, last_seen) AS MATERIALIZED (
    SELECT ca.claim_id, count(*), count(DISTINCT a.outlet), min(a.published), max(a.published) FROM ${APPEARANCES} GROUP BY ca.claim_id),
  lnk(claim_id, links) AS MATERIALIZED (
    SELECT claim_id, count(*) FROM (
      SELECT from_claim_id AS claim_id FROM claim_links WHERE status <> 'rejected'
      UNION ALL SELECT to_claim_id FROM claim_links WHERE status <> 'rejected') GROUP BY claim_id)`;

/** Sort keys; the aggregate ones need the STATS tables over every claim the filter keeps. */
const SORT_EXPRESSIONS: Record<ClaimSortColumn, string> = {
  statement: 'c.statement COLLATE NOCASE',
  kind: 'c.kind',
  speaker: 'c.speaker COLLATE NOCASE',
  appearances: 'ifnull(app.appearances, 0)',
  outlets: 'ifnull(app.outlets, 0)',
  firstSeen: 'app.first_seen',
  lastSeen: 'app.last_seen',
  links: 'ifnull(lnk.links, 0)',
  created: 'c.id',
};
const NEEDS_STATS = new Set<ClaimSortColumn>(['appearances', 'outlets', 'firstSeen', 'lastSeen', 'links']);

export interface Where {
  sql: string;
  params: unknown[];
}

/** SQL conditions on claims `c` for the view's filters, or null when the text has no searchable word (nothing matches). */
export function claimConditions(db: Database, query: Omit<ClaimListQuery, 'sort' | 'offset' | 'limit'>): Where | null {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.kind) {
    clauses.push('c.kind = ?');
    params.push(query.kind);
  }
  if (query.speaker !== undefined) {
    clauses.push('c.speaker = ?');
    params.push(query.speaker);
  }
  if (query.coderIds && query.coderIds.length > 0) {
    clauses.push('c.coder_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.coderIds));
  }
  // Outlet, date and tag filter appearances: a claim stays when one of its appearances matches all of them.
  const appearance: string[] = [];
  const appearanceParams: unknown[] = [];
  const articles = articleConditions({ outlets: query.outlet ? [query.outlet] : undefined, from: query.from, to: query.to });
  appearance.push(...articles.clauses);
  appearanceParams.push(...articles.params);
  if (query.tagId !== undefined) {
    const tree = loadTree(db);
    const ids = tree.byId.has(query.tagId) ? tree.subtree(query.tagId) : [query.tagId];
    appearance.push('p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id IN (SELECT value FROM json_each(?)))');
    appearanceParams.push(JSON.stringify(ids));
  }
  if (appearance.length > 0) {
    clauses.push(`EXISTS (SELECT 1 FROM ${APPEARANCES} WHERE ca.claim_id = c.id AND ${appearance.join(' AND ')})`);
    params.push(...appearanceParams);
  }
  if (query.text?.trim()) {
    const match = ftsQuery(query.text, LAYOUTS.claims);
    if (!match) return null;
    clauses.push('c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)');
    params.push(match);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * One page of the Claims view with the total its filters match. Sorting by a count or a date
 * aggregates every appearance once per query (two materialised tables); other sorts find the
 * page's ids first and count only the page's claims.
 */
export function listClaims(db: Database, query: ClaimListQuery = {}): ClaimPage {
  const where = claimConditions(db, query);
  if (!where) return { items: [], total: 0 };
  const total = db
    .prepare(`SELECT count(*) FROM claims c ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  const { column, direction } = query.sort ?? { column: 'created', direction: 'desc' };
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const stats = NEEDS_STATS.has(column);
  const ids = db
    .prepare(
      `${stats ? `WITH ${STATS}` : ''}
       SELECT c.id FROM claims c ${stats ? 'LEFT JOIN app ON app.claim_id = c.id LEFT JOIN lnk ON lnk.claim_id = c.id' : ''} ${where.sql}
       ORDER BY ${SORT_EXPRESSIONS[column]} ${dir} NULLS LAST, c.id ${dir} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...where.params, query.limit ?? 200, query.offset ?? 0) as number[];
  return { items: summaries(db, ids), total };
}

/** The table's row for each claim, in the order given. */
function summaries(db: Database, ids: readonly number[]): ClaimSummary[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.statement, c.kind, c.speaker, c.value, c.unit,
              (SELECT count(*) FROM claim_appearances ca WHERE ca.claim_id = c.id) AS appearances,
              (SELECT count(DISTINCT a.outlet) FROM ${APPEARANCES} WHERE ca.claim_id = c.id) AS outlets,
              (SELECT min(a.published) FROM ${APPEARANCES} WHERE ca.claim_id = c.id) AS firstSeen,
              (SELECT max(a.published) FROM ${APPEARANCES} WHERE ca.claim_id = c.id) AS lastSeen,
              (SELECT count(*) FROM claim_links l WHERE l.status <> 'rejected' AND l.from_claim_id = c.id)
                + (SELECT count(*) FROM claim_links l WHERE l.status <> 'rejected' AND l.to_claim_id = c.id) AS links
       FROM claims c WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as ClaimSummary[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

/** The speakers and outlets the view's filters offer, each with how many claims it has. */
export function claimFacets(db: Database): ClaimFacets {
  const speakers = db
    .prepare(
      `SELECT speaker AS name, count(*) AS claims FROM claims WHERE speaker IS NOT NULL AND speaker <> ''
       GROUP BY speaker ORDER BY speaker COLLATE NOCASE`,
    )
    .all() as ClaimFacets['speakers'];
  const outlets = db
    .prepare(
      `SELECT a.outlet AS name, count(DISTINCT ca.claim_id) AS claims FROM ${APPEARANCES} WHERE a.outlet IS NOT NULL AND a.outlet <> ''
       GROUP BY a.outlet ORDER BY a.outlet COLLATE NOCASE`,
    )
    .all() as ClaimFacets['outlets'];
  return { speakers, outlets };
}

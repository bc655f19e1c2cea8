import type { Database } from 'better-sqlite3';
import type { ClaimGraph, ClaimGraphEdge, ClaimGraphNode, Relation } from '../../shared/claims';
import { RELATIONS } from '../../shared/claims';
import { claimExists } from './edits';
import { claimConditions } from './list';

export interface GraphQuery {
  claimId?: number | undefined;
  depth?: number | undefined;
  tagId?: number | undefined;
  outlet?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  relations?: Relation[] | undefined;
  limit?: number | undefined;
}

const EDGES = `SELECT id, from_claim_id AS "from", to_claim_id AS "to", relation, note FROM claim_links
  WHERE status = 'confirmed' AND relation IN (SELECT value FROM json_each(?))`;

/** Claims that pass the filters (tag, outlet, dates hold for one appearance), among the given ids or all. */
function passing(db: Database, query: GraphQuery, among: readonly number[] | null): Set<number> | null {
  const where = claimConditions(db, { tagId: query.tagId, outlet: query.outlet, from: query.from, to: query.to });
  if (!where || where.sql === '') return null;
  const amongSql = among ? `${where.sql} AND c.id IN (SELECT value FROM json_each(?))` : where.sql;
  const ids = db
    .prepare(`SELECT c.id FROM claims c ${amongSql}`)
    .pluck()
    .all(...where.params, ...(among ? [JSON.stringify(among)] : [])) as number[];
  return new Set(ids);
}

function nodesOf(db: Database, ids: readonly number[]): ClaimGraphNode[] {
  return db
    .prepare(
      `SELECT c.id, c.statement, c.kind, c.speaker,
              (SELECT count(*) FROM claim_appearances ca WHERE ca.claim_id = c.id) AS appearances,
              (SELECT min(a.published) FROM claim_appearances ca JOIN passages p ON p.id = ca.passage_id JOIN articles a ON a.id = p.article_id
                WHERE ca.claim_id = c.id) AS firstSeen
       FROM claims c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
    )
    .all(JSON.stringify(ids)) as ClaimGraphNode[];
}

/** Walks confirmed links out from one claim, `depth` steps, keeping claims that pass the filters (the claim itself always). */
function neighbourhood(db: Database, query: GraphQuery & { claimId: number }, relations: string, limit: number): ClaimGraph {
  claimExists(db, query.claimId);
  const linksOf = db.prepare(
    `${EDGES} AND (from_claim_id IN (SELECT value FROM json_each(?)) OR to_claim_id IN (SELECT value FROM json_each(?)))`,
  );
  const seen = new Set([query.claimId]);
  let frontier = [query.claimId];
  for (let step = 0; step < (query.depth ?? 2) && frontier.length > 0 && seen.size < limit; step++) {
    const json = JSON.stringify(frontier);
    const next: number[] = [];
    for (const edge of linksOf.all(relations, json, json) as ClaimGraphEdge[]) {
      for (const end of [edge.from, edge.to]) {
        if (!seen.has(end) && seen.size < limit) {
          seen.add(end);
          next.push(end);
        }
      }
    }
    const kept = passing(db, query, next);
    frontier = kept ? next.filter((id) => kept.has(id)) : next;
    for (const id of next) if (!frontier.includes(id)) seen.delete(id);
  }
  return withEdges(db, [...seen], relations, seen.size);
}

function withEdges(db: Database, ids: number[], relations: string, total: number): ClaimGraph {
  const json = JSON.stringify(ids);
  const edges = db
    .prepare(
      `${EDGES} AND from_claim_id IN (SELECT value FROM json_each(?)) AND to_claim_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(relations, json, json) as ClaimGraphEdge[];
  return { nodes: nodesOf(db, ids), edges, total };
}

/**
 * The graph of claims and their confirmed links: a claim's neighbourhood, or every linked claim
 * in the library (the most linked first, up to `limit`), filtered by tag, outlet, date and relation.
 */
export function claimGraph(db: Database, query: GraphQuery): ClaimGraph {
  const relations = JSON.stringify(query.relations && query.relations.length > 0 ? query.relations : RELATIONS);
  const limit = query.limit ?? 500;
  if (query.claimId !== undefined) return neighbourhood(db, { ...query, claimId: query.claimId }, relations, limit);
  const degrees = db
    .prepare(
      `SELECT claim_id AS id, count(*) AS n FROM (SELECT "from" AS claim_id FROM (${EDGES}) UNION ALL SELECT "to" FROM (${EDGES}))
       GROUP BY claim_id ORDER BY n DESC, claim_id`,
    )
    .all(relations, relations) as Array<{ id: number; n: number }>;
  const kept = passing(db, query, null);
  const linked = degrees.map((d) => d.id).filter((id) => !kept || kept.has(id));
  return withEdges(db, linked.slice(0, limit), relations, linked.length);
}

import type { Database } from 'better-sqlite3';
import type { Claim, ClaimAppearance, ClaimLink } from '../../shared/claims';
import { notFound } from '../errors';

const APPEARANCE_COLUMNS = `ca.id, ca.claim_id AS claimId, ca.passage_id AS passageId, p.article_id AS articleId, a.title AS articleTitle,
  a.outlet, a.published, p.start, p."end" AS "end", p.exact AS quote, ca.stance, ca.speaker, ca.created_at AS createdAt`;
const APPEARANCES_FROM = 'claim_appearances ca JOIN passages p ON p.id = ca.passage_id JOIN articles a ON a.id = p.article_id';
const LINK_COLUMNS = `l.id, l.from_claim_id AS fromClaimId, f.statement AS fromStatement, l.to_claim_id AS toClaimId, t.statement AS toStatement,
  l.relation, l.status, l.score, l.method, l.note, l.created_at AS createdAt, l.updated_at AS updatedAt`;
const LINKS_FROM = 'claim_links l JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id';
const CLAIM_COLUMNS = `id, uid, statement, kind, speaker, value, unit, counted, qualifier, note, created_at AS createdAt, updated_at AS updatedAt`;

type ClaimRow = Omit<Claim, 'appearances' | 'links'>;

/** Appearances of the given claims, in the order their articles appeared (then by position). */
function appearancesOf(db: Database, ids: readonly number[]): Map<number, ClaimAppearance[]> {
  const rows = db
    .prepare(
      `SELECT ${APPEARANCE_COLUMNS} FROM ${APPEARANCES_FROM} WHERE ca.claim_id IN (SELECT value FROM json_each(?))
       ORDER BY ca.claim_id, a.published IS NULL, a.published, p.article_id, p.start`,
    )
    .all(JSON.stringify(ids)) as ClaimAppearance[];
  const byClaim = new Map<number, ClaimAppearance[]>();
  for (const row of rows) byClaim.set(row.claimId, [...(byClaim.get(row.claimId) ?? []), row]);
  return byClaim;
}

function linksOf(db: Database, ids: readonly number[]): Map<number, ClaimLink[]> {
  const json = JSON.stringify(ids);
  const rows = db
    .prepare(
      `SELECT ${LINK_COLUMNS} FROM ${LINKS_FROM} WHERE l.status <> 'rejected'
         AND (l.from_claim_id IN (SELECT value FROM json_each(?)) OR l.to_claim_id IN (SELECT value FROM json_each(?))) ORDER BY l.id`,
    )
    .all(json, json) as ClaimLink[];
  const wanted = new Set(ids);
  const byClaim = new Map<number, ClaimLink[]>();
  for (const row of rows) {
    for (const end of new Set([row.fromClaimId, row.toClaimId])) {
      if (wanted.has(end)) byClaim.set(end, [...(byClaim.get(end) ?? []), row]);
    }
  }
  return byClaim;
}

function withDetails(db: Database, rows: ClaimRow[]): Claim[] {
  const ids = rows.map((r) => r.id);
  const appearances = appearancesOf(db, ids);
  const links = linksOf(db, ids);
  return rows.map((row) => ({ ...row, appearances: appearances.get(row.id) ?? [], links: links.get(row.id) ?? [] }));
}

export function getClaim(db: Database, id: number): Claim {
  const row = db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE id = ?`).get(id) as ClaimRow | undefined;
  if (!row) throw notFound('Claim', id);
  return withDetails(db, [row])[0] as Claim;
}

/** Every claim with its appearances and links, in id order (the CLI and exports). */
export function allClaims(db: Database): Claim[] {
  return withDetails(db, db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims ORDER BY id`).all() as ClaimRow[]);
}

/** Claims with their appearances and links, `limit` at a time after id `after` (exports page through these). */
export function claimsAfter(db: Database, after: number, limit: number): Claim[] {
  return withDetails(
    db,
    db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE id > ? ORDER BY id LIMIT ?`).all(after, limit) as ClaimRow[],
  );
}

/** Links of every status (rejected ones too: an export keeps the analyst's decisions), `limit` at a time after id `after`. */
export function linksAfter(db: Database, after: number, limit: number): ClaimLink[] {
  return db.prepare(`SELECT ${LINK_COLUMNS} FROM ${LINKS_FROM} WHERE l.id > ? ORDER BY l.id LIMIT ?`).all(after, limit) as ClaimLink[];
}

import type { Database } from 'better-sqlite3';
import {
  CLAIM_KINDS,
  RELATIONS,
  STANCES,
  type Claim,
  type ClaimKind,
  type ClaimLink,
  type Relation,
  type Stance,
} from '../../shared/claims';
import { isoNow, type Clock } from '../clock';
import { type ClaimIdentity, insertClaim } from './edits';
import { parseFigures } from './figures';
import { existingLink } from './links';
import { claimsAfter, linksAfter } from './queries';

/**
 * Claims as exchange formats carry them: read in pages for exports (CSV, JSON-LD, REFI-QDA), and
 * written by importers through the same rows and rules as the app's own edits (kinds, stances and
 * relations from the model's lists, one link per pair and relation, an appearance once). Runs in
 * the caller's transaction; nothing here is an undoable edit (an import is undone as a whole).
 */

const PAGE = 500;
const STATUSES = new Set<ClaimLink['status']>(['suggested', 'confirmed', 'rejected']);

const oneOf = <T extends string>(list: readonly T[], value: string | null | undefined, fallback: T): T => {
  const normal = value?.trim().toLowerCase() ?? '';
  return (list as readonly string[]).includes(normal) ? (normal as T) : fallback;
};

/** Every claim with its appearances and links, in id order, a page at a time. */
export function* claimsInOrder(db: Database): Generator<Claim> {
  for (let after = 0, page: Claim[]; (page = claimsAfter(db, after, PAGE)).length > 0; after = (page.at(-1) as Claim).id) yield* page;
}

/** Every link between claims, whatever its status, in id order. */
export function* linksInOrder(db: Database): Generator<ClaimLink> {
  for (let after = 0, page: ClaimLink[]; (page = linksAfter(db, after, PAGE)).length > 0; after = (page.at(-1) as ClaimLink).id)
    yield* page;
}

export interface ImportedClaim {
  statement: string;
  kind: string | null;
  speaker: string | null;
  value: number | null;
  unit: string | null;
  note: string;
}

/**
 * Writes a claim another tool exported. An unknown kind becomes "other"; what its figure counts and
 * its qualifier (which exchange formats do not carry) are read from the statement when the
 * statement's figure is the claim's value, so "where else" works on it as on the app's own claims.
 */
export function importClaim(db: Database, clock: Clock, claim: ImportedClaim, identity: ClaimIdentity): number {
  const figure = parseFigures(claim.statement).find((f) => claim.value === null || f.value === claim.value) ?? null;
  return insertClaim(
    db,
    clock,
    {
      statement: claim.statement,
      kind: oneOf<ClaimKind>(CLAIM_KINDS, claim.kind, 'other'),
      speaker: claim.speaker?.trim() || null,
      value: claim.value,
      unit: claim.unit?.trim() || null,
      counted: claim.value === null ? null : (figure?.counted ?? null),
      qualifier: claim.value === null ? null : (figure?.qualifier ?? null),
      note: claim.note,
    },
    identity,
  );
}

/** Adds a passage as an appearance of a claim unless it is one already; an unknown stance reads as "asserts". */
export function importAppearance(db: Database, claimId: number, passageId: number, stance: string, createdAt: string): boolean {
  const known = oneOf<Stance>(STANCES, stance, 'asserts');
  return (
    db
      .prepare('INSERT OR IGNORE INTO claim_appearances (claim_id, passage_id, stance, created_at) VALUES (?, ?, ?, ?)')
      .run(claimId, passageId, known, createdAt).changes > 0
  );
}

export interface ImportedLink {
  from: number;
  to: number;
  relation: string;
  status: string;
  score: number | null;
  method: string | null;
  note: string;
}

/**
 * Links two claims as another tool recorded it (status kept: a suggestion stays a suggestion),
 * unless the library links them so already (the same relation, either way for symmetric ones).
 * Returns whether a link was written.
 */
export function importLink(db: Database, clock: Clock, link: ImportedLink): boolean {
  if (link.from === link.to) return false;
  const relation = oneOf<Relation>(RELATIONS, link.relation, 'related');
  if (existingLink(db, link.from, link.to, relation)) return false;
  const status = STATUSES.has(link.status as ClaimLink['status']) ? link.status : 'confirmed';
  const now = isoNow(clock);
  db.prepare(
    `INSERT INTO claim_links (from_claim_id, to_claim_id, relation, status, score, method, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(link.from, link.to, relation, status, link.score, link.method, link.note, now, now);
  return true;
}

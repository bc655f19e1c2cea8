import type { Database } from 'better-sqlite3';
import { ACTING_CODER } from '../teams/acting';
import type { Claim, ClaimLink, Relation, Stance } from '../../shared/claims';
import { recordEdit } from '../articles/row-changes';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError, notFound } from '../errors';
import { articleText } from '../passages/edits';
import { appearanceRow, CLAIM_CHANGES, claimExists, claimRows, createClaim, insertClaim, type PassageRef } from './edits';
import { prefillClaim } from './prefill';
import { getClaim } from './queries';

/** Relations that read the same both ways: A contradicts B is B contradicts A. */
const SYMMETRIC: ReadonlySet<Relation> = new Set(['contradicts', 'varies', 'related']);

export function existingLink(db: Database, from: number, to: number, relation: Relation): { id: number } | undefined {
  const reverse = SYMMETRIC.has(relation);
  return db
    .prepare(
      `SELECT id FROM claim_links WHERE relation = ? AND ((from_claim_id = ? AND to_claim_id = ?) ${reverse ? 'OR (from_claim_id = ? AND to_claim_id = ?)' : ''})
       ORDER BY id LIMIT 1`,
    )
    .get(relation, from, to, ...(reverse ? [to, from] : [])) as { id: number } | undefined;
}

function linkView(db: Database, id: number): ClaimLink {
  return getClaim(db, (db.prepare('SELECT from_claim_id AS f FROM claim_links WHERE id = ?').get(id) as { f: number }).f).links.find(
    (l) => l.id === id,
  ) as ClaimLink;
}

/** Writes a link with a status, updating the one that exists for the same pair and relation. */
function upsertLink(
  db: Database,
  clock: Clock,
  from: number,
  to: number,
  relation: Relation,
  status: ClaimLink['status'],
  note: string | null,
  method: string | null,
  score: number | null,
): number {
  const now = isoNow(clock);
  const existing = existingLink(db, from, to, relation);
  if (existing) {
    db.prepare(
      `UPDATE claim_links SET status = ?, note = coalesce(?, note), method = coalesce(?, method), score = coalesce(?, score), updated_at = ?, ${ACTING_CODER} WHERE id = ?`,
    ).run(status, note, method, score, now, existing.id);
    return existing.id;
  }
  return Number(
    db
      .prepare(
        `INSERT INTO claim_links (from_claim_id, to_claim_id, relation, status, score, method, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(from, to, relation, status, score, method, note ?? '', now, now).lastInsertRowid,
  );
}

function checkPair(db: Database, from: number, to: number): void {
  claimExists(db, from);
  claimExists(db, to);
  if (from === to) throw new MarginaliaError('invalid-arguments', 'A claim cannot be linked to itself.');
}

/** Links two claims (confirmed: the analyst decided); a link with the same relation is updated, never repeated. */
export function linkClaims(db: Database, clock: Clock, from: number, to: number, relation: Relation, note?: string): Edit<ClaimLink> {
  checkPair(db, from, to);
  return recordEdit(
    db,
    () => claimRows([from, to]),
    () => linkView(db, upsertLink(db, clock, from, to, relation, 'confirmed', note?.trim() ?? null, 'analyst', null)),
    () => ({ label: `Link claims (${relation})`, changes: ['claims'] }),
  );
}

function linkEnds(db: Database, linkId: number): { f: number; t: number } {
  const row = db.prepare('SELECT from_claim_id AS f, to_claim_id AS t FROM claim_links WHERE id = ?').get(linkId) as
    { f: number; t: number } | undefined;
  if (!row) throw notFound('Link', linkId);
  return row;
}

/** Rewrites a link's note (one link, seen from both its claims' pages); an empty note clears it. */
export function setLinkNote(db: Database, clock: Clock, linkId: number, note: string): Edit<ClaimLink> {
  const row = linkEnds(db, linkId);
  return recordEdit(
    db,
    () => claimRows([row.f, row.t]),
    () => {
      db.prepare(`UPDATE claim_links SET note = ?, updated_at = ?, ${ACTING_CODER} WHERE id = ?`).run(note.trim(), isoNow(clock), linkId);
      return linkView(db, linkId);
    },
    () => ({ label: 'Edit link note', changes: ['claims'] }),
  );
}

export function unlinkClaims(db: Database, linkId: number): Edit<{ deleted: number }> {
  const row = linkEnds(db, linkId);
  return recordEdit(
    db,
    () => claimRows([row.f, row.t]),
    () => ({ deleted: db.prepare('DELETE FROM claim_links WHERE id = ?').run(linkId).changes }),
    () => ({ label: 'Remove link', changes: ['claims'] }),
  );
}

/** Rejects a suggested related claim: the link is kept as rejected, so it stays hidden. */
export function rejectRelated(db: Database, clock: Clock, from: number, to: number, relation: Relation): Edit<null> {
  checkPair(db, from, to);
  return recordEdit(
    db,
    () => claimRows([from, to]),
    () => {
      upsertLink(db, clock, from, to, relation, 'rejected', null, 'suggestion', null);
      return null;
    },
    () => ({ label: 'Reject suggestion', changes: ['claims'] }),
  );
}

/** Rejects a suggested appearance (a sentence of an article): kept, so it is not suggested again. */
export function rejectAppearance(db: Database, clock: Clock, claimId: number, articleId: number, start: number, end: number): Edit<null> {
  claimExists(db, claimId);
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) throw notFound('Article', articleId);
  return recordEdit(
    db,
    () => claimRows([claimId]),
    () => {
      db.prepare('INSERT OR IGNORE INTO claim_rejections (claim_id, article_id, start, "end", created_at) VALUES (?, ?, ?, ?, ?)').run(
        claimId,
        articleId,
        start,
        end,
        isoNow(clock),
      );
      return null;
    },
    () => ({ label: 'Reject suggestion', changes: ['claims'] }),
  );
}

/** Accepts a suggested sentence as a new claim linked to this one with a relation ("varies"). */
export function acceptAsLinkedClaim(
  db: Database,
  clock: Clock,
  claimId: number,
  at: PassageRef,
  relation: Relation,
  stance?: Stance,
): Edit<Claim> {
  claimExists(db, claimId);
  const created: number[] = [];
  const passages: number[] = [];
  return recordEdit(
    db,
    () => claimRows([claimId, ...created], passages),
    () => {
      const made = createClaim(db, clock, { ...at, stance }).value;
      created.push(made.id);
      for (const appearance of made.appearances) if (!passages.includes(appearance.passageId)) passages.push(appearance.passageId);
      upsertLink(db, clock, claimId, made.id, relation, 'confirmed', null, 'suggestion', null);
      return getClaim(db, made.id);
    },
    () => ({ label: `New claim (${relation})`, changes: CLAIM_CHANGES }),
  );
}

/**
 * Merges `sourceId` into `targetId`: its appearances move over (a passage already there is not
 * repeated), its links are re-pointed (none becomes a self-link or a duplicate), and it goes.
 */
export function mergeClaims(db: Database, clock: Clock, sourceId: number, targetId: number): Edit<Claim> {
  checkPair(db, sourceId, targetId);
  return recordEdit(
    db,
    () => claimRows([sourceId, targetId]),
    () => {
      db.prepare(
        `UPDATE claim_appearances SET claim_id = ? WHERE claim_id = ?
           AND passage_id NOT IN (SELECT passage_id FROM claim_appearances WHERE claim_id = ?)`,
      ).run(targetId, sourceId, targetId);
      const links = db
        .prepare(
          'SELECT id, from_claim_id AS f, to_claim_id AS t, relation, status, note, method, score FROM claim_links WHERE from_claim_id = ? OR to_claim_id = ?',
        )
        .all(sourceId, sourceId) as Array<{
        id: number;
        f: number;
        t: number;
        relation: Relation;
        status: ClaimLink['status'];
        note: string;
        method: string | null;
        score: number | null;
      }>;
      for (const link of links) {
        const from = link.f === sourceId ? targetId : link.f;
        const to = link.t === sourceId ? targetId : link.t;
        db.prepare('DELETE FROM claim_links WHERE id = ?').run(link.id);
        if (from !== to) upsertLink(db, clock, from, to, link.relation, link.status, link.note || null, link.method, link.score);
      }
      db.prepare('UPDATE OR IGNORE claim_rejections SET claim_id = ? WHERE claim_id = ?').run(targetId, sourceId);
      db.prepare('DELETE FROM claims WHERE id = ?').run(sourceId);
      db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(isoNow(clock), targetId);
      return getClaim(db, targetId);
    },
    () => ({ label: 'Merge claims', changes: CLAIM_CHANGES }),
  );
}

/** Splits an appearance off into a claim of its own: its statement and figure read from its passage. */
export function splitAppearance(db: Database, clock: Clock, appearanceId: number): Edit<Claim> {
  const source = appearanceRow(db, appearanceId);
  const created: number[] = [];
  return recordEdit(
    db,
    () => claimRows([source.claimId, ...created]),
    () => {
      const count = db.prepare('SELECT count(*) AS n FROM claim_appearances WHERE claim_id = ?').get(source.claimId) as { n: number };
      if (count.n < 2) throw new MarginaliaError('invalid-arguments', 'A claim with one appearance has nothing to split off.');
      const claim = getClaim(db, source.claimId);
      const passage = db.prepare('SELECT article_id AS articleId, start, "end" FROM passages WHERE id = ?').get(source.passageId) as {
        articleId: number;
        start: number;
        end: number;
      };
      // The new claim says what its passage says, with the figure read from there.
      const prefill = prefillClaim(articleText(db, passage.articleId), passage.start, passage.end);
      const id = insertClaim(db, clock, {
        statement: prefill.statement,
        kind: claim.kind,
        speaker: source.speaker ?? claim.speaker,
        value: prefill.value,
        unit: prefill.unit,
        counted: prefill.counted,
        qualifier: prefill.qualifier,
        note: '',
      });
      created.push(id);
      db.prepare('UPDATE claim_appearances SET claim_id = ? WHERE id = ?').run(id, appearanceId);
      return getClaim(db, id);
    },
    () => ({ label: 'Split appearance off', changes: CLAIM_CHANGES }),
  );
}

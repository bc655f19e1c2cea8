import type { Database } from 'better-sqlite3';
import { ACTING_CODER } from '../teams/acting';
import type { Claim, ClaimAppearance, ClaimFields, ClaimKind, Stance } from '../../shared/claims';
import type { ChangeKind } from '../../shared/types';
import { among, recordEdit, type Selection } from '../articles/row-changes';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError, notFound } from '../errors';
import { articleText, insertPassageRow } from '../passages/edits';
import { checkRange } from '../passages/range';
import { newUid } from '../uid';
import { parseFigures } from './figures';
import { prefillClaim } from './prefill';
import { getClaim } from './queries';

/**
 * Claim edits. Each runs in the caller's transaction (Session.apply) and is recorded as row
 * snapshots of every claim, appearance, link, rejection and passage it may touch, so undo puts
 * them back with their ids and redo replays them.
 */

export const CLAIM_CHANGES: ChangeKind[] = ['claims', 'passages'];

/** Everything hanging off the given claims, plus the given passages. */
export function claimRows(claimIds: readonly number[], passageIds: readonly number[] = []): Selection[] {
  const json = JSON.stringify(claimIds);
  return [
    among('passages', 'id', passageIds),
    among('claims', 'id', claimIds),
    among('claim_appearances', 'claim_id', claimIds),
    {
      table: 'claim_links',
      where: 'from_claim_id IN (SELECT value FROM json_each(?)) OR to_claim_id IN (SELECT value FROM json_each(?))',
      params: [json, json],
    },
    among('claim_rejections', 'claim_id', claimIds),
  ];
}

export function claimExists(db: Database, id: number): void {
  if (!db.prepare('SELECT 1 FROM claims WHERE id = ?').get(id)) throw notFound('Claim', id);
}

/** Where an appearance is: an existing passage, or a range of an article that becomes one. */
export type PassageRef = { passageId: number } | { articleId: number; start: number; end: number };

/** Where a passage is: its article and range. */
export function passageRange(db: Database, passageId: number): { articleId: number; start: number; end: number } {
  const row = db.prepare('SELECT article_id AS articleId, start, "end" FROM passages WHERE id = ?').get(passageId) as
    { articleId: number; start: number; end: number } | undefined;
  if (!row) throw notFound('Passage', passageId);
  return row;
}

/** The passage a reference names, creating it (and noting its id) when it is a range. */
export function passageFor(db: Database, clock: Clock, ref: PassageRef, created: number[]): number {
  if ('passageId' in ref) {
    if (!db.prepare('SELECT 1 FROM passages WHERE id = ?').get(ref.passageId)) throw notFound('Passage', ref.passageId);
    return ref.passageId;
  }
  const text = articleText(db, ref.articleId);
  checkRange(text, ref.start, ref.end);
  // The same range marked already: the appearance uses that passage.
  const existing = db
    .prepare('SELECT id FROM passages WHERE article_id = ? AND start = ? AND "end" = ? ORDER BY id LIMIT 1')
    .get(ref.articleId, ref.start, ref.end) as { id: number } | undefined;
  if (existing) return existing.id;
  const id = insertPassageRow(db, clock, text, ref);
  created.push(id);
  return id;
}

export function insertAppearance(
  db: Database,
  clock: Clock,
  claimId: number,
  passageId: number,
  stance: Stance,
  speaker: string | null,
): number {
  if (db.prepare('SELECT 1 FROM claim_appearances WHERE claim_id = ? AND passage_id = ?').get(claimId, passageId)) {
    throw new MarginaliaError('conflict', 'That passage is already an appearance of this claim.');
  }
  return Number(
    db
      .prepare('INSERT INTO claim_appearances (claim_id, passage_id, stance, speaker, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(claimId, passageId, stance, speaker, isoNow(clock)).lastInsertRowid,
  );
}

/** Who a claim is when it comes from elsewhere (an exchange format): its uid and times, kept. */
export interface ClaimIdentity {
  uid: string;
  createdAt: string;
  updatedAt: string;
}

export function insertClaim(db: Database, clock: Clock, fields: ClaimFields, identity?: ClaimIdentity): number {
  const now = isoNow(clock);
  return Number(
    db
      .prepare(
        `INSERT INTO claims (uid, statement, kind, speaker, value, unit, counted, qualifier, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        identity?.uid ?? newUid(),
        fields.statement,
        fields.kind,
        fields.speaker,
        fields.value,
        fields.unit,
        fields.counted,
        fields.qualifier,
        fields.note,
        identity?.createdAt ?? now,
        identity?.updatedAt ?? now,
      ).lastInsertRowid,
  );
}

export type NewClaim = PassageRef & {
  statement?: string | undefined;
  kind?: ClaimKind | undefined;
  speaker?: string | null | undefined;
  stance?: Stance | undefined;
  note?: string | undefined;
} & FigurePatch;

/** A figure as the analyst corrected it (Make claim's dialog): a field given wins over the parsed one. */
type FigurePatch = { [K in 'value' | 'unit' | 'counted' | 'qualifier']?: ClaimFields[K] | undefined };

/** Makes a claim from a selection or a passage, prefilled from the sentence and its attribution. */
export function createClaim(db: Database, clock: Clock, args: NewClaim): Edit<Claim> {
  const claims: number[] = [];
  const passages: number[] = [];
  return recordEdit(
    db,
    () => claimRows(claims, passages),
    () => {
      const passageId = passageFor(db, clock, args, passages);
      const passage = passageRange(db, passageId);
      const prefill = prefillClaim(articleText(db, passage.articleId), passage.start, passage.end);
      // A statement the analyst wrote brings its own figure; otherwise the prefill's.
      const written = args.statement?.trim();
      const figure = written ? (parseFigures(written)[0] ?? null) : null;
      const speaker = args.speaker === undefined ? prefill.speaker : args.speaker?.trim() || null;
      const id = insertClaim(db, clock, {
        statement: written || prefill.statement,
        kind: args.kind ?? (written ? (figure ? 'statistic' : prefill.kind) : prefill.kind),
        speaker,
        value: args.value !== undefined ? args.value : written ? (figure?.value ?? null) : prefill.value,
        unit: args.unit !== undefined ? args.unit?.trim() || null : written ? (figure?.unit ?? null) : prefill.unit,
        counted: args.counted !== undefined ? args.counted?.trim() || null : written ? (figure?.counted ?? null) : prefill.counted,
        qualifier:
          args.qualifier !== undefined ? args.qualifier?.trim() || null : written ? (figure?.qualifier ?? null) : prefill.qualifier,
        note: args.note?.trim() ?? '',
      });
      claims.push(id);
      insertAppearance(db, clock, id, passageId, args.stance ?? (speaker ? 'attributes' : prefill.stance), speaker);
      return getClaim(db, id);
    },
    () => ({ label: 'Make claim', changes: CLAIM_CHANGES }),
  );
}

export type ClaimPatch = Partial<ClaimFields>;

/** Edits a claim's fields; a new statement brings its own figure unless the patch gives one. */
export function updateClaim(db: Database, clock: Clock, id: number, patch: ClaimPatch): Edit<Claim> {
  claimExists(db, id);
  const next: ClaimPatch = { ...patch };
  if (patch.statement !== undefined) {
    next.statement = patch.statement.trim();
    if (!next.statement) throw new MarginaliaError('invalid-arguments', 'A claim needs a statement.');
    const figure = parseFigures(next.statement)[0];
    next.value ??= figure?.value ?? null;
    next.unit ??= figure?.unit ?? null;
    next.counted ??= figure?.counted ?? null;
    next.qualifier ??= figure?.qualifier ?? null;
  }
  if (patch.speaker !== undefined) next.speaker = patch.speaker?.trim() || null;
  const columns = (Object.keys(next) as Array<keyof ClaimFields>).filter((key) => next[key] !== undefined);
  return recordEdit(
    db,
    () => claimRows([id]),
    () => {
      db.prepare(`UPDATE claims SET ${[...columns.map((c) => `${c} = ?`), 'updated_at = ?', ACTING_CODER].join(', ')} WHERE id = ?`).run(
        ...columns.map((c) => next[c]),
        isoNow(clock),
        id,
      );
      return getClaim(db, id);
    },
    () => ({ label: 'Edit claim', changes: ['claims'] }),
  );
}

/** Deletes a claim with its appearances, links and rejections (its passages stay). */
export function deleteClaim(db: Database, id: number): Edit<{ deleted: number }> {
  claimExists(db, id);
  return recordEdit(
    db,
    () => claimRows([id]),
    () => ({ deleted: db.prepare('DELETE FROM claims WHERE id = ?').run(id).changes }),
    () => ({ label: 'Delete claim', changes: CLAIM_CHANGES }),
  );
}

/** Adds an appearance of a claim: an existing passage, or a selection that becomes one. */
export function addAppearance(
  db: Database,
  clock: Clock,
  claimId: number,
  ref: PassageRef,
  stance: Stance = 'asserts',
  speaker: string | null = null,
): Edit<Claim> {
  claimExists(db, claimId);
  const passages: number[] = [];
  return recordEdit(
    db,
    () => claimRows([claimId], passages),
    () => {
      const passageId = passageFor(db, clock, ref, passages);
      insertAppearance(db, clock, claimId, passageId, stance, speaker?.trim() || null);
      // Accepting what was once rejected takes the rejection back.
      const at = passageRange(db, passageId);
      db.prepare('DELETE FROM claim_rejections WHERE claim_id = ? AND article_id = ? AND start = ? AND "end" = ?').run(
        claimId,
        at.articleId,
        at.start,
        at.end,
      );
      return getClaim(db, claimId);
    },
    () => ({ label: 'Add appearance', changes: CLAIM_CHANGES }),
  );
}

function appearance(db: Database, id: number): Pick<ClaimAppearance, 'id' | 'claimId' | 'passageId' | 'stance' | 'speaker'> {
  const row = db
    .prepare('SELECT id, claim_id AS claimId, passage_id AS passageId, stance, speaker FROM claim_appearances WHERE id = ?')
    .get(id) as Pick<ClaimAppearance, 'id' | 'claimId' | 'passageId' | 'stance' | 'speaker'> | undefined;
  if (!row) throw notFound('Appearance', id);
  return row;
}

export function updateAppearance(
  db: Database,
  id: number,
  patch: { stance?: Stance | undefined; speaker?: string | null | undefined },
): Edit<Claim> {
  const { claimId } = appearance(db, id);
  return recordEdit(
    db,
    () => claimRows([claimId]),
    () => {
      if (patch.stance !== undefined)
        db.prepare(`UPDATE claim_appearances SET stance = ?, ${ACTING_CODER} WHERE id = ?`).run(patch.stance, id);
      if (patch.speaker !== undefined)
        db.prepare(`UPDATE claim_appearances SET speaker = ?, ${ACTING_CODER} WHERE id = ?`).run(patch.speaker?.trim() || null, id);
      return getClaim(db, claimId);
    },
    () => ({ label: 'Edit appearance', changes: ['claims'] }),
  );
}

export function removeAppearance(db: Database, id: number): Edit<Claim> {
  const { claimId } = appearance(db, id);
  return recordEdit(
    db,
    () => claimRows([claimId]),
    () => {
      db.prepare('DELETE FROM claim_appearances WHERE id = ?').run(id);
      return getClaim(db, claimId);
    },
    () => ({ label: 'Remove appearance', changes: CLAIM_CHANGES }),
  );
}

export { appearance as appearanceRow };

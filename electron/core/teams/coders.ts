import type { Database } from 'better-sqlite3';
import type { Coder } from '../../shared/coders';
import { isoNow, type Clock } from '../clock';
import { MarginaliaError, notFound } from '../errors';
import { newUid } from '../uid';
import { pickCoderColour } from './palette';

/** The tables whose rows record their coder (migration 15). */
export const CODED_TABLES = ['passages', 'passage_tags', 'claims', 'claim_appearances', 'claim_links', 'memos'] as const;

const COLUMNS = 'id, uid, name, colour, created_at AS createdAt';

export function listCoders(db: Database): Coder[] {
  return db.prepare(`SELECT ${COLUMNS} FROM coders ORDER BY name COLLATE NOCASE, id`).all() as Coder[];
}

/** The coder of that name (case-blind, as the table's unique index compares), or undefined. */
export function findCoder(db: Database, name: string): Coder | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM coders WHERE name = ? COLLATE NOCASE`).get(name.trim()) as Coder | undefined;
}

export function findCoderByUid(db: Database, uid: string): Coder | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM coders WHERE uid = ?`).get(uid) as Coder | undefined;
}

export function getCoder(db: Database, id: number): Coder {
  const coder = db.prepare(`SELECT ${COLUMNS} FROM coders WHERE id = ?`).get(id) as Coder | undefined;
  if (!coder) throw notFound('Coder', id);
  return coder;
}

export interface NewCoder {
  name: string;
  /** Picked from the coder palette when not given. */
  colour?: string | undefined;
  /** Kept when another tool or library named the coder (a REFI-QDA User guid); new otherwise. */
  uid?: string | undefined;
}

/**
 * Adds a coder to the library, inside the caller's write transaction. The library's first coder
 * takes every row written before coders existed (their coder is NULL): until then one analyst
 * worked on it, and that is who registers first.
 */
export function registerCoder(db: Database, clock: Clock, coder: NewCoder): Coder {
  const name = coder.name.trim();
  if (name === '') throw new MarginaliaError('invalid-arguments', 'A coder needs a name.');
  if (findCoder(db, name)) throw new MarginaliaError('conflict', `There is already a coder named "${name}" in this library.`);
  const first = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM coders)').pluck().get() === 1;
  const colour = (coder.colour ?? pickCoderColour(db)).toLowerCase();
  const id = Number(
    db
      .prepare('INSERT INTO coders (uid, name, colour, created_at) VALUES (?, ?, ?, ?)')
      .run(coder.uid ?? newUid(), name, colour, isoNow(clock)).lastInsertRowid,
  );
  if (first) for (const table of CODED_TABLES) db.prepare(`UPDATE ${table} SET coder_id = ? WHERE coder_id IS NULL`).run(id);
  return getCoder(db, id);
}

/** The coder of that name, registered first when the library has none of that name yet. */
export function findOrRegisterCoder(db: Database, clock: Clock, coder: NewCoder): Coder {
  return findCoder(db, coder.name) ?? registerCoder(db, clock, coder);
}

import type { Database, Statement } from 'better-sqlite3';

/**
 * The write mark: one fixed-width row of library_meta that every write transaction moves on,
 *   MRGN1:<library id, 32 hex>:<lineage, 16 hex>:<count of writes, 20 digits>
 * Its page is therefore in every write-ahead log the library writes, and the same page in the
 * database file tells which state of the file a log was written on (library/wal-guard.ts). The
 * lineage changes when Marginalia makes a copy (a backup, a restore, a recovery), so a log written
 * on the original never applies to a copy of it. Fixed width: SQLite rewrites the row in place.
 */
export const MARK_PREFIX = 'MRGN1:';
export const MARK_PATTERN = /^MRGN1:([0-9a-f]{32}):([0-9a-f]{16}):(\d{20})$/;
export const MARK_LENGTH = 76;

export interface Mark {
  uid: string;
  lineage: string;
  writes: number;
}

export function parseMark(text: string): Mark | null {
  const found = MARK_PATTERN.exec(text);
  return found ? { uid: found[1]!, lineage: found[2]!, writes: Number(found[3]) } : null;
}

interface Statements {
  bump: Statement;
  create: Statement;
}

const prepared = new WeakMap<Database, Statements | null>();

function statements(db: Database): Statements | null {
  if (!prepared.has(db)) {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'library_meta'").get() !== undefined;
    prepared.set(
      db,
      hasMeta
        ? {
            bump: db.prepare(
              "UPDATE library_meta SET value = substr(value, 1, 56) || printf('%020d', CAST(substr(value, 57) AS INTEGER) + 1) WHERE key = 'mark'",
            ),
            // Libraries made before the mark existed get theirs on their first write.
            create: db.prepare(
              `INSERT INTO library_meta (key, value)
               SELECT 'mark', '${MARK_PREFIX}' || value || ':' || lower(hex(randomblob(8))) || ':' || printf('%020d', 1)
               FROM library_meta WHERE key = 'uid'`,
            ),
          }
        : null,
    );
  }
  return prepared.get(db) ?? null;
}

/** Moves the write mark on; runs first in every write transaction (see write.ts). */
export function bumpMark(db: Database): void {
  const s = statements(db);
  if (s && s.bump.run().changes === 0) s.create.run();
}

/** Forgets what this connection knew of the schema (after a migration created library_meta). */
export function schemaChanged(db: Database): void {
  prepared.delete(db);
}

/** Gives a copy of a library its own lineage: logs of the original never apply to it. */
export function newLineage(db: Database): void {
  if (!statements(db)) return;
  bumpMark(db);
  db.prepare(
    "UPDATE library_meta SET value = substr(value, 1, 39) || lower(hex(randomblob(8))) || substr(value, 56) WHERE key = 'mark'",
  ).run();
}

/** The mark as the connection sees it now, or null before the library has one. */
export function currentMark(db: Database): Mark | null {
  const row = db.prepare("SELECT value FROM library_meta WHERE key = 'mark'").get() as { value: string } | undefined;
  return row ? parseMark(row.value) : null;
}

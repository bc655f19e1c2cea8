import type { Database, Statement } from 'better-sqlite3';
import type { ChangeKind } from '../../shared/types';
import type { Edit } from '../edits';
import { articleIndexer, type IndexedColumns } from './writer';

type Row = Record<string, unknown>;

/** Tables the codebook, passage, article and text edits touch, with their primary keys. */
const KEYS = {
  articles: ['id'],
  article_sources: ['article_id'],
  tags: ['id'],
  passages: ['id'],
  passage_tags: ['passage_id', 'tag_id'],
  claim_appearances: ['id'],
  claims: ['id'],
  claim_links: ['id'],
  claim_rejections: ['id'],
} as const;

export type Table = keyof typeof KEYS;

/** Rows of one table chosen by a WHERE clause; the same selection is read before and after an edit. */
export interface Selection {
  table: Table;
  where: string;
  params?: unknown[];
}

/** Rows of several tables at one moment, keyed by table and primary key. */
export type Snapshot = Map<Table, Map<string, Row>>;

function keyOf(table: Table, row: Row): string {
  return KEYS[table].map((column) => String(row[column])).join(':');
}

export function snapshot(db: Database, selections: readonly Selection[]): Snapshot {
  const result: Snapshot = new Map();
  for (const { table, where, params = [] } of selections) {
    const rows = result.get(table) ?? new Map<string, Row>();
    for (const row of db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...params) as Row[]) rows.set(keyOf(table, row), row);
    result.set(table, rows);
  }
  return result;
}

/**
 * Unique columns that rows may swap within one edit (a merged tag and the child that takes its
 * name): rows about to change or go away first take a unique placeholder (their uid) there.
 */
const TRANSIENT_UNIQUE: Partial<Record<Table, { column: string; placeholder: string }>> = {
  tags: { column: 'name', placeholder: 'uid' },
};

/**
 * What inserting a row of a table needs besides the INSERT: article rows are indexed for search by
 * the same statement their writer uses (no trigger does it since migration 4).
 */
const AFTER_INSERT: Partial<Record<Table, (db: Database) => (row: Row) => void>> = {
  articles: (db) => {
    const index = articleIndexer(db);
    return (row) => index(row as unknown as IndexedColumns);
  },
};

function sameRow(a: Row, b: Row): boolean {
  return Object.keys(a).every((column) => a[column] === b[column]);
}

/**
 * Moves the selected rows from state `from` to state `to`: inserts rows only `to` has, updates
 * changed ones, deletes rows only `from` has. Foreign keys are checked at commit, so rows may be
 * inserted in any order; deletions run last, so a cascade never removes a row an update re-parents.
 */
function applyState(db: Database, from: Snapshot, to: Snapshot): void {
  db.pragma('defer_foreign_keys = ON');
  // Thousands of rows share a few statement shapes; preparing each once keeps big undos quick.
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const tables = [...new Set([...from.keys(), ...to.keys()])];
  for (const table of tables) {
    const unique = TRANSIENT_UNIQUE[table];
    if (!unique) continue;
    const after = to.get(table) ?? new Map<string, Row>();
    const park = prepare(
      `UPDATE ${table} SET "${unique.column}" = "${unique.placeholder}" WHERE ${KEYS[table].map((k) => `"${k}" = ?`).join(' AND ')}`,
    );
    for (const [key, row] of from.get(table) ?? []) {
      const next = after.get(key);
      if (!next || !sameRow(row, next)) park.run(...KEYS[table].map((k) => row[k]));
    }
  }
  for (const table of tables) {
    const before = from.get(table) ?? new Map<string, Row>();
    const unique = TRANSIENT_UNIQUE[table];
    const afterInsert = AFTER_INSERT[table]?.(db);
    for (const [key, row] of to.get(table) ?? []) {
      const old = before.get(key);
      const columns = Object.keys(row);
      if (!old) {
        prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
          ...columns.map((c) => row[c]),
        );
        afterInsert?.(row);
      } else if (!sameRow(old, row)) {
        const changed = columns.filter((c) => old[c] !== row[c] || c === unique?.column);
        prepare(
          `UPDATE ${table} SET ${changed.map((c) => `"${c}" = ?`).join(', ')} WHERE ${KEYS[table].map((k) => `"${k}" = ?`).join(' AND ')}`,
        ).run(...changed.map((c) => row[c]), ...KEYS[table].map((k) => row[k]));
      }
    }
  }
  for (const table of [...tables].reverse()) {
    const after = to.get(table) ?? new Map<string, Row>();
    for (const [key, row] of from.get(table) ?? []) {
      if (after.has(key)) continue;
      prepare(`DELETE FROM ${table} WHERE ${KEYS[table].map((k) => `"${k}" = ?`).join(' AND ')}`).run(...KEYS[table].map((k) => row[k]));
    }
  }
}

/** An edit that moved the selected rows from `before` to `after`; undoing it moves them back. */
function appliedEdit(db: Database, before: Snapshot, after: Snapshot, label: string, changes: ChangeKind[]): Edit<null> {
  return {
    value: null,
    label,
    changes,
    revert: () => {
      applyState(db, after, before);
      return appliedEdit(db, after, before, label, changes);
    },
  };
}

/**
 * Runs `perform` and returns it as an Edit whose undo puts every selected row back exactly as it
 * was (same ids, same values) and whose redo replays the result. `selections` is called before
 * and after `perform` and must cover every row the edit can insert, change or delete.
 */
export function recordEdit<T>(
  db: Database,
  selections: () => readonly Selection[],
  perform: () => T,
  describe: (value: T) => { label: string; changes: ChangeKind[] },
): Edit<T> {
  const before = snapshot(db, selections());
  const value = perform();
  const after = snapshot(db, selections());
  const { label, changes } = describe(value);
  return { ...appliedEdit(db, before, after, label, changes), value };
}

/** A selection of rows whose column is one of `ids` (passed as JSON, so any number fits one statement). */
export function among(table: Table, column: string, ids: readonly number[]): Selection {
  return { table, where: `"${column}" IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
}

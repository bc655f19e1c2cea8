import type { Database, Statement } from 'better-sqlite3';
import type { ChangeKind } from '../../shared/types';
import type { Edit } from '../edits';
import { findConflict } from './row-conflicts';
import { KEYS, type Row, type Selection, type Snapshot, type Table, snapshot } from './row-snapshots';
import { articleIndexer, type IndexedColumns } from './writer';

export { among, type Selection } from './row-snapshots';

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

/**
 * An edit that moved the selected rows from `before` to `after`; undoing it moves them back, once
 * the rows it wrote are found as it left them (see findConflict).
 */
function appliedEdit(
  db: Database,
  selections: () => readonly Selection[],
  before: Snapshot,
  after: Snapshot,
  label: string,
  changes: ChangeKind[],
): Edit<null> {
  return {
    value: null,
    label,
    changes,
    conflict: () => findConflict(db, before, after, snapshot(db, selections())),
    revert: () => {
      applyState(db, after, before);
      return appliedEdit(db, selections, after, before, label, changes);
    },
  };
}

/**
 * Runs `perform` and returns it as an Edit whose undo puts every selected row back exactly as it
 * was (same ids, same values) and whose redo replays the result. `selections` is called before
 * and after `perform` (and again before an undo or redo, to find rows changed since) and must
 * cover every row the edit can insert, change or delete.
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
  return { ...appliedEdit(db, selections, before, after, label, changes), value };
}

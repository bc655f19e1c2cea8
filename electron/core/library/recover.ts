import type Database from 'better-sqlite3';
import { checkLibrary } from './check';
import { registerFunctions } from './functions';
import { type Library, openLibrary } from './open';
import { memoryCopy } from './read-only';
import { rebuildDerived } from './rebuild';
import { writeTransaction } from './write';
import { newLineage } from './write-mark';

/** What was saved of one table, and what was lost. */
export interface TableRecovery {
  table: string;
  recovered: number;
  /** Ranges of row ids that could not be read (damaged pages); an end of null: to the last row. */
  unreadable: Array<[number, number | null]>;
  /** Rows read but not kept because a row they belong to was lost (a passage of a lost article). */
  orphaned: number;
  /** The table could not be read at all. */
  lost: boolean;
}

export interface Recovery {
  tables: TableRecovery[];
  /** Problems `check` still finds in the new library (none is expected). */
  problems: string[];
}

/** Tables made from others, rebuilt rather than copied. */
const DERIVED = new Set(['article_sentences', 'sentence_figures', 'sentence_queue']);
const PAGE = 256;

function isCorrupt(error: unknown): boolean {
  return /SQLITE_CORRUPT|SQLITE_NOTADB/.test(String((error as { code?: unknown }).code));
}

/** The real tables of a fresh library, parents before children, without search-index internals. */
function tablesInOrder(db: Database.Database): Array<{ name: string; rowid: boolean }> {
  const all = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .all() as Array<{ name: string; sql: string }>;
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const real = all.filter(
    (t) => !/^CREATE VIRTUAL TABLE/i.test(t.sql) && !virtual.some((v) => t.name.startsWith(`${v}_`)) && !DERIVED.has(t.name),
  );
  const parents = new Map(
    real.map((t) => [
      t.name,
      (db.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(t.name) as string[]).filter((p) => p !== t.name),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string): void => {
    if (ordered.includes(name)) return;
    for (const parent of parents.get(name) ?? []) visit(parent);
    ordered.push(name);
  };
  for (const t of real) visit(t.name);
  return ordered.map((name) => ({ name, rowid: !/WITHOUT ROWID\s*$/i.test(real.find((t) => t.name === name)!.sql) }));
}

function columnsOf(db: Database.Database, table: string): string[] {
  try {
    return db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  } catch {
    return [];
  }
}

/**
 * Reads a rowid table a page of rows at a time; where SQLite cannot read, goes on row by row up to
 * the damage, then finds the next row id it can read from (doubling the jump, then narrowing it
 * down), so the rows before and after a damaged page are saved. Calls `keep` for each row read.
 * Our tables number their rows from 1.
 */
function readTolerantly(
  source: Database.Database,
  table: string,
  columns: string[],
  keep: (row: unknown[]) => void,
  result: TableRecovery,
): void {
  const select = `SELECT rowid, ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE rowid > ? ORDER BY rowid`;
  const page = source.prepare(`${select} LIMIT ${PAGE}`).raw();
  const one = source.prepare(`${select} LIMIT 1`).raw();
  const readable = (after: number): boolean => {
    try {
      one.get(after);
      return true;
    } catch (error) {
      if (!isCorrupt(error)) throw error;
      return false;
    }
  };
  /** Rows after `after` up to the first one that cannot be read; the last row id read, or null at the end. */
  const rowByRow = (after: number): number | null => {
    for (;;) {
      let row: unknown[] | undefined;
      try {
        row = one.get(after) as unknown[] | undefined;
      } catch (error) {
        if (!isCorrupt(error)) throw error;
        return after;
      }
      if (!row) return null;
      keep(row.slice(1));
      after = Number(row[0]);
    }
  };
  let after = 0;
  for (;;) {
    let rows: unknown[][];
    try {
      rows = page.all(after) as unknown[][];
    } catch (error) {
      if (!isCorrupt(error)) throw error;
      const stop = rowByRow(after);
      if (stop === null) return;
      let jump = 1;
      while (!readable(stop + jump) && jump < 2 ** 40) jump *= 2;
      if (jump >= 2 ** 40) {
        result.unreadable.push([stop + 1, null]);
        return;
      }
      // The smallest start SQLite can read from, between the last that failed and the jump.
      let low = jump === 1 ? stop : stop + jump / 2;
      let high = stop + jump;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (readable(middle)) high = middle;
        else low = middle;
      }
      result.unreadable.push([stop + 1, high]);
      after = high;
      continue;
    }
    if (rows.length === 0) return;
    for (const row of rows) keep(row.slice(1));
    after = Number(rows.at(-1)![0]);
  }
}

/** Removes rows whose parent row was lost (again, for rows that hung off those), counting them. */
function dropOrphans(db: Database.Database, tables: TableRecovery[]): void {
  for (;;) {
    const orphans = db.pragma('foreign_key_check') as Array<{ table: string; parent: string; fkid: number }>;
    if (orphans.length === 0) return;
    const seen = new Set<string>();
    for (const { table, parent, fkid } of orphans) {
      if (seen.has(`${table}:${fkid}`)) continue;
      seen.add(`${table}:${fkid}`);
      const key = db
        .prepare('SELECT "from", coalesce("to", \'id\') AS "to" FROM pragma_foreign_key_list(?) WHERE id = ?')
        .get(table, fkid) as {
        from: string;
        to: string;
      };
      const gone = db
        .prepare(`DELETE FROM "${table}" WHERE "${key.from}" IS NOT NULL AND "${key.from}" NOT IN (SELECT "${key.to}" FROM "${parent}")`)
        .run().changes;
      const result = tables.find((t) => t.table === table);
      if (result) {
        result.recovered -= gone;
        result.orphaned += gone;
      }
    }
  }
}

/**
 * Copies whatever SQLite can still read of a damaged library into a new one at `target` (which
 * must not exist): table by table, parents first, a damaged page skipped with the row ids it held;
 * then its search indexes and everything derived are built, and it is checked. The damaged file
 * is only read (from a copy in memory).
 */
export function recoverLibrary(sourcePath: string, target: string, nativeBinding?: string): Recovery {
  const source = memoryCopy(sourcePath, { writable: false, nativeBinding, salvage: true });
  let lib: Library | null = null;
  try {
    registerFunctions(source);
    lib = openLibrary(target, nativeBinding ? { nativeBinding } : {});
    const db = lib.db;
    const tables: TableRecovery[] = [];
    writeTransaction(db, () => {
      // Checked at the end: a tag may come before the parent it was moved under.
      db.pragma('defer_foreign_keys = ON');
      for (const { name, rowid } of tablesInOrder(db)) {
        const result: TableRecovery = { table: name, recovered: 0, unreadable: [], orphaned: 0, lost: false };
        tables.push(result);
        const here = columnsOf(db, name);
        const columns = columnsOf(source, name).filter((c) => here.includes(c));
        if (columns.length === 0) {
          result.lost = true;
          continue;
        }
        if (name === 'library_meta') db.prepare('DELETE FROM library_meta').run();
        const insert = db.prepare(
          `INSERT OR REPLACE INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        const keep = (row: unknown[]): void => {
          try {
            insert.run(...row);
            result.recovered += 1;
          } catch (error) {
            if (!/constraint/i.test((error as Error).message)) throw error;
            result.orphaned += 1;
          }
        };
        try {
          if (rowid) readTolerantly(source, name, columns, keep, result);
          else
            for (const row of source
              .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}"`)
              .raw()
              .all() as unknown[][])
              keep(row);
        } catch (error) {
          if (!isCorrupt(error)) throw error;
          result.lost = true;
        }
      }
      dropOrphans(db, tables);
      // The copy keeps the library's id but is a copy: logs of the damaged file never apply to it.
      db.prepare("DELETE FROM library_meta WHERE key = 'mark'").run();
      newLineage(db);
      rebuildDerived(db);
    });
    return { tables, problems: checkLibrary(db) };
  } finally {
    lib?.close();
    source.close();
  }
}

import type { Database } from 'better-sqlite3';
import { KEYS, keyOf, type Row, type Snapshot, type Table } from './row-snapshots';

/** Columns that only record when a row was last touched: a later touch alone is no conflict. */
const BOOKKEEPING = new Set(['updated_at']);

/** Blobs (an article's original file) arrive as a new Buffer on every read: compare their bytes. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(a, b) === 0);
}

function sameContent(a: Row, b: Row): boolean {
  return Object.keys(a).every((column) => BOOKKEEPING.has(column) || sameValue(a[column], b[column]));
}

const quoted = (text: unknown): string => {
  const flat = String(text ?? '').replace(/\s+/g, ' ');
  return `"${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}"`;
};

function passageNamed(db: Database, id: unknown): string {
  const row = db.prepare('SELECT exact FROM passages WHERE id = ?').get(id) as { exact: string } | undefined;
  return row ? `the passage ${quoted(row.exact)}` : 'a passage';
}

/** How a row is named in a message, by table (any table an edit records falls back to its name). */
const NAMES: Partial<Record<Table, (db: Database, row: Row) => string>> = {
  articles: (_db, row) => `the article ${quoted(row.title)}`,
  article_sources: () => "an article's source file",
  tags: (_db, row) => `the tag ${quoted(row.name)}`,
  passages: (_db, row) => `the passage ${quoted(row.exact)}`,
  passage_tags: (db, row) => `a tag on ${passageNamed(db, row.passage_id)}`,
  claim_appearances: () => 'an appearance of a claim',
  claims: (_db, row) => `the claim ${quoted(row.statement)}`,
  claim_links: () => 'a link between claims',
  claim_rejections: () => 'a rejected suggestion',
  library_meta: (_db, row) => (row.key === 'tag-pins' ? 'the tags pinned to number keys' : 'a setting of the library'),
  candidate_dismissals: () => 'a dismissed candidate claim',
  article_fields: (_db, row) => `the field ${quoted(row.name)}`,
  article_field_values: () => "an article's value of a field",
};

const nameOf = (db: Database, table: string, row: Row): string => NAMES[table as Table]?.(db, row) ?? `a row of ${table}`;

interface Reference {
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
}

const references = new WeakMap<Database, Reference[]>();

/** Every foreign key of the schema (read once per connection): what a deleted row takes with it. */
function referencesOf(db: Database): Reference[] {
  let found = references.get(db);
  if (!found) {
    found = (
      db
        .prepare(
          `SELECT m.name AS child, f."from" AS column, f."table" AS parent, coalesce(f."to", 'id') AS parentColumn
           FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
        )
        .all() as Reference[]
    ).filter((reference) => reference.child !== reference.parent || reference.column !== reference.parentColumn);
    references.set(db, found);
  }
  return found;
}

/**
 * Rows that taking the edit back would delete without its record knowing: it removes the rows it
 * had inserted, and a foreign key cascades to rows hanging off them that someone added since (a
 * tag on a passage this edit created, a child under a tag it created).
 */
function cascadeVictim(db: Database, before: Snapshot, after: Snapshot): string | null {
  for (const [table, rows] of after) {
    const removed = [...rows].filter(([key]) => !before.get(table)?.has(key)).map(([, row]) => row);
    if (removed.length === 0) continue;
    for (const { child, column, parentColumn } of referencesOf(db).filter((r) => r.parent === table)) {
      const known = Object.hasOwn(KEYS, child) ? after.get(child as Table) : undefined;
      const find = db.prepare(`SELECT * FROM "${child}" WHERE "${column}" = ?`);
      for (const row of removed) {
        for (const hanging of find.all(row[parentColumn]) as Row[]) {
          if (!known?.has(keyOf(child as Table, hanging))) return `${nameOf(db, child, hanging)} was added`;
        }
      }
    }
  }
  return null;
}

/**
 * Compares the rows an edit wrote with what the library holds now. `before` and `after` are the
 * edit's snapshots; `now` is the same selection read again. A row the edit changed must still be
 * as it left it (or still gone), and no row may have appeared in the edit's scope since (taking
 * the edit back could delete it, e.g. with the passage it hangs off). Returns the first conflict
 * in words, or null.
 */
export function findConflict(db: Database, before: Snapshot, after: Snapshot, now: Snapshot): string | null {
  const tables = new Set([...before.keys(), ...after.keys(), ...now.keys()]);
  for (const table of tables) {
    const was = before.get(table) ?? new Map<string, Row>();
    const left = after.get(table) ?? new Map<string, Row>();
    const current = now.get(table) ?? new Map<string, Row>();
    for (const key of new Set([...was.keys(), ...left.keys()])) {
      const wrote = left.get(key);
      const old = was.get(key);
      if (wrote && old && sameContent(old, wrote) && sameContent(wrote, old)) continue;
      const row = current.get(key);
      if (wrote && !row) return `${nameOf(db, table, wrote)} was deleted`;
      if (!wrote && row) return `${nameOf(db, table, row)} was added`;
      if (wrote && row && !sameContent(wrote, row)) return `${nameOf(db, table, row)} was changed`;
    }
    for (const [key, row] of current) {
      if (!left.has(key) && !was.has(key)) return `${nameOf(db, table, row)} was added`;
    }
  }
  return cascadeVictim(db, before, after);
}

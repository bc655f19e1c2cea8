import type { Database } from 'better-sqlite3';
import type { CoderIdentity, CurrentCoder } from '../../shared/coders';
import type { Clock } from '../clock';
import { type CODED_TABLES, findCoder, findOrRegisterCoder, getCoder } from './coders';
import { pickCoderColour } from './palette';

/**
 * Who a connection records as the coder of what it writes. The id sits in a TEMP table of the
 * connection, and TEMP triggers (also the connection's own, never stored in the library file) give
 * every coded row inserted without a coder that id: so every write path records its coder, the
 * app's edits, imports and undo alike, while a row written with its coder (a merge, a hub pull,
 * a REFI-QDA coding by a named user) keeps it. Other programs opening the file see plain tables.
 */
const KEYS: Record<(typeof CODED_TABLES)[number], string> = {
  passages: 'id = NEW.id',
  passage_tags: 'passage_id = NEW.passage_id AND tag_id = NEW.tag_id',
  claims: 'id = NEW.id',
  claim_appearances: 'id = NEW.id',
  claim_links: 'id = NEW.id',
  memos: 'id = NEW.id',
};

/** The schema version that gave the coded tables their coder column (migration 15). */
export const CODERS_VERSION = 15;

/** In an UPDATE's SET list: the row becomes the acting coder's (unchanged when nobody acts). */
export const ACTING_CODER = 'coder_id = coalesce((SELECT id FROM temp.acting_coder), coder_id)';

interface Acting {
  who: Partial<CoderIdentity> & { name: string };
  clock: Clock;
  needsProfile: boolean;
}

const acting = new WeakMap<Database, Acting>();

/**
 * Installs the connection's coder stamps; called once on every writable connection. `triggers`
 * is false for a library kept below migration 15 (upgrade tests), which has no coder columns.
 */
export function installCoderStamps(db: Database, triggers: boolean): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS acting_coder (id INTEGER NOT NULL)');
  if (!triggers) return;
  for (const [table, key] of Object.entries(KEYS)) {
    db.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS stamp_${table} AFTER INSERT ON main.${table}
       WHEN NEW.coder_id IS NULL AND EXISTS (SELECT 1 FROM temp.acting_coder)
       BEGIN UPDATE main.${table} SET coder_id = (SELECT id FROM temp.acting_coder) WHERE ${key}; END`,
    );
  }
}

function setActingId(db: Database, id: number | null): void {
  db.prepare('DELETE FROM temp.acting_coder').run();
  if (id !== null) db.prepare('INSERT INTO temp.acting_coder (id) VALUES (?)').run(id);
}

/**
 * From now on this connection's writes are `who`'s (null: nobody's, rows stay without a coder). A
 * coder the library does not know yet is registered by the first write transaction, in that
 * transaction: reading never adds a coder, and a first-run profile can still change the name.
 */
export function actAs(
  db: Database,
  clock: Clock,
  who: (Partial<CoderIdentity> & { name: string }) | null,
  options: { needsProfile?: boolean } = {},
): void {
  if (who === null) {
    acting.delete(db);
    setActingId(db, null);
    return;
  }
  const known = findCoder(db, who.name);
  acting.set(db, { who: { ...who, name: who.name.trim() }, clock, needsProfile: options.needsProfile ?? false });
  setActingId(db, known?.id ?? null);
}

/** Called at the start of every write transaction: registers the acting coder on their first write. */
export function registerActingCoder(db: Database): void {
  const state = acting.get(db);
  // The TEMP table is transactional: a first write that rolled back leaves it empty again.
  if (!state || actingCoderId(db) !== null) return;
  // The row may have come from another program since actAs looked.
  setActingId(db, findOrRegisterCoder(db, state.clock, state.who).id);
}

/** The id of the coder this connection records, or null (nobody, or not yet registered). */
export function actingCoderId(db: Database): number | null {
  return (db.prepare('SELECT id FROM temp.acting_coder').pluck().get() as number | undefined) ?? null;
}

/** Who this connection records, for the UI: a registered coder's row, else the name it will register. */
export function currentCoder(db: Database): CurrentCoder | null {
  const state = acting.get(db);
  if (!state) return null;
  const id = actingCoderId(db);
  if (id !== null) {
    const coder = getCoder(db, id);
    return { id, name: coder.name, colour: coder.colour, needsProfile: state.needsProfile };
  }
  return { id: null, name: state.who.name, colour: state.who.colour ?? pickCoderColour(db), needsProfile: state.needsProfile };
}

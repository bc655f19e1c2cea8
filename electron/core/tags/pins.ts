import type { Database } from 'better-sqlite3';
import { PIN_SLOTS } from '../../shared/types';
import type { Edit } from '../edits';
import { MarginaliaError } from '../errors';
import { recordEdit } from '../articles/row-changes';
import type { Selection } from '../articles/row-snapshots';
import { PINS_KEY, pinsById, readSlots } from './pin-slots';
import { loadTree } from './queries';

const selection: Selection = { table: 'library_meta', where: 'key = ?', params: [PINS_KEY] };

/**
 * Pins a tag to key `slot` (1–9), or to the first free key when `slot` is undefined; `null`
 * unpins it. A tag has one key: pinning it elsewhere frees its old one, and the tag that had
 * `slot` loses it. Undoable like every edit. Asking for what already holds is refused, so that no
 * empty step lands in the undo history.
 */
export function pinTag(db: Database, id: number, slot: number | null | undefined): Edit<{ pin: number | null }> {
  const name = loadTree(db).get(id).name;
  const { uid } = db.prepare('SELECT uid FROM tags WHERE id = ?').get(id) as { uid: string };
  const pins = pinsById(db);
  const own = pins.get(id) ?? null;
  const live = new Set(pins.values());
  const target = slot === undefined ? firstFree(live, own, name) : slot;
  if (target === own) {
    throw new MarginaliaError('conflict', own === null ? `"${name}" is not pinned.` : `"${name}" is already on key ${own}.`);
  }
  // Slots whose tag is gone count as free; the tag's old key is freed.
  const slots = readSlots(db).map((held, i) => (i + 1 === target ? uid : live.has(i + 1) && held !== uid ? held : null));
  return recordEdit(
    db,
    () => [selection],
    () => {
      db.prepare('INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        PINS_KEY,
        JSON.stringify(slots),
      );
      return { pin: target };
    },
    () => ({ label: target === null ? `Unpin ${name}` : `Pin ${name} to key ${target}`, changes: ['tags'] }),
  );
}

function firstFree(taken: ReadonlySet<number>, own: number | null, name: string): number | null {
  if (own !== null) return own;
  for (let n = 1; n <= PIN_SLOTS; n++) if (!taken.has(n)) return n;
  throw new MarginaliaError('conflict', `All ${PIN_SLOTS} number keys have a tag; unpin one before pinning "${name}".`);
}

import type { Database } from 'better-sqlite3';
import { PIN_SLOTS } from '../../shared/types';

/**
 * The tags pinned to the number keys 1–9, kept as one small setting of the library (library_meta):
 * slot n-1 holds the uid of the tag on key n. By uid, never id: a deleted tag's slot reads as free
 * and no later tag can inherit it, and undoing the deletion brings the tag back on its key.
 */
export const PINS_KEY = 'tag-pins';

export type Slots = Array<string | null>;

export function readSlots(db: Database): Slots {
  const row = db.prepare('SELECT value FROM library_meta WHERE key = ?').get(PINS_KEY) as { value: string } | undefined;
  const stored: unknown = row ? JSON.parse(row.value) : [];
  const slots = Array.isArray(stored) ? stored : [];
  return Array.from({ length: PIN_SLOTS }, (_, i) => (typeof slots[i] === 'string' ? (slots[i] as string) : null));
}
/** Each tag id's key (1–9), for the tags that still exist. */
export function pinsById(db: Database): Map<number, number> {
  const slots = readSlots(db);
  const pins = new Map<number, number>();
  if (slots.every((uid) => uid === null)) return pins;
  const rows = db.prepare('SELECT id, uid FROM tags WHERE uid IN (SELECT value FROM json_each(?))').all(JSON.stringify(slots)) as Array<{
    id: number;
    uid: string;
  }>;
  for (const { id, uid } of rows) pins.set(id, slots.indexOf(uid) + 1);
  return pins;
}

import type { Database } from 'better-sqlite3';
import type { Coder } from '../../shared/coders';
import { recordEdit } from '../articles/row-changes';
import type { Edit } from '../edits';
import { MarginaliaError } from '../errors';
import { findCoder, getCoder } from './coders';

const BLIND_KEY = 'blind_coding';

/** Blind coding: each coder sees only their own coding until they choose to compare. */
export function blindCoding(db: Database): boolean {
  return db.prepare('SELECT value FROM library_meta WHERE key = ?').pluck().get(BLIND_KEY) === '1';
}

export function setBlindCoding(db: Database, on: boolean): Edit<{ on: boolean }> {
  if (blindCoding(db) === on) throw new MarginaliaError('conflict', `Blind coding is already ${on ? 'on' : 'off'} in this library.`);
  return recordEdit(
    db,
    () => [{ table: 'library_meta', where: 'key = ?', params: [BLIND_KEY] }],
    () => {
      db.prepare('INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        BLIND_KEY,
        on ? '1' : '0',
      );
      return { on };
    },
    () => ({ label: on ? 'Turn blind coding on' : 'Turn blind coding off', changes: ['coders'] }),
  );
}

/** Renames or recolours a coder; their rows stay theirs (they are tied by id). */
export function updateCoder(db: Database, id: number, patch: { name?: string | undefined; colour?: string | undefined }): Edit<Coder> {
  const before = getCoder(db, id);
  const name = patch.name?.trim() ?? before.name;
  const clash = findCoder(db, name);
  if (clash && clash.id !== id) throw new MarginaliaError('conflict', `There is already a coder named "${clash.name}" in this library.`);
  const colour = patch.colour?.toLowerCase() ?? before.colour;
  return recordEdit(
    db,
    () => [{ table: 'coders', where: 'id = ?', params: [id] }],
    () => {
      db.prepare('UPDATE coders SET name = ?, colour = ? WHERE id = ?').run(name, colour, id);
      return getCoder(db, id);
    },
    () => ({ label: name !== before.name ? `Rename coder ${before.name} to ${name}` : `Recolour coder ${name}`, changes: ['coders'] }),
  );
}

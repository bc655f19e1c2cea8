import type { Database } from 'better-sqlite3';
import type { MergeReport } from '../../shared/merge';

interface CoderRow {
  id: number;
  uid: string;
  name: string;
  colour: string;
  created_at: string;
}

/**
 * The other library's coders here: the same coder by uid, else by name (case aside), else added
 * with their uid, name and colour. Ours are never renamed. Returns their coder id → ours.
 */
export function mergeCoders(ours: Database, theirs: Database, report: MergeReport): Map<number, number> {
  const byUid = ours.prepare('SELECT id FROM coders WHERE uid = ?').pluck();
  const byName = ours.prepare('SELECT id FROM coders WHERE name = ?').pluck();
  const insert = ours.prepare('INSERT INTO coders (uid, name, colour, created_at) VALUES (?, ?, ?, ?)');
  const map = new Map<number, number>();
  for (const coder of theirs.prepare('SELECT id, uid, name, colour, created_at FROM coders ORDER BY id').all() as CoderRow[]) {
    const found = (byUid.get(coder.uid) ?? byName.get(coder.name)) as number | undefined;
    if (found !== undefined) {
      report.coders.matched.push(coder.name);
      map.set(coder.id, found);
    } else {
      report.coders.added.push(coder.name);
      map.set(coder.id, Number(insert.run(coder.uid, coder.name, coder.colour, coder.created_at).lastInsertRowid));
    }
  }
  return map;
}

/** Our coder id for one of theirs (a row without a coder stays without one). */
export const coderOf = (map: Map<number, number>, theirs: number | null): number | null =>
  theirs === null ? null : (map.get(theirs) ?? null);

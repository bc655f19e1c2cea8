import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ChangeKind } from '../../shared/types';

/** Rows kept: far more than a watcher polling every second falls behind by. */
const KEEP = 1000;

/** One id per connection: a watcher skips the rows its own connection wrote. */
const sources = new WeakMap<Database, string>();
function sourceOf(db: Database): string {
  let source = sources.get(db);
  if (!source) sources.set(db, (source = randomUUID()));
  return source;
}

/**
 * Says what the current transaction changed (call it inside the transaction that makes the change);
 * no kinds: it changed nothing any view shows (an import's bookkeeping).
 */
export function recordChange(db: Database, kinds: readonly ChangeKind[]): void {
  const { lastInsertRowid } = db.prepare('INSERT INTO change_log (source, kinds) VALUES (?, ?)').run(sourceOf(db), kinds.join(' '));
  db.prepare('DELETE FROM change_log WHERE version <= ?').run(Number(lastInsertRowid) - KEEP);
}

/** Where the log ends now: a watcher starts reading after it. */
export function logEnd(db: Database): number {
  return (db.prepare('SELECT coalesce(max(version), 0) AS v FROM change_log').get() as { v: number }).v;
}

/**
 * What other connections changed since `after`, and where the log ends now. Null kinds: a
 * commit that left no row (another tool), or rows pruned before they were read; anything may
 * have changed.
 */
export function changesSince(db: Database, after: number): { end: number; kinds: ChangeKind[] | null } {
  const rows = db.prepare('SELECT version, source, kinds FROM change_log WHERE version > ? ORDER BY version').all(after) as Array<{
    version: number;
    source: string;
    kinds: string;
  }>;
  const end = rows.at(-1)?.version ?? after;
  const me = sourceOf(db);
  const theirs = rows.filter((r) => r.source !== me);
  const first = rows[0];
  if (theirs.length === 0 || (first && first.version > after + 1)) return { end, kinds: null };
  return { end, kinds: [...new Set(theirs.flatMap((r) => r.kinds.split(' ').filter(Boolean) as ChangeKind[]))] };
}

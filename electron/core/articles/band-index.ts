import type { Database } from 'better-sqlite3';
import { BANDS } from './minhash';

/**
 * The LSH bands of every article's signature, looked up by a writer in memory. The table holds one
 * row per article keyed by its id, so an import only appends to it (an index by band key would be
 * written at random places: every batch would rewrite most of its pages into the log). A writer
 * reads the table once, at its first lookup, and then only the rows written since (by itself, or by
 * another process between its transactions). Rows of deleted articles stay: lookups check the
 * article is there, and undoing a delete brings the same id back.
 */
export function bandIndex(db: Database) {
  const newer = db.prepare('SELECT article_id AS id, bands FROM article_bands WHERE article_id > ? ORDER BY article_id');
  const insert = db.prepare('INSERT OR IGNORE INTO article_bands (article_id, bands) VALUES (?, ?)');
  // Most keys belong to one article: a number, until a second one shares it.
  const byKey = new Map<number, number | number[]>();
  let seen = 0;
  const remember = (id: number, keys: readonly number[]): void => {
    for (const key of keys) {
      const held = byKey.get(key);
      if (held === undefined) byKey.set(key, id);
      else if (typeof held === 'number') byKey.set(key, [held, id]);
      else held.push(id);
    }
  };
  const catchUp = (): void => {
    for (const row of newer.iterate(seen) as IterableIterator<{ id: number; bands: Uint8Array }>) {
      remember(row.id, keysOf(row.bands));
      seen = row.id;
    }
  };
  return {
    /** Articles sharing a band with these keys, at most `limit`. */
    candidates(keys: readonly number[], limit: number): number[] {
      catchUp();
      const found = new Set<number>();
      for (const key of keys) {
        const held = byKey.get(key);
        for (const id of held === undefined ? [] : typeof held === 'number' ? [held] : held) {
          found.add(id);
          if (found.size >= limit) return [...found];
        }
      }
      return [...found];
    },
    add(id: number, keys: readonly number[]): void {
      insert.run(id, encode(keys));
    },
  };
}

/** Band keys are band × 2³² + the band's hash: the row keeps the hashes, in band order. */
function encode(keys: readonly number[]): Uint8Array {
  return new Uint8Array(Uint32Array.from(keys, (key) => key % 0x100000000).buffer);
}

function keysOf(blob: Uint8Array): number[] {
  const hashes = new Uint32Array(new Uint8Array(blob).buffer, 0, BANDS);
  return Array.from(hashes, (h, band) => band * 0x100000000 + h);
}

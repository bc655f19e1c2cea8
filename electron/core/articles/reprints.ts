import type { Database } from 'better-sqlite3';
import type { ArticleMetaRow } from '../../shared/article';
import type { Reprint } from '../../shared/types';
import { bandIndex } from './band-index';
import { compare, exactContainment, type MinHash } from './minhash';

/**
 * How much of the shorter of two texts the longer must hold for them to be one text reprinted:
 * on the BBC corpus, copies with a word changed, paragraphs joined or the end cut off reach
 * 0.98–1; stories rewritten as the news moved on (same event, new sentences) stay below 0.86.
 */
export const NEAR_IDENTICAL = 0.9;
/** Estimates above this (64 buckets err by about ±0.05) are checked against the texts themselves. */
const WORTH_CHECKING = 0.75;
/** Articles compared by signature per new article at most: a boilerplate text shared by thousands stays cheap. */
const MAX_CANDIDATES = 50;

/** The metadata that makes a text's second import a duplicate rather than a reprint. */
export type Identity = Pick<ArticleMetaRow, 'title' | 'outlet' | 'url' | 'published'>;

/**
 * Reprint grouping for the one writer of articles: finds a true re-import (same text, title,
 * outlet, URL and date), and groups a new article with its copies (same text hash, or a signature
 * near enough). Runs inside the writer's transaction; prepares its statements once.
 */
export function reprintGrouper(db: Database) {
  // By the text's hash alone, the rest compared here: given the metadata too, the planner took an
  // index on outlet that every article of one outlet shares, and scanned them all (30 ms an article).
  const sameImport = db.prepare('SELECT id, title, outlet, url, published FROM articles INDEXED BY articles_sha256 WHERE sha256 = ?');
  const sameText = db.prepare('SELECT id, reprint_group AS grp FROM articles WHERE sha256 = ? AND id <> ? LIMIT 20');
  const bands = bandIndex(db);
  const candidate = db.prepare('SELECT id, minhash, reprint_group AS grp FROM articles WHERE id = ?');
  const join = db.prepare(
    `UPDATE articles SET reprint_group = ? WHERE id IN (SELECT value FROM json_each(?))
       OR reprint_group IN (SELECT value FROM json_each(?))`,
  );
  const textOf = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  const near = (text: string, minhash: MinHash, other: { id: number; minhash: Uint8Array | null }): boolean =>
    other.minhash !== null &&
    compare(minhash.signature, other.minhash).containment >= WORTH_CHECKING &&
    exactContainment(text, textOf.get(other.id) as string) >= NEAR_IDENTICAL;
  const firstOther = db.prepare('SELECT id, title FROM articles WHERE reprint_group = ? AND id <> ? ORDER BY id LIMIT 1');

  return {
    /** The article this one would merely import again, if any. */
    duplicateOf(sha256: string, identity: Identity): { id: number; title: string } | undefined {
      const rows = sameImport.all(sha256) as Array<Identity & { id: number }>;
      const same = rows.find(
        (r) => r.title === identity.title && r.outlet === identity.outlet && r.url === identity.url && r.published === identity.published,
      );
      return same ? { id: same.id, title: same.title } : undefined;
    },
    /**
     * Groups article `id` (already written) with its copies and records its bands; returns the
     * earliest copy, or null when the text is new. An exact copy of an earlier article needs no
     * search by wording: its twin's group holds its near copies.
     */
    group(id: number, text: string, sha256: string, minhash: MinHash | null): { id: number; title: string } | null {
      type Copy = { id: number; grp: number | null };
      let copies = sameText.all(sha256, id) as Copy[];
      // (A library being migrated signs its articles in order: a later twin has no bands yet.)
      if (!copies.some((c) => c.id < id) && minhash) {
        const twins = copies;
        const candidates = bands
          .candidates(minhash.bands, MAX_CANDIDATES)
          .filter((other) => other !== id)
          .map((other) => candidate.get(other) as (Copy & { minhash: Uint8Array | null }) | undefined)
          .filter((c) => c !== undefined);
        copies = [...twins, ...candidates.filter((c) => near(text, minhash, c))];
      }
      if (minhash) bands.add(id, minhash.bands);
      if (copies.length === 0) return null;
      const groups = [...new Set(copies.map((c) => c.grp ?? c.id))];
      const group = Math.min(id, ...groups);
      const ungrouped = [id, ...copies.filter((c) => c.grp === null).map((c) => c.id)];
      join.run(group, JSON.stringify(ungrouped), JSON.stringify(groups.filter((g) => g !== group)));
      return firstOther.get(group, id) as { id: number; title: string };
    },
  };
}

/** The other articles of an article's reprint group ("also published as"), earliest date first. */
export function reprintsOf(db: Database, id: number): Reprint[] {
  return db
    .prepare(
      `SELECT o.id, o.title, o.outlet, o.published FROM articles a JOIN articles o ON o.reprint_group = a.reprint_group
       WHERE a.id = ? AND o.id <> a.id ORDER BY o.published IS NULL, o.published, o.id`,
    )
    .all(id) as Reprint[];
}

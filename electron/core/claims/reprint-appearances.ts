import type { Database } from 'better-sqlite3';
import type { Claim, RelatedItem } from '../../shared/claims';
import { findQuote } from '../anchoring/quote';
import { reprintsOf } from '../articles/reprints';

export interface Range {
  articleId: number;
  start: number;
  end: number;
}

export const overlapsAny = (list: readonly Range[], hit: Range): boolean =>
  list.some((a) => a.articleId === hit.articleId && a.start < hit.end && a.end > hit.start);

/**
 * A claim's appearances in the reprints of its articles: the same quote found again in each copy
 * (word for word, or nearly where the copy was edited), suggested first with the reprint as the
 * reason. Never in an article the claim already appears in, nor where the analyst rejected it.
 */
export function reprintAppearances(db: Database, claim: Claim, rejected: readonly Range[]): RelatedItem[] {
  const own = new Set(claim.appearances.map((a) => a.articleId));
  const textOf = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  const items: RelatedItem[] = [];
  const found: Range[] = [];
  for (const appearance of claim.appearances) {
    for (const reprint of reprintsOf(db, appearance.articleId)) {
      if (own.has(reprint.id)) continue;
      const text = textOf.get(reprint.id) as string;
      const match = findQuote(text, { exact: appearance.quote, start: appearance.start });
      if (!match) continue;
      const range = { articleId: reprint.id, start: match.start, end: match.end };
      if (overlapsAny(rejected, range) || overlapsAny(found, range)) continue;
      found.push(range);
      items.push({
        type: 'appearance',
        ...range,
        text: text.slice(match.start, match.end),
        claimId: null,
        relation: 'same',
        tier: 'strong',
        score: 1,
        reasons: [`reprint of “${appearance.articleTitle}”`, match.status === 'exact' ? 'same wording' : 'nearly the same wording'],
      });
    }
  }
  return items;
}

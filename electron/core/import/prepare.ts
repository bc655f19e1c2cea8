import { createHash } from 'node:crypto';
import { minHashOf, type MinHash } from '../articles/minhash';
import type { ParsedArticle } from '../model';
import { numberTokensOf } from '../search/numbers';
import { stemTokensOf } from '../text/stem';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * An article as the writer stores it, prepared where parsing runs (in parallel, off the single
 * writer): blocks as JSON (a string also crosses threads at half the cost of the objects), the
 * text's hash and its wording's signature (duplicates, reprints), and the number tokens and stems of title and text for search.
 */
export interface PreparedArticle extends Omit<ParsedArticle, 'blocks'> {
  blocks: string;
  sha256: string;
  numbers: string;
  /** The stemmed column of the search index (see stemTokensOf). */
  stems: string;
  /** The wording's signature, to group reprints; null for a text of a few words. */
  minhash: MinHash | null;
}

export function prepareArticle(article: ParsedArticle): PreparedArticle {
  return {
    ...article,
    blocks: JSON.stringify(article.blocks),
    sha256: sha256(article.text),
    numbers: numberTokensOf(article.title ?? '', article.text),
    stems: stemTokensOf(article.title ?? '', article.text),
    minhash: minHashOf(article.text),
  };
}

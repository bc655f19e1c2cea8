import { createHash } from 'node:crypto';
import type { ParsedArticle } from '../model';
import { numberTokensOf } from '../search/numbers';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * An article as the writer stores it, prepared where parsing runs (in parallel, off the single
 * writer): blocks as JSON (a string also crosses threads at half the cost of the objects), the
 * text's hash for duplicate detection, the number tokens of title and text for search.
 */
export interface PreparedArticle extends Omit<ParsedArticle, 'blocks'> {
  blocks: string;
  sha256: string;
  numbers: string;
}

export function prepareArticle(article: ParsedArticle): PreparedArticle {
  return {
    ...article,
    blocks: JSON.stringify(article.blocks),
    sha256: sha256(article.text),
    numbers: numberTokensOf(article.title ?? '', article.text),
  };
}

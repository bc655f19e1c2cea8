import { createHash } from 'node:crypto';
import type { ParsedArticle } from '../model';
import { numberTokensOf } from '../search/numbers';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What the writer needs of an article besides its fields: computed where parsing runs. */
export interface ArticleDigest {
  /** Duplicate detection: the hash of the normalised text. */
  sha256: string;
  /** Number tokens of the title and the text, for search. */
  numbers: string;
}

export function digestArticle(article: Pick<ParsedArticle, 'title' | 'text'>): ArticleDigest {
  return { sha256: sha256(article.text), numbers: numberTokensOf(article.title ?? '', article.text) };
}

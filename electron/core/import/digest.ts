import { createHash } from 'node:crypto';
import { numberTokensOf } from '../search/numbers';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What the writer needs of an article's text besides the text: computed where parsing runs. */
export interface TextDigest {
  /** Duplicate detection: the hash of the normalised text. */
  sha256: string;
  /** Number tokens of the text, for search. */
  numbers: string;
}

export function digestText(text: string): TextDigest {
  return { sha256: sha256(text), numbers: numberTokensOf(text) };
}

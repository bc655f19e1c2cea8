/**
 * Words as SQLite's FTS5 tokenizer (unicode61, remove_diacritics 2) sees them: runs of letters,
 * digits and private-use characters, folded to lowercase with Latin diacritics removed (café →
 * cafe; Cyrillic й and ё stay, as they do in the index). Search builds its stemmed column and
 * finds its hits with these, so what it highlights is what the index matched.
 */

export interface Token {
  start: number;
  end: number;
  /** The token as the index holds it. */
  folded: string;
}

// Combining diacritics (U+0300–U+036F) belong to the token they follow and are dropped by folding.
const TOKEN_RE = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\u0300-\u036f]*/gu;
const LATIN_WITH_MARKS = /([a-z\u00c0-\u024f\u1e00-\u1eff])[\u0300-\u036f]+/g;
const ASCII = /^[ -~]*$/;

/** The indexed form of one token. */
export function fold(token: string): string {
  const lower = token.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC');
}

/** Tokens of a text with their UTF-16 offsets. */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) tokens.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) });
  return tokens;
}

/** The tokens of a text as written (not folded), without offsets. */
export function rawTokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** The folded tokens of a text alone (what an FTS query term becomes). */
export function foldedTokens(text: string): string[] {
  return rawTokens(text).map(fold);
}

/** Whether a token holds a digit (numbers are searched through their own tokens, not stems). */
export function hasDigit(folded: string): boolean {
  return /\p{N}/u.test(folded);
}

import type { Quote } from './quotes';

/**
 * A sentence as attribution rules read it: words, punctuation, and each quotation folded into one
 * token, so that "…," Putin noted reads as QUOTE , Putin noted.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'punct' | 'quote';
  /** Index into the article's quotes, for quote tokens. */
  quote?: number;
}

const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’.-](?=[\p{L}\p{N}]))*\.?|[^\s\p{L}\p{N}]/gu;
const TITLE_DOT = /^(?:mr|mrs|ms|dr|prof|st|gen|sen|gov|rev|col|lt|capt|г-н|г-жа)\.$/iu;

export function tokenize(text: string, from: number, to: number, quotes: readonly Quote[]): Token[] {
  const tokens: Token[] = [];
  let position = from;
  const inside = quotes
    .map((quote, index) => ({ quote, index }))
    .filter(({ quote }) => quote.end > from && quote.start < to)
    .sort((a, b) => a.quote.start - b.quote.start);
  const plain = (a: number, b: number): void => {
    const slice = text.slice(a, b);
    for (const m of slice.matchAll(TOKEN_RE)) {
      let word = m[0];
      // A word's trailing period is punctuation, except in titles and initials ("Mr.", "В.").
      if (word.length > 1 && word.endsWith('.') && !TITLE_DOT.test(word) && !/^\p{Lu}\.$/u.test(word) && !/\p{L}\.\p{L}/u.test(word)) {
        word = word.slice(0, -1);
      }
      const start = a + m.index;
      const kind = /^[\p{L}\p{N}]/u.test(word) ? 'word' : 'punct';
      tokens.push({ text: word, start, end: start + word.length, kind });
      if (word.length < m[0].length) tokens.push({ text: '.', start: start + word.length, end: start + m[0].length, kind: 'punct' });
    }
  };
  for (const { quote, index } of inside) {
    if (quote.start > position) plain(position, Math.min(quote.start, to));
    tokens.push({ text: 'QUOTE', start: Math.max(quote.start, from), end: Math.min(quote.end, to), kind: 'quote', quote: index });
    position = Math.max(position, quote.end);
  }
  if (position < to) plain(position, to);
  return tokens;
}

export const isWord = (token: Token | undefined): token is Token => token?.kind === 'word';
export const isCapitalised = (token: Token | undefined): boolean => isWord(token) && /^\p{Lu}/u.test(token.text);
export const lower = (token: Token | undefined): string => (token ? token.text.toLowerCase().replaceAll('ё', 'е') : '');

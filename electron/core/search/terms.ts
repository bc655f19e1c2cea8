import { searchStem } from '../text/stem';
import { foldedTokens } from '../text/tokens';
import { findNumbers, mentionTokens } from './numbers';

/**
 * A search query as terms, every one of which must match. A plain word matches itself and its
 * inflections (the stemmed column); "a phrase" matches those words in that order, as written;
 * word* matches words that start so; a number matches its spellings (6.5 million = 6,500,000 =
 * 6,5 млн) through the number tokens, or the digits as written.
 */
export type Term =
  | { kind: 'word'; word: string; stem: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'number'; words: string[]; tokens: string[] };

const QUOTED = /"([^"]*)"?/gu;

/** The terms of a query, in the order typed; none when nothing searchable is left. */
export function parseQuery(input: string): Term[] {
  const terms: Term[] = [];
  // Phrases first, so that their words are taken as written (no stems, no number readings).
  let rest = input.replace(QUOTED, (_, inside: string) => {
    const words = foldedTokens(inside);
    if (words.length > 0) terms.push({ kind: 'phrase', words });
    return ' ';
  });
  const numbers = findNumbers(rest);
  for (const n of numbers) {
    const words = foldedTokens(rest.slice(n.start, n.end));
    terms.push({ kind: 'number', words, tokens: mentionTokens(n) });
  }
  for (const n of [...numbers].reverse()) rest = rest.slice(0, n.start) + ' ' + rest.slice(n.end);
  for (const chunk of rest.split(/\s+/u)) {
    const prefix = chunk.endsWith('*');
    const words = foldedTokens(chunk);
    if (words.length === 0) continue;
    // "pro-Kremlin", "Putin's": the tokens of one written word stay together, as a phrase.
    if (words.length > 1) terms.push({ kind: 'phrase', words });
    else if (prefix) terms.push({ kind: 'prefix', prefix: words[0]! });
    else terms.push({ kind: 'word', word: words[0]!, stem: searchStem(words[0]!) ?? words[0]! });
  }
  return terms;
}

/** Which columns of an index hold what: the words as written, their stems, the number tokens. */
export interface Layout {
  exact: readonly string[];
  stems: readonly string[];
  numbers: readonly string[];
  /**
   * The exact columns whose every stem the stemmed column holds (when it holds all of them): a
   * match on a word there implies a match on its stem, so counting needs only the stem.
   */
  stemmed?: readonly string[];
}

const quote = (words: readonly string[]): string => `"${words.join(' ').replaceAll('"', '""')}"`;
const columns = (names: readonly string[]): string => `{${names.join(' ')}}`;

function termMatch(term: Term, layout: Layout, counting: boolean): string {
  const exact = columns(layout.exact);
  const all = columns([...layout.exact, ...layout.stems]);
  switch (term.kind) {
    case 'word':
      if (counting && layout.stemmed && term.stem !== term.word) {
        // The same rows as below, found through one term where the others are not stemmed.
        const plain = layout.exact.filter((c) => !layout.stemmed!.includes(c));
        const stems = `${columns([...layout.exact, ...layout.stems])} : ${quote([term.stem])}`;
        return plain.length === 0 ? stems : `(${columns(plain)} : ${quote([term.word])} OR ${stems})`;
      }
      // The stem is also looked for among the exact words: a word that is its own stem is not
      // repeated in the stemmed column.
      return term.stem === term.word
        ? `${all} : ${quote([term.word])}`
        : `(${exact} : ${quote([term.word])} OR ${all} : ${quote([term.stem])})`;
    case 'prefix':
      return `${exact} : ${quote([term.prefix])}*`;
    case 'phrase':
      return `${exact} : ${quote(term.words)}`;
    case 'number': {
      const tokens = term.tokens.map((t) => quote([t])).join(' OR ');
      return `(${exact} : ${quote(term.words)} OR ${columns(layout.numbers)} : (${tokens}))`;
    }
  }
}

/**
 * The FTS5 MATCH expression for terms over a layout: all terms, each over its columns. The words'
 * exact forms are looked for apart from their stems, so that ranking puts them first; `counting`
 * leaves that out where the rows found are the same (see Layout.stemmed).
 */
export function ftsMatch(terms: readonly Term[], layout: Layout, counting = false): string | null {
  return terms.length === 0 ? null : terms.map((term) => termMatch(term, layout, counting)).join(' AND ');
}

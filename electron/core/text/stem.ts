import { createRequire } from 'node:module';
import type * as Snowball from 'snowball-stemmers';

type Stemmer = Snowball.Stemmer;
import { isStopword } from './stopwords';
import { fold, hasDigit, rawTokens } from './tokens';

/**
 * Snowball stemming for English and Russian, chosen per word by its script, so that mixed texts
 * (a Russian article quoting "NATO") need no language tag: "refugees" → "refuge", "беженцев" and
 * "беженцы" → "беженц". Lowercases and folds ё to е first. The search index (stemmed FTS) and
 * the claims matcher share this one function, so a query and a document always agree.
 */

// Loaded on first use: the package holds two dozen languages, and a parse worker that never
// stems (a REFI-QDA job, a file that fails) should not carry them.
let stemmers: { english: Stemmer; russian: Stemmer } | null = null;
function loadStemmers(): { english: Stemmer; russian: Stemmer } {
  if (!stemmers) {
    const { newStemmer } = createRequire(import.meta.url)('snowball-stemmers') as typeof Snowball;
    stemmers = { english: newStemmer('english'), russian: newStemmer('russian') };
  }
  return stemmers;
}
const CYRILLIC = /[\u0400-\u04ff]/u;
const LATIN = /[a-z]/;

// Stemming is pure and news vocabulary repeats: a bounded cache halves the cost on real text.
const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

/** The stem of one word (any case). Words in neither script come back lowercased. */
export function stem(word: string): string {
  const lower = word.toLowerCase().replaceAll('ё', 'е');
  const known = cache.get(lower);
  if (known !== undefined) return known;
  const result = CYRILLIC.test(lower)
    ? loadStemmers().russian.stem(lower)
    : LATIN.test(lower)
      ? loadStemmers().english.stem(lower.replaceAll('’', "'"))
      : lower;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, result);
  return result;
}

export interface Word {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** Words of a text with their UTF-16 offsets (letters first; digits inside a word are kept). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return words;
}

/** Whether a word carries meaning for matching: not a function word, not a single letter. */
export function isContentWord(word: string): boolean {
  const lower = word.toLowerCase().replaceAll('ё', 'е');
  return lower.length > 1 && !isStopword(lower);
}

/** Stems of a text's content words, in order (repeats kept). */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const { text: word } of wordsOf(text)) if (isContentWord(word)) stems.push(stem(word));
  return stems;
}

/** The text as space-separated stems of every word, for a stemmed full-text column. */
export function stemmedText(text: string): string {
  return wordsOf(text)
    .map((w) => stem(w.text))
    .join(' ');
}

// Indexed token → its stem in indexed form, or '' when stemming leaves it as it is.
const searchCache = new Map<string, string>();

/**
 * The stem search indexes for a token (already folded, see tokens.ts), or null when it equals the
 * token itself: the exact-form columns hold that one already, so the stemmed column leaves it out.
 */
export function searchStem(folded: string): string | null {
  let known = searchCache.get(folded);
  if (known === undefined) {
    known = folded.length < 2 || hasDigit(folded) ? '' : fold(stem(folded));
    if (known === folded) known = '';
    if (searchCache.size >= CACHE_LIMIT) searchCache.clear();
    searchCache.set(folded, known);
  }
  return known === '' ? null : known;
}

// Text in ASCII alone (most English news): its tokens are runs of letters and digits, and folding is lowercasing.
const ASCII_TEXT = /^[\p{ASCII}]*$/u;
const ASCII_TOKEN = /[a-z0-9]+/g;

/**
 * The stemmed column of the search index: each stem of the texts that differs from its word, once
 * ("refugees" → refuge, "беженцев" → беженц). Once is enough to match; how often the exact words
 * occur still ranks. Computed where articles are parsed, like number tokens: each distinct token is
 * folded and stemmed once (this runs on every imported text, so it skips tokensOf's offsets).
 */
export function stemTokensOf(...texts: string[]): string {
  const seen = new Set<string>();
  const stems = new Set<string>();
  const add = (folded: string): void => {
    if (seen.has(folded)) return;
    seen.add(folded);
    const found = searchStem(folded);
    if (found !== null) stems.add(found);
  };
  for (const text of texts) {
    if (ASCII_TEXT.test(text)) {
      for (const token of text.toLowerCase().match(ASCII_TOKEN) ?? []) add(token);
    } else {
      const raw = new Set(rawTokens(text));
      for (const token of raw) add(fold(token));
    }
  }
  return [...stems].join(' ');
}

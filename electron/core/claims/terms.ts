import { numberToken } from '../search/numbers';
import { splitSentences } from '../text/sentences';
import { isContentWord, stem, wordsOf } from '../text/stem';
import { nameKey } from '../text/translit';
import { countedConcept } from './counted';
import { parseFigures } from './figures';
import { NOT_NAMES } from './lexicon';

/**
 * What the sentence index holds for a sentence: the stems of its content words, a token for each
 * concept its words count ("zcrefugee" for refugees and беженцев alike), one for each name it
 * mentions ("zeputin" for Putin and Путина), and the value of each figure ("n6500000"). The
 * concept and name tokens are what let an English claim find a Russian sentence.
 */
export interface SentenceFigure {
  value: number;
  counted: string | null;
}

export interface AnalysedSentence {
  start: number;
  end: number;
  terms: string;
  figures: SentenceFigure[];
}

export const CONCEPT_PREFIX = 'zc';
export const NAME_PREFIX = 'ze';

/** Index terms of a text (a sentence or a claim's statement), each once. */
export function termsOf(text: string, figures = parseFigures(text)): string[] {
  const terms = new Set<string>();
  const words = wordsOf(text);
  for (const word of words) {
    if (isContentWord(word.text)) terms.add(stem(word.text));
    const concept = countedConcept(word.text);
    if (concept) terms.add(CONCEPT_PREFIX + concept.concept);
    // A capitalised content word may be a name (sentence-initial function words are not).
    if (/^\p{Lu}/u.test(word.text) && !NOT_NAMES.has(word.text) && isContentWord(word.text)) {
      const key = nameKey(word.text);
      if (key.length >= 3) terms.add(NAME_PREFIX + key);
    }
  }
  for (const figure of figures) terms.add(numberToken(figure.value));
  return [...terms];
}

/** The space-separated terms of a text, as the claims index stores them (marginalia_terms()). */
export function termsText(text: string): string {
  return termsOf(text).join(' ');
}

/** No real sentence is longer; text without sentence ends (a table, a word list) is indexed in pieces this long. */
const MAX_SENTENCE = 2000;
/**
 * The index covers an article's first million characters: news articles are far shorter, and a
 * huge text with no sentences (a data dump) must not make a parse worker run out of memory.
 */
export const INDEXED_CHARACTERS = 1_000_000;

/** A span cut at whitespace into pieces of at most MAX_SENTENCE characters. */
function pieces(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  while (end - start > MAX_SENTENCE) {
    const space = text.lastIndexOf(' ', start + MAX_SENTENCE);
    const cut = space > start ? space : start + MAX_SENTENCE;
    out.push({ start, end: cut });
    start = cut;
    while (start < end && /\s/.test(text.charAt(start))) start++;
  }
  if (end > start) out.push({ start, end });
  return out;
}

/** Every sentence of an article text with its index terms and figures. */
export function analyseSentences(text: string): AnalysedSentence[] {
  const indexed =
    text.length > INDEXED_CHARACTERS ? text.slice(0, text.lastIndexOf(' ', INDEXED_CHARACTERS) + 1 || INDEXED_CHARACTERS) : text;
  return splitSentences(indexed)
    .flatMap(({ start, end }) => pieces(indexed, start, end))
    .map(({ start, end }) => {
      const sentence = indexed.slice(start, end);
      const figures = parseFigures(sentence);
      return {
        start,
        end,
        terms: termsOf(sentence, figures).join(' '),
        figures: figures.map((f) => ({ value: f.value, counted: f.counted })),
      };
    });
}

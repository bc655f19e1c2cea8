import { isAscii } from './normalize';

/**
 * Cheap language guess: the dominant script decides non-Latin languages; Latin-script text is
 * scored by a handful of very common function words. Returns null when unsure.
 */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'was', 'for', 'with', 'said', 'it', 'on', 'he', 'as', 'by', 'have', 'are'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec', 'ce'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'ein', 'eine', 'zu', 'den', 'mit', 'sich', 'auf', 'für', 'von', 'dem', 'auch', 'es'],
  es: ['el', 'los', 'las', 'y', 'que', 'en', 'del', 'por', 'con', 'una', 'para', 'es', 'se', 'su', 'al', 'lo', 'como', 'más'],
  it: ['il', 'di', 'che', 'e', 'per', 'un', 'della', 'non', 'sono', 'gli', 'con', 'del', 'le', 'nel', 'alla', 'anche', 'è', 'ha'],
  pt: ['o', 'os', 'as', 'e', 'do', 'da', 'em', 'que', 'não', 'um', 'uma', 'para', 'com', 'dos', 'no', 'na', 'ao', 'mais'],
};
// Words are looked up by a number made of their letters' codes, 10 bits each (every letter the
// scan counts is below U+0250), so the scan never cuts a string out of the text. Function words
// have at most five letters: 50 bits, exact in a double.
const MAX_STOPWORD = 5;
const wordKey = (word: string): number => [...word].reduce((key, letter) => key * 1024 + letter.charCodeAt(0), 0);
// One lookup per word: word → the languages it is a function word of.
const STOPWORD_LANGS = new Map<number, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const word of words) STOPWORD_LANGS.set(wordKey(word), [...(STOPWORD_LANGS.get(wordKey(word)) ?? []), lang]);
}

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Latin}/u, 'latin'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Armenian}/u, 'hy'],
];

const SAMPLE = 2000;
const WORD_SAMPLE = 1200;

const THREE_LETTERS = /(?:[^a-z]*[a-z]){3}/i;

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE);
  // Most articles are plain ASCII: Latin script without counting (native scans, not a JS loop).
  const counts = isAscii(sample) ? new Map([['latin', THREE_LETTERS.test(sample) ? 3 : 0]]) : scriptCounts(sample);
  let script: string | null = null;
  let best = 0;
  for (const [name, n] of counts) if (n > best) [script, best] = [name, n];
  if (script === null || best < 3) return null;
  // Japanese mixes kana with many Han characters: any real share of kana means Japanese.
  if (script === 'zh' && (counts.get('ja') ?? 0) > best * 0.05) return 'ja';
  if (script === 'cyrillic') return /[іїєґ]/iu.test(sample) && !/[ыэъё]/iu.test(sample) ? 'uk' : 'ru';
  if (script !== 'latin') return script;
  return latinLanguage(sample);
}

/** Letters per script in the sample. */
function scriptCounts(sample: string): Map<string, number> {
  const counts = new Map<string, number>();
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    // Counters for the common scripts; the regex table only sees the rest.
    if (code < 0x250) {
      if (isLatinLetter(code)) latin++;
    } else if (code >= 0x400 && code < 0x530) {
      cyrillic++;
    } else if (code >= 0x2000 && code < 0x2c00) {
      // punctuation, symbols, arrows: no script
    } else {
      const ch = String.fromCharCode(code);
      for (const [re, script] of SCRIPTS) {
        if (re.test(ch)) {
          counts.set(script, (counts.get(script) ?? 0) + 1);
          break;
        }
      }
    }
  }
  counts.set('latin', latin);
  counts.set('cyrillic', cyrillic);
  return counts;
}

function latinLanguage(sample: string): string | null {
  const scores = new Map<string, number>();
  const text = sample.slice(0, WORD_SAMPLE).toLowerCase();
  let words = 0;
  let key = 0;
  let length = 0;
  // One pass over the letters; a word ends at the first other character (or the end).
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (isLowerLatinLetter(code)) {
      if (++length <= MAX_STOPWORD) key = key * 1024 + code;
      continue;
    }
    if (length > 0) {
      words++;
      const langs = length <= MAX_STOPWORD ? STOPWORD_LANGS.get(key) : undefined;
      if (langs) for (const lang of langs) scores.set(lang, (scores.get(lang) ?? 0) + 1);
    }
    key = 0;
    length = 0;
  }
  let lang: string | null = null;
  let best = 0;
  for (const [name, n] of scores) if (n > best) [lang, best] = [name, n];
  // Real prose has function words in roughly every fifth word; a list of names does not.
  return best >= 2 && best >= words * 0.05 ? lang : null;
}

/** A Latin letter of lower-cased text: what isLatinLetter counts, but A–Z. */
function isLowerLatinLetter(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return code >= 0xc0 && code < 0x250 && code !== 0xd7 && code !== 0xf7;
}

function isLatinLetter(code: number): boolean {
  // Setting bit 5 lowers A–Z and turns no other ASCII character into a–z.
  return isLowerLatinLetter(code < 0x80 ? code | 0x20 : code);
}

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
// One lookup per word: word → the languages it is a function word of.
const STOPWORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const word of words) STOPWORD_LANGS.set(word, [...(STOPWORD_LANGS.get(word) ?? []), lang]);
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

// Runs of anything but Latin letters as isLatinLetter counts them, lower case (the sample is
// lowered first): splitting on them gives the words in one native pass.
const NOT_LATIN_LETTERS = /[^a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+/;
const NON_ASCII = /[^\x00-\x7f]/;
const THREE_LETTERS = /(?:[^a-z]*[a-z]){3}/i;

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE);
  // Most articles are plain ASCII: Latin script without counting (native scans, not a JS loop).
  const counts = NON_ASCII.test(sample) ? scriptCounts(sample) : new Map([['latin', THREE_LETTERS.test(sample) ? 3 : 0]]);
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
  let words = 0;
  for (const word of sample.slice(0, WORD_SAMPLE).toLowerCase().split(NOT_LATIN_LETTERS)) {
    if (word === '') continue;
    words++;
    const langs = STOPWORD_LANGS.get(word);
    if (langs) for (const lang of langs) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  }
  let lang: string | null = null;
  let best = 0;
  for (const [name, n] of scores) if (n > best) [lang, best] = [name, n];
  // Real prose has function words in roughly every fifth word; a list of names does not.
  return best >= 2 && best >= words * 0.05 ? lang : null;
}

function isLatinLetter(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return code >= 0xc0 && code < 0x250 && code !== 0xd7 && code !== 0xf7;
}

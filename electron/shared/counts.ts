/**
 * Counts as the UI and the CLI print them: "1 article", "2,096 files", "0 passages". The words
 * are English, so are the plural rules and the digit grouping; one place to change for another
 * language.
 */
const LOCALE = 'en';
const numbers = new Intl.NumberFormat(LOCALE);
const rules = new Intl.PluralRules(LOCALE);

/** 20000 → "20,000" (one shared formatter: lists format counts while they scroll). */
export function formatCount(n: number): string {
  return numbers.format(n);
}

/** The number and the noun in its plural form: plural(1, 'file') → "1 file", plural(2096, 'file') → "2,096 files". */
export function plural(n: number, one: string, other = `${one}s`): string {
  return `${formatCount(n)} ${rules.select(n) === 'one' ? one : other}`;
}

const conjunctions = new Intl.ListFormat(LOCALE, { type: 'conjunction' });

/** ["outlet", "date", "place"] → "outlet, date, and place". */
export function listOfWords(words: readonly string[]): string {
  return conjunctions.format(words);
}

/**
 * Natural order for titles and tag names: "[1]" before "[2]" before "[10]", case and accents
 * aside. Lists sorted in JavaScript use the collator; lists SQLite sorts (and pages) use a key
 * stored beside the title, since SQLite through better-sqlite3 takes no custom collation.
 */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}

const COMBINING_MARKS = /\p{M}/gu;
const DIGIT_RUN = /\d+/g;
/** Longest digit run ordered by its length, which becomes one character from "1" to "@" (below any letter). */
const MAX_RUN = 0x40 - 0x30;

/**
 * A string whose plain (binary) order is natural order: accents and case folded away, and every
 * run of digits prefixed by its length (leading zeros dropped), so that 9 → "19" sorts before
 * 10 → "210". Two titles that differ only in case or accents get the same key; callers break ties.
 */
export function naturalKey(text: string): string {
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  return folded.replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return String.fromCharCode(0x30 + Math.min(digits.length, MAX_RUN)) + digits;
  });
}

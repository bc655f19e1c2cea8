/**
 * Number normalisation for search: "6.5 mln", "6.5 million", "6,500,000" and "6,5 млн" all
 * become the token "n6500000", so a statistic matches across outlets whatever its spelling.
 */

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3, thousands: 1e3, k: 1e3, 'тыс': 1e3, 'тысяч': 1e3, 'тысячи': 1e3, 'тысяча': 1e3,
  million: 1e6, millions: 1e6, mln: 1e6, mn: 1e6, m: 1e6, 'млн': 1e6, 'миллион': 1e6, 'миллиона': 1e6, 'миллионов': 1e6,
  billion: 1e9, billions: 1e9, bn: 1e9, bln: 1e9, b: 1e9, 'млрд': 1e9, 'миллиард': 1e9, 'миллиарда': 1e9, 'миллиардов': 1e9,
  trillion: 1e12, trillions: 1e12, tn: 1e12, trn: 1e12, 'трлн': 1e12,
};

// A number (with thousands separators or a decimal comma/point), then an optional multiplier word.
const NUMBER_RE =
  /(?<![\p{L}\p{N}])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?:\s?(thousands?|millions?|billions?|trillions?|mln|mn|bln|bn|trn|tn|тыс(?:яч[аи]?)?|млн|млрд|трлн|миллион(?:а|ов)?|миллиард(?:а|ов)?|[kmb])\.?)?(?![\p{L}\p{N}])/giu;

/** Parses the numeric part: "6,500,000" → 6500000, "6,5" → 6.5, "6.5" → 6.5, "1 300" → 1300. */
function parseNumeral(raw: string): number {
  if (/^\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?$/.test(raw)) return Number(raw.replace(/[,\u00a0\u202f ]/g, ''));
  return Number(raw.replace(',', '.'));
}

function canonical(value: number): string {
  if (Number.isSafeInteger(value)) return `n${value}`;
  // Round away binary noise (6.5 × 1e6 is exact, 1.3 × 1e6 is not).
  const rounded = Number(value.toPrecision(12));
  return 'n' + (Number.isInteger(rounded) ? rounded.toFixed(0) : String(rounded)).replace('.', 'p');
}

export interface NumberMention {
  value: number;
  start: number;
  end: number;
}

export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const numeral = m[1];
    if (numeral === undefined) continue;
    const word = m[2]?.toLowerCase();
    // A lone "m"/"b"/"k" counts only glued to the digits ("6.5m"), not "5 m" (metres).
    const gap = /^\s*/.exec(m[0].slice(numeral.length))?.[0].length ?? 0;
    const multiplier = word === undefined || (word.length === 1 && gap > 0) ? 1 : (MULTIPLIERS[word] ?? 1);
    const value = parseNumeral(numeral) * multiplier;
    if (Number.isFinite(value)) found.push({ value, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Space-separated number tokens for the FTS "numbers" column: each text's mentions, once each. */
export function numberTokensOf(...texts: string[]): string {
  const tokens = new Set<string>();
  for (const text of texts) for (const n of findNumbers(text)) tokens.add(canonical(n.value));
  return [...tokens].join(' ');
}

/** Joins token lists computed separately (an article's text in a worker, its title later). */
export function unionTokens(...lists: string[]): string {
  return [...new Set(lists.flatMap((list) => (list ? list.split(' ') : [])))].join(' ');
}

export function numberToken(value: number): string {
  return canonical(value);
}

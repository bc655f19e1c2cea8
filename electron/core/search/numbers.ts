import { readGluedM, unitAround } from './magnitude';

/**
 * Number normalisation for search: "6.5 mln", "6.5 million", "6,500,000" and "6,5 млн" all
 * become the token "n6500000", so a statistic matches across outlets whatever its spelling.
 */

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  thousands: 1e3,
  k: 1e3,
  тыс: 1e3,
  тысяч: 1e3,
  тысячи: 1e3,
  тысяча: 1e3,
  million: 1e6,
  millions: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  млн: 1e6,
  миллион: 1e6,
  миллиона: 1e6,
  миллионов: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  млрд: 1e9,
  миллиард: 1e9,
  миллиарда: 1e9,
  миллиардов: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  tn: 1e12,
  trn: 1e12,
  трлн: 1e12,
};

// A number with thousands separators (group 1) or a plain one with an optional decimal comma/point
// (group 2), the blank before a multiplier (3) and the multiplier word (4). It starts on a digit,
// so the engine skips to digits quickly; that no letter or digit comes just before it is checked
// by hand (a lookbehind at the start made every position of the text a try).
const NUMBER_RE =
  /(?:(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?)|(\d+(?:[.,]\d+)?))(?:(\s?)(thousands?|millions?|billions?|trillions?|mln|mn|bln|bn|trn|tn|тыс(?:яч[аи]?)?|млн|млрд|трлн|миллион(?:а|ов)?|миллиард(?:а|ов)?|[kmb])\.?)?(?![\p{L}\p{N}])/giu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** "6,500,000" → 6500000, "1 300" → 1300 (grouped); "6,5" → 6.5, "6.5" → 6.5 (plain). */
function parseNumeral(grouped: string | undefined, plain: string | undefined): number {
  if (grouped !== undefined) return Number(grouped.replace(/[,\u00a0\u202f ]/g, ''));
  return Number(plain === undefined ? NaN : plain.includes(',') ? plain.replace(',', '.') : plain);
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
  /** The multiplier word's factor ("6.5 million": 1e6, "850 тысяч": 1e3), 1 without one. */
  multiplier: number;
  /**
   * Another value the text leaves open: "6.5m" where nothing says money or metres is 6.5 million
   * (value) or 6.5 (alternative). Where the words around say metres, value is 6.5 and there is none.
   */
  alternative?: number;
  /** The unit the text states: usd, gbp, eur, jpy, rub, pct, m (metres); none for a plain count. */
  unit?: string;
}

export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  const re = new RegExp(NUMBER_RE);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && endsWord(text, m.index)) {
      // Inside a word or a longer number: try again from the next character.
      re.lastIndex = m.index + 1;
      continue;
    }
    const [, grouped, plain, gap, word] = m;
    const start = m.index;
    const end = start + m[0].length;
    const numeral = parseNumeral(grouped, plain);
    if (!Number.isFinite(numeral)) continue;
    // A lone "m"/"b"/"k" counts only glued to the digits ("6.5m"), not "5 m" (metres).
    let multiplier = word === undefined || (word.length === 1 && gap !== '') ? 1 : (MULTIPLIERS[word.toLowerCase()] ?? 1);
    const reading = multiplier !== 1 && (word === 'm' || word === 'M') ? readGluedM(text, start, end, grouped ?? plain ?? '') : 'million';
    if (reading === 'metres') multiplier = 1;
    const mention: NumberMention = { value: numeral * multiplier, start, end, multiplier };
    if (reading === 'either') mention.alternative = numeral;
    const unit = reading === 'metres' ? 'm' : unitAround(text, start, end);
    if (unit !== undefined) mention.unit = unit;
    found.push(mention);
  }
  return found;
}

/** Whether a letter or a digit ends just before `index` (ASCII by hand, the rest by the regex). */
function endsWord(text: string, index: number): boolean {
  const code = text.charCodeAt(index - 1);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_CHAR.test(precedingChar(text, index));
}

/** The character before `index`, whole when it is the second half of a surrogate pair. */
function precedingChar(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.charAt(index - 1);
}

/** Space-separated number tokens for the FTS "numbers" column: each text's mentions, once each. */
export function numberTokensOf(...texts: string[]): string {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const n of findNumbers(text)) for (const token of mentionTokens(n)) tokens.add(token);
  }
  return [...tokens].join(' ');
}

/** Joins token lists computed separately (an article's text in a worker, its title later). */
export function unionTokens(...lists: string[]): string {
  return [...new Set(lists.flatMap((list) => (list ? list.split(' ') : [])))].join(' ');
}

export function numberToken(value: number): string {
  return canonical(value);
}

/**
 * The tokens a mention is indexed under: its value (and the other reading it leaves open), and
 * the value with its unit ("n6500000gbp"; "n6500000q" for a plain count), so that a search ranks
 * the mentions whose unit agrees with its own first. An open reading states no unit.
 */
export function mentionTokens(mention: NumberMention): string[] {
  const value = canonical(mention.value);
  if (mention.alternative !== undefined) return [value, canonical(mention.alternative)];
  return [value, value + (mention.unit ?? 'q')];
}

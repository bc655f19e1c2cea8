import { findNumbers, type NumberMention } from '../search/numbers';
import { isContentWord, stem, wordsOf } from '../text/stem';
import { countedConcept } from './counted';

/**
 * Figures in a sentence: the normalised value (6.5 mln = 6.5 million = 6,500,000 = 6,5 млн), its
 * unit, what it counts (a concept shared across languages, or the counted word's stem), the
 * qualifier ("more than", "свыше") and whether it is hedged ("about", "an estimated"). Years,
 * days of the month and clock times are not figures. The number grammar is search's
 * (findNumbers), so search and claims read "6,5 млн" the same way.
 */

export type Qualifier = 'more than' | 'at least' | 'about' | 'almost' | 'up to' | 'less than' | 'between';

export interface Figure {
  value: number;
  /** Upper bound of a range ("5-10 million", "от 5 до 10"); value is the lower bound. */
  high: number | null;
  unit: string | null;
  /** Concept id or stem of what is counted ("refugee"), null when nothing says. */
  counted: string | null;
  /** The counted words as written ("refugees", "сирийских граждан"). */
  countedText: string | null;
  qualifier: Qualifier | null;
  hedged: boolean;
  start: number;
  end: number;
}

// Each phrase must end right before the number (after an optional currency sign).
const QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(?:more than|over|above|in excess of|upwards of|exceeding|just over|более чем|более|свыше|больше|превышает|сверх)\s*$/iu, 'more than'],
  [/(?:at least|no fewer than|no less than|не менее|не меньше|как минимум|по меньшей мере|минимум)\s*$/iu, 'at least'],
  [
    /(?:about|around|approximately|roughly|some|an estimated|estimated|circa|c\.|около|примерно|порядка|приблизительно|ориентировочно)\s*$/iu,
    'about',
  ],
  [/(?:almost|nearly|close to|just under|почти|едва не|чуть менее|чуть меньше|без малого)\s*$/iu, 'almost'],
  [/(?:up to|as many as|as much as|at most|no more than|до|не более|не больше|вплоть до)\s*$/iu, 'up to'],
  [/(?:less than|fewer than|under|below|менее|меньше|ниже)\s*$/iu, 'less than'],
];
const HEDGES =
  /\b(?:estimated|estimate|reportedly|believed|thought to|could|may|might|perhaps|possibly)\b|по оценкам|предположительно|возможно|якобы/iu;
const APPROXIMATE: ReadonlySet<Qualifier> = new Set(['about', 'almost', 'up to']);

const CURRENCY_BEFORE: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR', '₽': 'RUB', '¥': 'JPY' };
const PERCENT_AFTER = /^\s?(?:%|per ?cent\b|percent\b|процент(?:а|ов)?\b|проц\.|п\.\s?п\.|percentage points?\b)/iu;
const MONTHS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)/iu;
const YEAR_WORDS = /^\s*(?:г\.|гг\.|год|года|году|годом|годах|BC|AD|CE|BCE)(?![\p{L}])/u;

function qualifierBefore(before: string): Qualifier | null {
  for (const [pattern, qualifier] of QUALIFIERS) if (pattern.test(before)) return qualifier;
  return null;
}

/** A number that names a year, a day of a month or a time of day rather than a quantity. */
function isDateOrTime(text: string, n: NumberMention): boolean {
  if (n.multiplier !== 1) return false;
  const literal = text.slice(n.start, n.end);
  if (text.charAt(n.end) === ':' || text.charAt(n.start - 1) === ':') return true;
  if (/^\s?(?:GMT|BST|UTC|CET|EST|МСК|мск)\b/u.test(text.slice(n.end, n.end + 5))) return true;
  const prev = /(\S+)\s*$/u.exec(text.slice(Math.max(0, n.start - 20), n.start))?.[1] ?? '';
  const next = /^\s*(\S+)/u.exec(text.slice(n.end, n.end + 20))?.[1] ?? '';
  if (/^\d{1,2}$/.test(literal) && (MONTHS.test(prev.replace(/[,.]$/, '')) || MONTHS.test(next.replace(/[,.]$/, '')))) return true;
  if (/^\d{4}$/.test(literal) && n.value >= 1800 && n.value <= 2100) {
    // "in 2018" is a year; "2018 people" is a count.
    const following = wordsOf(text.slice(n.end, n.end + 40))[0];
    return YEAR_WORDS.test(text.slice(n.end)) || !following || countedConcept(following.text) === undefined;
  }
  return YEAR_WORDS.test(text.slice(n.end, n.end + 8)) && /^\d{4}$/.test(literal);
}

interface CountedGuess {
  counted: string | null;
  countedText: string | null;
  unit: string | null;
}

/** What a figure counts: a known counted noun within the next few words, else the next content word. */
function countedAfter(text: string, from: number, clauseEnd: number): CountedGuess {
  // A conversion in brackets comes between the figure and its noun: "$10bn (£5.3bn) claim".
  const bracket = /^\s?\([^)]{0,40}\)/u.exec(text.slice(from, from + 44));
  if (bracket) from += bracket[0].length;
  const words = wordsOf(text.slice(from, Math.min(clauseEnd, from + 80))).slice(0, 4);
  let first: { text: string; index: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.text;
    const known = countedConcept(word);
    if (known) {
      const shown = words
        .slice(0, i + 1)
        .map((w) => w.text)
        .filter((w) => isContentWord(w))
        .join(' ');
      return { counted: known.concept, countedText: shown || word, unit: known.unit };
    }
    const lower = word.toLowerCase();
    // "10% of voters": look past "of"; any other function word ends the noun phrase.
    if (lower === 'of' || lower === 'the') continue;
    if (!isContentWord(word)) break;
    first ??= { text: word, index: i };
  }
  if (first && first.index <= 1) return { counted: stem(first.text), countedText: first.text, unit: null };
  return { counted: null, countedText: null, unit: null };
}

/** For a figure with nothing after it ("inflation rose to 10%"): the clause's first content word. */
function countedBefore(text: string, clauseStart: number, at: number): CountedGuess {
  const word = wordsOf(text.slice(clauseStart, at)).find((w) => isContentWord(w.text));
  return word ? { counted: countedConcept(word.text)?.concept ?? stem(word.text), countedText: word.text, unit: null } : empty();
}

function empty(): CountedGuess {
  return { counted: null, countedText: null, unit: null };
}

function clauseBounds(text: string, at: number, end: number): [number, number] {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('—')) + 1;
  const rest = text.slice(end).search(/[,;:—.!?]\s|[;:—!?]$|\.$/u);
  return [start, rest < 0 ? text.length : end + rest];
}

// The same sentence is read several times (candidates, ranking, reprints): remember recent ones.
const recent = new Map<string, Figure[]>();
const RECENT_LIMIT = 5000;

/** Every figure in a text (usually one sentence); offsets are into `text`. Callers must not change the result. */
export function parseFigures(text: string): Figure[] {
  const known = recent.get(text);
  if (known) return known;
  const figures = readFigures(text);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(text, figures);
  return figures;
}

function readFigures(text: string): Figure[] {
  const mentions = findNumbers(text).filter((n) => !isDateOrTime(text, n));
  const figures: Figure[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const n = mentions[i]!;
    let start = n.start;
    let end = n.end;
    let value = n.value;
    let high: number | null = null;
    let qualifier: Qualifier | null = null;
    // A range: "5-10 million", "5 to 10", "between 5 and 10", "от 5 до 10".
    const next = mentions[i + 1];
    const joiner = next ? text.slice(n.end, next.start) : '';
    const lead = text.slice(Math.max(0, n.start - 12), n.start);
    if (
      next &&
      (/^\s?[-–—]\s?$|^\s(?:to|до)\s$/u.test(joiner) || (/^\s(?:and|и)\s$/u.test(joiner) && /(?:between|между|от)\s$/iu.test(lead)))
    ) {
      high = next.value;
      // The multiplier written once covers both ends: "5-10 million" is 5 million to 10 million.
      if (n.multiplier === 1) value = n.value * next.multiplier;
      end = next.end;
      qualifier = 'between';
      i++;
    }
    const currency = CURRENCY_BEFORE[text.charAt(start - 1)];
    if (currency) start -= 1;
    const before = text.slice(Math.max(0, start - 30), start);
    qualifier ??= qualifierBefore(before);
    let unit: string | null = currency ?? null;
    const percent = PERCENT_AFTER.exec(text.slice(end, end + 24));
    if (percent) {
      unit = /points?/.test(percent[0]) || /п\.\s?п/.test(percent[0]) ? 'percentage points' : '%';
      end += percent[0].length;
    }
    const [clauseStart, clauseEnd] = clauseBounds(text, start, end);
    let guess = countedAfter(text, end, clauseEnd);
    // "5000m", "100m champion": a glued m is metres, not millions, unless money or a counted thing follows.
    if (/\d[mM]$/u.test(text.slice(n.start, n.end)) && !currency && !countedConcept(guess.countedText?.split(' ').at(-1) ?? '')) {
      continue;
    }
    if (guess.unit && !unit) unit = guess.unit;
    if (guess.counted === null && unit === '%') guess = countedBefore(text, clauseStart, start);
    figures.push({
      value,
      high,
      unit,
      counted: guess.counted,
      countedText: guess.countedText,
      qualifier,
      hedged: (qualifier !== null && APPROXIMATE.has(qualifier)) || HEDGES.test(text.slice(clauseStart, clauseEnd)),
      start,
      end,
    });
  }
  return figures;
}

/** How a figure reads in a reason ("6.5 million", "850,000", "10%"). */
export function describeValue(figure: Pick<Figure, 'value' | 'high' | 'unit'>): string {
  const one = (v: number): string => {
    const abs = Math.abs(v);
    if (abs >= 1e9 && abs % 1e7 === 0) return `${Number((v / 1e9).toPrecision(6))} billion`;
    if (abs >= 1e6 && abs % 1e4 === 0) return `${Number((v / 1e6).toPrecision(6))} million`;
    return Number(v.toPrecision(12)).toLocaleString('en-GB');
  };
  const range = figure.high === null ? one(figure.value) : `${one(figure.value)}–${one(figure.high)}`;
  if (figure.unit === '%') return `${range}%`;
  const currency: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', RUB: '₽', JPY: '¥' };
  const sign = figure.unit ? currency[figure.unit] : undefined;
  return sign ? `${sign}${range}` : range;
}

/**
 * What a lone "m" glued to a number means: million ("£6.5m", "6.5m people") or metres ("a leap of
 * 6.50m", "the 100m final"). News writes both the same way; the words around tell them apart
 * where they say anything, and "either" is kept where they do not, so neither reading is lost.
 */
export type GluedM = 'million' | 'metres' | 'either';

const CURRENCY = /(?:[$£€¥₽]|\b(?:USD|GBP|EUR|RUB|Rs\.?)\s?)$/u;
// Right after the number: what a count of millions is of.
const COUNTED_AFTER =
  /^\s?(?:people|persons|viewers|users|customers|subscribers|shares|barrels|tonnes|tons|votes|voters|copies|passengers|visitors|homes|households|jobs|workers|refugees|children|residents|listeners|readers|members|units|cars|phones|doses|cases|deaths|tickets|fans|euros|dollars|pounds|roubles|rubles|yen|a year|deal|fee|contract|loss|profit|bid|move|transfer|takeover|budget|package|fund|bonus|salary|settlement|fine|investment)\b/iu;
// In the same sentence: athletics and swimming, which measure in metres.
const SPORT_LENGTH =
  /\b(?:jump(?:s|ed|ing|er)?|leap(?:s|t|ed)?|throw(?:s|n)?|threw|vault(?:ed|er)?|hurdles?|sprint(?:s|er|ers)?|relay|heats?|metres?|meters?|clear(?:s|ed|ance)|heptathl\w*|pentathl\w*|decathl\w*|athlet\w*|shot put|discus|javelin|freestyle|breaststroke|backstroke|butterfly|medley|swim\w*)\b/iu;
const MONEY =
  /\b(?:worth|fee|deal|profits?|loss(?:es)?|sales|revenues?|budget|costs?|price|fund(?:ing)?|invest(?:ment)?|paid|pay|spent|spend|raised?|loan|debt|bid|offer|contract|salary|bonus|turnover|earnings|income|takeover|valued|sold|bought|fine|tax|euros?|dollars?|pounds?|roubles?|cash|billion|million)\b/iu;
// Words that speak of a length but also of other things ("a long-term deal"): weaker than money.
const LENGTH = /\b(?:tall|height|high|long|deep|depth|wide|width|altitude|distance)\b/iu;

/** The sentence around [start, end): from the previous sentence end to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 160), start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const after = text.slice(end, end + 160);
  const stop = after.search(/\.\s|\n/u);
  return before.slice(cut + 1) + ' ' + (stop < 0 ? after : after.slice(0, stop));
}

/** Reads "<numeral>m" at text[start, end) (the numeral is `numeral`, as written). */
export function readGluedM(text: string, start: number, end: number, numeral: string): GluedM {
  if (CURRENCY.test(text.slice(Math.max(0, start - 5), start))) return 'million';
  if (COUNTED_AFTER.test(text.slice(end, end + 24))) return 'million';
  const sentence = sentenceAround(text, start, end);
  if (SPORT_LENGTH.test(sentence)) return 'metres';
  if (MONEY.test(sentence)) return 'million';
  // Lengths are given to the centimetre; millions are rounded to one decimal or none.
  if (/[.,]\d\d$/.test(numeral) || LENGTH.test(sentence)) return 'metres';
  return 'either';
}

const CURRENCY_SIGN: Record<string, string> = { $: 'usd', '£': 'gbp', '€': 'eur', '¥': 'jpy', '₽': 'rub' };
const CODE_BEFORE = /\b(USD|GBP|EUR|RUB|JPY)\s?$/u;
const UNIT_AFTER: Array<[RegExp, string]> = [
  [/^\s?(?:%|per ?cent\b|percent\b|процент|проц\.)/iu, 'pct'],
  [/^\s?(?:dollars?\b|доллар|usd\b)/iu, 'usd'],
  [/^\s?(?:pounds?\b|фунт|gbp\b)/iu, 'gbp'],
  [/^\s?(?:euros?\b|евро\b|eur\b)/iu, 'eur'],
  [/^\s?(?:roubles?\b|rubles?\b|рубл|руб\.)/iu, 'rub'],
  [/^\s?(?:metres?\b|meters?\b|метр|м\.?(?![\p{L}]))/iu, 'm'],
];

/**
 * The unit a number mention states, as a short code (usd, gbp, eur, jpy, rub, pct, m), or
 * undefined for a plain count. A search for "£6.5m" then ranks pounds first, and a search for
 * "6,500,000" ranks counts (refugees, animals) before sums of money.
 */
export function unitAround(text: string, start: number, end: number): string | undefined {
  const sign = CURRENCY_SIGN[text.charAt(start - 1)];
  if (sign) return sign;
  const code = CODE_BEFORE.exec(text.slice(Math.max(0, start - 5), start));
  if (code) return code[1]!.toLowerCase();
  const after = text.slice(end, end + 16);
  for (const [pattern, unit] of UNIT_AFTER) if (pattern.test(after)) return unit;
  return undefined;
}

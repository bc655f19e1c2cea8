import { isCyrillic, stem } from './stem';

/**
 * Names across scripts: "Путина" and "Putin", "Асадом" and "Assad" get comparable keys. A key is
 * the word's stem (which takes off Russian case endings), transliterated to Latin and reduced to
 * a skeleton that ignores the spelling choices transliteration schemes disagree on (doubled
 * letters, y/i/j, kh/h, w/v, ph/f, c/k). Places and bodies whose names translate rather than
 * transliterate (Россия / Russia, ООН / UN) come from a short table of exonyms.
 *
 * The letter table is our own (Russian, Ukrainian and Belarusian letters, in the BGN/PCGN style
 * the wires use): a general transliteration package costs every parse worker about 6 MB of heap
 * for scripts names here never need.
 */
const LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'w',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const EXONYMS: Record<string, string> = {
  росс: 'russia',
  российск: 'russia',
  russian: 'russia',
  russia: 'russia',
  сша: 'usa',
  америк: 'usa',
  американск: 'usa',
  us: 'usa',
  usa: 'usa',
  america: 'usa',
  american: 'usa',
  оон: 'un',
  un: 'un',
  нато: 'nato',
  nato: 'nato',
  ес: 'eu',
  евросоюз: 'eu',
  eu: 'eu',
  европ: 'europe',
  европейск: 'europe',
  europ: 'europe',
  european: 'europe',
  турц: 'turkey',
  турецк: 'turkey',
  turkey: 'turkey',
  turkish: 'turkey',
  герман: 'germany',
  немецк: 'germany',
  germani: 'germany',
  german: 'germany',
  великобритан: 'uk',
  британск: 'uk',
  uk: 'uk',
  britain: 'uk',
  british: 'uk',
  китай: 'china',
  кита: 'china',
  китайск: 'china',
  china: 'china',
  chines: 'china',
  украин: 'ukraine',
  украинск: 'ukraine',
  ukrain: 'ukraine',
  ukrainian: 'ukraine',
  франц: 'france',
  французск: 'france',
  franc: 'france',
  french: 'france',
  сир: 'syria',
  сирийск: 'syria',
  syria: 'syria',
  syrian: 'syria',
  израил: 'israel',
  израильск: 'israel',
  israel: 'israel',
  isra: 'israel',
  israeli: 'israel',
  япон: 'japan',
  японск: 'japan',
  japan: 'japan',
  japanes: 'japan',
};

/** Cyrillic to Latin (ASCII), word by word; other text passes through. */
export function toLatin(text: string): string {
  if (!isCyrillic(text)) return text;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = LETTERS[lower];
    if (latin === undefined) out += ch;
    else out += ch === lower || latin === '' ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

function skeleton(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/c(?!h)/g, 'k')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** A comparable key for one name word ("Путина" → "putin", "Assad" → "asad"). */
export function nameKey(word: string): string {
  const stemmed = stem(word.replace(/^(?:al|el|ad|ash|as)-/i, ''));
  const exonym = EXONYMS[stemmed];
  if (exonym) return exonym;
  return skeleton(toLatin(stemmed));
}

/**
 * Whether two name keys name the same thing: equal, or one a prefix of the other covering most of
 * it (stems and inflections leave endings behind: "siriisk" for Сирийских, "sirian" for Syrian).
 */
export function sameName(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  return common >= 4 && common >= 0.6 * short.length && common >= short.length - 2;
}

/**
 * The nominative of a Russian body named in another case: "сообщили в координационном центре
 * мэрии" → "координационный центр мэрии", "в сообщении пресс-службы аэропорта" → "пресс-служба
 * аэропорта". Only the head noun phrase (its adjectives and the first noun) changes; the genitive
 * complements after it ("мэрии", "аэропорта") stay as written. Rules on endings, for the nouns
 * bodies are named by: no dictionary is loaded.
 */
export type RussianCase = 'prepositional' | 'genitive';

type Gender = 'm' | 'f' | 'n';

const CYRILLIC = /^[\u0400-\u04ff-]+$/u;
/** Adjective endings of each case (masculine or neuter; feminine). */
const ADJECTIVE: Record<RussianCase, RegExp> = {
  prepositional: /(?:ом|ем|ой|ей)$/u,
  genitive: /(?:ого|его|ой|ей)$/u,
};
/** Feminine nouns in -а/-я whose prepositional in -е looks masculine ("службе", "Госдуме"). */
const FEMININE_STEM =
  /(?:служб|палат|дум|прокуратур|групп|команд|школ|систем|газет|стран|миссии|больниц|компани|организаци|редакци|полици)$/u;
/** Adjectives stressed on the ending: "городской", not "городский". */
const STRESSED = /(?:городск|областн|краев|морск|окружн|миров|берегов|передов)$/u;

/** The noun's nominative and gender; `agreeing` is the gender its adjectives show, when they do. */
function noun(word: string, kase: RussianCase, agreeing: 'f' | 'mn' | null): { word: string; gender: Gender } {
  if (kase === 'genitive') {
    const rules: Array<[RegExp, string, Gender]> = [
      [/ии$/u, 'ия', 'f'],
      [/ения$/u, 'ение', 'n'],
      [/ства$/u, 'ство', 'n'],
      [/ы$/u, 'а', 'f'],
      [/([кгхжшщч])и$/u, '$1а', 'f'],
      [/ея$/u, 'ей', 'm'],
      [/я$/u, 'ь', 'm'],
      [/а$/u, '', 'm'],
    ];
    for (const [ending, replacement, gender] of rules) if (ending.test(word)) return { word: word.replace(ending, replacement), gender };
    return { word, gender: 'm' };
  }
  if (/ении$/u.test(word) && agreeing !== 'f') return { word: word.replace(/ии$/u, 'ие'), gender: 'n' };
  if (/ии$/u.test(word)) return { word: word.replace(/ии$/u, 'ия'), gender: 'f' };
  if (/стве$/u.test(word)) return { word: word.replace(/е$/u, 'о'), gender: 'n' };
  if (/ице$/u.test(word)) return { word: word.replace(/е$/u, 'а'), gender: 'f' };
  if (!/е$/u.test(word)) return { word, gender: 'm' };
  const stem = word.slice(0, -1);
  if (agreeing === 'f' || (agreeing === null && FEMININE_STEM.test(stem.toLowerCase()))) return { word: `${stem}а`, gender: 'f' };
  if (/ле$/u.test(word)) return { word: `${stem}ь`, gender: 'm' };
  return { word: stem, gender: 'm' };
}

function adjective(word: string, gender: Gender): string {
  const stem = word.replace(/(?:ого|его|ом|ем|ой|ей)$/u, '');
  const soft = /(?:его|ем|ей)$/u.test(word) && !/[жшщч]$/u.test(stem);
  if (gender === 'f') return stem + (soft ? 'яя' : 'ая');
  if (gender === 'n') return stem + (soft ? 'ее' : 'ое');
  if (soft) return `${stem}ий`;
  if (STRESSED.test(stem)) return `${stem}ой`;
  return stem + (/[кгхжшщч]$/u.test(stem) ? 'ий' : 'ый');
}

/** The words of a body's name in the nominative, read as `kase` (the words after "в", or after "в сообщении"). */
export function bodyNominative(words: readonly string[], kase: RussianCase): string[] {
  let head = 0;
  while (head < words.length - 1 && CYRILLIC.test(words[head]!) && ADJECTIVE[kase].test(words[head]!.toLowerCase())) head++;
  const headWord = words[head];
  if (headWord === undefined || !CYRILLIC.test(headWord) || /^[\u0410-\u042f\u0401]{2,}$/u.test(headWord)) return [...words];
  const first = words[0]!.toLowerCase();
  const agreeing = head === 0 ? null : /(?:ой|ей)$/u.test(first) ? 'f' : 'mn';
  const { word, gender } = noun(headWord, kase, agreeing);
  return [...words.slice(0, head).map((w) => adjective(w, gender)), word, ...words.slice(head + 1)];
}

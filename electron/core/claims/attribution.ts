import { EN_OBJECT_VERBS, EN_PARTICIPLES, EN_PHRASAL, EN_VERBS, RU_INTRO, RU_VERBS } from './lexicon';
import { type Mention, mentionAfter, mentionBefore, subjectAtStart } from './mentions';
import { bodyNominative } from '../text/russian-case';
import { isWord, lower, type Token } from './tokens';

/**
 * Reporting clauses in a sentence: a reporting verb with the speaker beside it ("Putin noted",
 * "said Mr Smith", "— отметил он"), "according to X" / "по словам X", and "X told reporters".
 * Works on tokens where each quotation is one token, so the rules see the clause around it.
 */
export interface Attribution {
  mention: Mention | null;
  /** The reporting verb as written; null for a speaker that only a colon joins to the quote. */
  verb: string | null;
  /** Token index of the verb (of "according"/"по" for introductions). */
  at: number;
  /** Token range the reporting clause covers (inclusive). */
  from: number;
  to: number;
  /** A participle ("adding") or a bare verb: the speaker is the clause's other attribution. */
  inherits: boolean;
  /** Grammatical gender the verb shows (Russian past tense), when it does. */
  gender: 'm' | 'f' | 'pl' | null;
}

// Words that make a following verb-looking word a noun ("the claims", "his reports") or not
// reporting speech ("is expected to", "as noted").
const NOUN_BEFORE = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'these',
  'those',
  'such',
  'of',
  'as',
  'be',
  'been',
  'over',
  'about',
]);
const NOT_SPEECH_AFTER = new Set(['to', 'by', 'for', 'of', 'up', 'off', 'out']);
const NAMING = new Set([
  'called',
  'calls',
  'branded',
  'brands',
  'dubbed',
  'labelled',
  'labeled',
  'назвал',
  'назвала',
  'назвали',
  'называет',
]);
const RU_DOCUMENTS = /^(?:сообщени|заявлени|документ|пресс-релиз|доклад|письм|отчет|отчёт|обращени)/u;
const CLAUSE_OPENERS = new Set([',', ';', ':', '—', '–', '-', '(', 'and', 'but', 'while', 'before', 'after', 'by', 'also', 'even']);

function russianGender(verb: string): 'm' | 'f' | 'pl' | null {
  if (/ла$/u.test(verb)) return 'f';
  if (/ли$/u.test(verb)) return 'pl';
  if (/л$/u.test(verb)) return 'm';
  return null;
}

/** "Graham Robb, spokesman for X, said the …": a name and its apposition end on the comma before the verb. */
function appositive(tokens: Token[], verb: number): boolean {
  if (tokens[verb - 1]?.text !== ',' || tokens[verb - 2]?.kind === 'quote') return false;
  const before = mentionBefore(tokens, verb);
  if (before?.kind !== 'name') return false;
  // The comma after the name opens the apposition: it is not the one right before the verb.
  const after = tokens.findIndex((t) => t.start >= before.end);
  return tokens[after]?.text === ',' && after < verb - 1;
}

/** Whether token i starts a reporting verb; returns the verb's last token index, or -1. */
function verbAt(tokens: Token[], i: number): number {
  const token = tokens[i];
  if (!isWord(token)) return -1;
  const word = lower(token);
  const two = `${word} ${lower(tokens[i + 1])}`;
  if (EN_PHRASAL.some((re) => re.test(two))) return i + 1;
  const four = `${two} ${lower(tokens[i + 2])} ${lower(tokens[i + 3])}`;
  if (EN_PHRASAL.some((re) => re.test(four))) return i + 3;
  if (RU_VERBS.has(word)) return i;
  // "the paper quoted Mr Chernin as saying": the one quoted speaks.
  if (word === 'quoted')
    return tokens.slice(i + 2, i + 7).some((t, n, next) => lower(t) === 'as' && lower(next[n + 1]) === 'saying') ? i : -1;
  // "called the sale "the swindle of the century"": a naming verb reports the words it quotes.
  if (NAMING.has(word)) return tokens.slice(i + 1, i + 6).some((t) => t.kind === 'quote') ? i : -1;
  if (!EN_VERBS.has(word) && !EN_PARTICIPLES.has(word)) return -1;
  // "the North East Says No campaign": a capitalised word inside a sentence is part of a name.
  if (i > 0 && /^\p{Lu}/u.test(token.text) && tokens[i - 1]!.kind === 'word') return -1;
  // "she said reports that …": after a reporting verb, a verb-looking word is its object.
  if (EN_VERBS.has(lower(tokens[i - 1]))) return -1;
  // A participle opens a clause after a comma or a conjunction (", adding that"); after a noun it is
  // one ("a profit warning following …").
  if (!EN_VERBS.has(word) && i > 0 && tokens[i - 1]!.kind !== 'quote' && !CLAUSE_OPENERS.has(lower(tokens[i - 1]))) return -1;
  if (NOUN_BEFORE.has(lower(tokens[i - 1])) || /['’]s$/u.test(tokens[i - 1]?.text ?? '')) return -1;
  if (NOT_SPEECH_AFTER.has(lower(tokens[i + 1])) && !/^(?:told|tells|said|says)$/.test(word)) return -1;
  return i;
}

/** Where a noun phrase after an introduction ends: the next comma, or the sentence's end. */
function phraseEnd(tokens: Token[], from: number): number {
  let end = from;
  while (end + 1 < tokens.length && tokens[end + 1]!.text !== ',' && tokens[end + 1]!.kind !== 'quote' && tokens[end + 1]!.text !== '.')
    end++;
  return end;
}

function introduction(tokens: Token[], at: number, length: number, verb: string): Attribution | null {
  const end = phraseEnd(tokens, at + length - 1);
  if (end < at + length) return null;
  const mention = mentionAfter(tokens, at + length - 1) ?? mentionBefore(tokens, end + 1);
  if (!mention) return null;
  return { mention, verb, at, from: at, to: end, inherits: false, gender: null };
}

/** "According to X" and the Russian introductions ("по словам X", "как заявил X"). */
function introductions(tokens: Token[]): Attribution[] {
  const found: Attribution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (lower(tokens[i]) === 'according' && lower(tokens[i + 1]) === 'to') {
      const attribution = introduction(tokens, i, 2, 'according to');
      if (attribution) found.push(attribution);
      continue;
    }
    if (i > 0 && tokens[i - 1]!.text !== ',' && tokens[i - 1]!.kind !== 'quote') continue;
    const two = `${lower(tokens[i])} ${lower(tokens[i + 1])} `;
    if (RU_INTRO.test(two)) {
      const verb = two.trim();
      const attribution = introduction(tokens, i, 2, verb);
      if (attribution) found.push({ ...attribution, gender: russianGender(lower(tokens[i + 1])) });
    }
  }
  return found;
}

/** Every reporting clause of a sentence, in order. */
export function attributionsIn(tokens: Token[]): Attribution[] {
  const found = introductions(tokens);
  const covered = (i: number): boolean => found.some((a) => i >= a.from && i <= a.to);
  for (let i = 0; i < tokens.length; i++) {
    if (covered(i)) continue;
    const last = verbAt(tokens, i);
    if (last < 0) continue;
    const verb = tokens
      .slice(i, last + 1)
      .map((t) => t.text)
      .join(' ');
    const word = lower(tokens[i]);
    const russian = RU_VERBS.has(word);
    const previous = tokens[i - 1];
    // After a quote, a comma or a dash the speaker follows the verb: `"…," said Mr Smith`, `— отметил он`.
    const inverted = !previous || previous.kind === 'quote' || previous.text === ',' || previous.text === '—' || previous.text === '–';
    const participle = EN_PARTICIPLES.has(word);
    // "X told Y": the one told follows, the speaker never does. A participle has no speaker of its own.
    const transitive = word === 'told' || word === 'tells' || word === 'tell' || EN_OBJECT_VERBS.has(word);
    const quoted = word === 'quoted';
    // A participle opening onto the sentence's subject: "Gordon Brown has issued a cry, telling supporters …".
    let mention = participle
      ? found.some((a) => a.mention && a.at < i)
        ? null
        : subjectAtStart(tokens, i)
      : quoted
        ? mentionAfter(tokens, last)
        : inverted && !transitive && !appositive(tokens, i)
          ? (mentionAfter(tokens, last) ?? mentionBefore(tokens, i))
          : (mentionBefore(tokens, i) ?? (transitive ? null : mentionAfter(tokens, last)));
    if (!mention && !participle) {
      // Russian impersonal: "сообщили в координационном центре", "говорится в сообщении пресс-службы"
      // (the body a document is from speaks).
      const place = lower(tokens[last + 1]);
      if (russian && (place === 'в' || place === 'во') && (russianGender(word) === 'pl' || word === 'говорится')) {
        const end = phraseEnd(tokens, last + 2);
        let words = tokens.slice(last + 2, end + 1);
        // "в сообщении пресс-службы": the body after the document is in the genitive, else in the prepositional.
        const fromDocument = word === 'говорится' && words.length > 1 && RU_DOCUMENTS.test(lower(words[0]));
        if (fromDocument) words = words.slice(1);
        if (words.length > 0) {
          mention = {
            kind: 'description',
            text: bodyNominative(
              words.map((t) => t.text),
              fromDocument ? 'genitive' : 'prepositional',
            ).join(' '),
            name: null,
            roles: words.map((t) => lower(t)),
            head: lower(words.at(-1)),
            gender: 'pl',
            start: words[0]!.start,
            end: words.at(-1)!.end,
          };
        }
      }
      if (!mention) continue;
    }
    const from = mention
      ? Math.min(
          i,
          tokens.findIndex((t) => t.start >= mention!.start),
        )
      : i;
    const to = mention
      ? Math.max(
          last,
          tokens.findLastIndex((t) => t.end <= mention!.end),
        )
      : last;
    found.push({ mention, verb, at: i, from, to, inherits: participle || !mention, gender: russian ? russianGender(word) : null });
    i = to;
  }
  return [...found, ...colonIntroductions(tokens, found)].sort((a, b) => a.at - b.at);
}

/** A sentence that opens with its speaker and a colon: "Режиссер постановки Евгений Писарев: «…»". */
function colonIntroductions(tokens: Token[], found: readonly Attribution[]): Attribution[] {
  const colon = tokens.findIndex((t, i) => t.text === ':' && tokens[i + 1]?.kind === 'quote');
  if (colon < 1 || found.some((a) => a.from <= colon)) return [];
  const mention = mentionBefore(tokens, colon);
  if (!mention || mention.kind === 'pronoun' || mention.start !== tokens[0]!.start) return [];
  return [{ mention, verb: null, at: colon, from: 0, to: colon, inherits: false, gender: null }];
}

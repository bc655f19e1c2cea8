import { EN_AUDIENCE, EN_BETWEEN, isPersonRole, isRoleWord, NOT_NAMES, PRONOUNS } from './lexicon';
import { isCapitalised, isWord, lower, type Token } from './tokens';

/**
 * Who a reporting verb is attributed to, read off the words beside it: a pronoun ("he added"), a
 * name with the roles written before it ("Russian President Vladimir Putin"), or a description
 * ("the Russian leader", "a spokesman for Mr Blair", "представитель центра").
 */
export interface Mention {
  kind: 'name' | 'pronoun' | 'description';
  /** The words as written ("Mr Abbas", "the Russian president"). */
  text: string;
  /** For names: the name without titles and roles ("Vladimir Putin", "Abbas"). */
  name: string | null;
  /** Role and nationality words written with it, lowercase ("russian", "president"). */
  roles: string[];
  /** The role word a description is built on ("president"; Russian puts it first: "представитель центра"). */
  head: string | null;
  gender: 'm' | 'f' | 'pl' | 'any' | 'n' | null;
  start: number;
  end: number;
}

const TITLES: Record<string, 'm' | 'f' | null> = {
  mr: 'm',
  'mr.': 'm',
  mrs: 'f',
  'mrs.': 'f',
  ms: 'f',
  'ms.': 'f',
  miss: 'f',
  dr: null,
  'dr.': null,
  prof: null,
  sir: 'm',
  lord: 'm',
  lady: 'f',
  dame: 'f',
  'г-н': 'm',
  'г-жа': 'f',
  cardinal: 'm',
  reverend: null,
  rev: null,
  archbishop: 'm',
  bishop: 'm',
  father: 'm',
  rabbi: 'm',
  sheikh: 'm',
  king: 'm',
  queen: 'f',
  prince: 'm',
  princess: 'f',
};
const CONNECTORS = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'du', 'le', 'la', 'di', 'dos', 'abu', 'ben']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'one', 'another', 'this', 'that', 'whose']);
const LINKS = new Set(['for', 'of', 'at', 'from', 'to', 'with']);
const AFFILIATIONS = new Set(['of', 'at', 'from']);
export const POST_NOMINAL = /^(?:QC|KC|MP|MEP|MSP|AM|OBE|CBE|MBE)$/u;
const DOCUMENTS = new Set(['statement', 'report', 'letter', 'email', 'e-mail', 'note', 'memo', 'release', 'filing']);

const isRole = (token: Token | undefined): boolean => isWord(token) && isRoleWord(token.text);
const isNameWord = (token: Token | undefined): boolean =>
  isCapitalised(token) || (isWord(token) && CONNECTORS.has(lower(token).replace(/-.*/, '')));

/** A capitalised word that can start or continue a name: not a weekday, a determiner, a pronoun. */
function nameLike(token: Token | undefined): boolean {
  return isNameWord(token) && !NOT_NAMES.has((token as Token).text);
}

function build(tokens: Token[], from: number, to: number, kind: Mention['kind']): Mention {
  const words = tokens.slice(from, to + 1);
  const first = words[0] as Token;
  const last = words.at(-1) as Token;
  const mention: Mention = {
    kind,
    text: words
      .map((w) => w.text)
      .join(' ')
      .replace(/ ([,.])/g, '$1'),
    name: null,
    roles: [],
    head: null,
    gender: null,
    start: first.start,
    end: last.end,
  };
  if (kind === 'pronoun') {
    mention.gender = PRONOUNS[lower(first)] ?? null;
    return mention;
  }
  // Split titles and roles off the name: "Russian President Vladimir Putin" → roles + "Vladimir Putin".
  let nameFrom = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] as Token;
    if (!nameLike(word) || isRole(word) || lower(word) in TITLES) break;
    nameFrom = i;
  }
  for (let i = 0; i < nameFrom; i++) {
    const word = lower(words[i]);
    if (word in TITLES) mention.gender = TITLES[word] ?? null;
    else if (isWord(words[i]) && !DETERMINERS.has(word) && !LINKS.has(word)) mention.roles.push(word);
  }
  const roleWords = mention.roles.filter((r) => isRoleWord(r));
  mention.head = (/[\u0400-\u04ff]/u.test(roleWords[0] ?? '') ? roleWords[0] : roleWords.at(-1)) ?? null;
  if (kind === 'name') {
    // Without a name after its roles it is a body named by role words ("Home Office"). A long
    // Cyrillic run carries the body before the person: "(Глава) МЧС Александр Куренков".
    let nameWords = nameFrom < words.length ? words.slice(nameFrom) : words;
    if (nameWords.length > 2 && nameWords.every((w) => /^[\u0400-\u04ff-]+$/u.test(w.text))) nameWords = nameWords.slice(-2);
    mention.name = nameWords
      .map((w) => w.text)
      .join(' ')
      .replace(/['’]s?$/u, '')
      .replace(/\s(?:QC|MP|MEP|MSP|AM|Jr|Sr|OBE|CBE|KC)$/u, '');
  }
  return mention;
}

/** The capitalised run ending at `end` (inclusive): its first index, or -1. */
function nameRunEndingAt(tokens: Token[], end: number): number {
  if (!nameLike(tokens[end]) && !(isCapitalised(tokens[end]) && isRole(tokens[end]))) return -1;
  let from = end;
  const inRun = (t: Token | undefined): boolean => nameLike(t) || (isCapitalised(t) && isRole(t));
  while (from > 0 && inRun(tokens[from - 1])) {
    from--;
    // A body's name joins its words with "and": "the Finance and Economy Ministry".
    if (from > 1 && isRole(tokens[end]) && /^(?:and|&)$/u.test(tokens[from - 1]!.text) && inRun(tokens[from - 2])) from--;
  }
  // Role and nationality words written before the name in lowercase ("foreign minister Jack Straw").
  while (from > 0 && isWord(tokens[from - 1]) && isRole(tokens[from - 1])) {
    from--;
    if (from > 0 && isWord(tokens[from - 1]) && !DETERMINERS.has(lower(tokens[from - 1])) && /^\p{Lu}/u.test(tokens[from - 1]!.text))
      from--;
  }
  // Russian puts complements between the role and the name: "Министр иностранных дел России Сергей
  // Лавров", "Эксперт агентства «Авиапорт» Олег Пантелеев" (a body's quoted name among them).
  for (let back = 1; back <= 4 && from - back >= 0; back++) {
    const word = tokens[from - back];
    if (word?.kind === 'quote') continue;
    if (!isWord(word) || !/^[\u0400-\u04ff-]+$/u.test(word.text)) break;
    if (isRole(word)) {
      from -= back;
      break;
    }
  }
  return from;
}

/** The speaker written just before index `verb`, reading leftwards past "also", "has"... */
export function mentionBefore(tokens: Token[], verb: number): Mention | null {
  let k = verb - 1;
  while (k >= 0 && isWord(tokens[k]) && EN_BETWEEN.has(lower(tokens[k]))) k--;
  // "Peter Ainsworth MP said": a post-nominal closes the name ("the Salford MP" stays a description).
  if (POST_NOMINAL.test(tokens[k]?.text ?? '') && nameLike(tokens[k - 1])) {
    const run = nameRunEndingAt(tokens, k - 1);
    if (run < k - 1 || !DETERMINERS.has(lower(tokens[run - 1]))) k--;
  }
  const token = tokens[k];
  if (!token) return null;
  if (isWord(token) && lower(token) in PRONOUNS) return build(tokens, k, k, 'pronoun');
  // A parenthesis between dashes: "Andrei Illarionov - then economic adviser to … - told".
  if (/^[-–—]$/u.test(token.text)) {
    let j = k - 1;
    while (j > 0 && k - j < 30 && !/^[-–—]$/u.test(tokens[j]!.text)) j--;
    return j > 0 && /^[-–—]$/u.test(tokens[j]!.text) ? mentionBefore(tokens, j) : null;
  }
  // A relative clause: "Beijing, which described …".
  if (/^(?:which|who)$/iu.test(token.text) && tokens[k - 1]?.text === ',') return mentionBefore(tokens, k - 1);
  // A second verb of the subject: "The Tory leader supports … and has said".
  if (/^(?:and|but|и|но)$/iu.test(token.text)) return subjectAtStart(tokens, k);
  // Apposition: "Jack Straw, the foreign secretary, said"; "the Archbishop of Cardiff, the Most Reverend Peter Smith, told".
  if (token.text === ',') {
    let j = k - 1;
    while (j > 0 && k - j < 10 && tokens[j]?.text !== ',') j--;
    const opening = tokens[j + 1];
    // "one dealer, who asked not to be named, told": the relative clause (commas and all: "the
    // Alliance, which includes the Society, Age Concern and Mencap, said") is no apposition.
    const relative = tokens.findLastIndex(
      (t, n) => n < k && n > k - 25 && t.text === ',' && /^(?:who|which)$/iu.test(tokens[n + 1]?.text ?? ''),
    );
    if (relative > 0 && !tokens.slice(relative + 2, k).some((t) => t.kind === 'quote')) j = relative;
    if (tokens[j]?.text === ',' && /^(?:who|which)$/iu.test(tokens[j + 1]?.text ?? '')) {
      const described = descriptionEndingAt(tokens, j - 1);
      return mentionBefore(tokens, j + 1) ?? (described === null ? null : build(tokens, described, j - 1, 'description'));
    }
    // "Carla Ferstman, legal director of …, said", "Andrew Pendleton, Christian Aid's head of Trade
    // Policy, said": a role among the apposition's first words describes the name before it.
    const roleAhead = tokens.slice(j + 1, Math.min(k, j + 5)).some((t) => isRole(t));
    if (tokens[j]?.text === ',' && roleAhead && !DETERMINERS.has(lower(opening)) && !isRole(opening)) {
      const named = mentionBefore(tokens, j);
      if (named?.kind === 'name') return named;
    }
    if (tokens[j]?.text === ',' && isWord(opening) && (DETERMINERS.has(lower(opening)) || isRole(opening))) {
      const inner = mentionBefore(tokens.slice(0, k), k);
      const linked = tokens.slice(j + 1, k).some((t) => t.start < (inner?.start ?? 0) && LINKS.has(lower(t)));
      const named = mentionBefore(tokens, j);
      // "Mike Eccleshall, the venue's Promotions Coordinator, said": a full name before the apposition
      // wins over capitalised words in it, unless those carry a title ("the Most Reverend Peter Smith").
      const fullName = named?.kind === 'name' && (named.name ?? '').includes(' ') && inner?.gender === null;
      if (inner?.kind === 'name' && inner.start >= opening.start && !linked && !fullName) return inner;
      if (named?.kind === 'name') {
        const described = build(tokens, j + 1, k - 1, 'description');
        return { ...named, roles: [...named.roles, ...described.roles] };
      }
    }
    // "Chairman of the committee Peter Ainsworth MP, said": the name right before the comma.
    const named = mentionBefore(tokens, k);
    return named?.kind === 'name' ? named : null;
  }
  let runStart = nameRunEndingAt(tokens, k);
  // "The MP for Sittingbourne and Sheppey": a description's place may join two names with "and".
  if (runStart > 1 && lower(tokens[runStart - 1]) === 'and' && nameLike(tokens[runStart - 2])) {
    const joined = nameRunEndingAt(tokens, runStart - 2);
    if (joined > 1 && LINKS.has(lower(tokens[joined - 1])) && isRole(tokens[joined - 2])) runStart = joined;
  }
  if (runStart >= 0) {
    // "a spokesman for Mr Blair": the description owns the name.
    const article = lower(tokens[runStart - 1]) === 'the' ? 1 : 0;
    const link = tokens[runStart - 1 - article];
    // …unless a name follows a role inside the run: "Chairman of the … Committee Peter Ainsworth".
    const roleInRun = tokens.slice(runStart, k + 1).findLastIndex((t) => isRole(t));
    const namedAfterRole = roleInRun >= 0 && runStart + roleInRun < k;
    if (!namedAfterRole && link && LINKS.has(lower(link)) && isRole(tokens[runStart - 2 - article])) {
      const described = descriptionEndingAt(tokens, runStart - 2 - article);
      if (described !== null) return build(tokens, described, k, 'description');
    }
    // "Nicolas Sarkozy of France said": a person's affiliation follows the name.
    if (link && AFFILIATIONS.has(lower(link)) && nameLike(tokens[runStart - 2 - article]) && !isRole(tokens[runStart - 2 - article])) {
      const personEnd = runStart - 2 - article;
      const personStart = nameRunEndingAt(tokens, personEnd);
      const person = personStart >= 0 ? build(tokens, personStart, personEnd, 'name') : null;
      if (person && (person.gender !== null || (person.name ?? '').includes(' '))) return person;
    }
    // A capitalised role alone ("Ministers said") is a description, not a name; so is a role
    // before a body's acronym ("Глава МИД").
    if (runStart === k && isRole(tokens[k])) return build(tokens, k, k, 'description');
    // An office written with capitals ("The Foreign Secretary") names no one by itself.
    if (k - runStart < 3 && isPersonRole(token.text) && lower(tokens[runStart - 1]) === 'the') {
      return build(tokens, runStart - 1, k, 'description');
    }
    const acronyms = tokens.slice(runStart, k + 1).filter((t) => !isRole(t));
    if (acronyms.length > 0 && acronyms.every((t) => /^[\u0410-\u042f\u0401]{2,}$/u.test(t.text)) && isRole(tokens[runStart])) {
      return build(tokens, runStart, k, 'description');
    }
    const mention = build(tokens, runStart, k, 'name');
    if (NOT_NAMES.has(tokens[k]!.text) && mention.roles.length === 0) return null;
    return mention;
  }
  const described = descriptionEndingAt(tokens, k);
  return described === null ? null : build(tokens, described, k, 'description');
}

/** The subject a sentence opens with ("The Tory leader", "Mr Howard"), if it has one before `limit`. */
export function subjectAtStart(tokens: Token[], limit: number): Mention | null {
  for (let end = 0; end < Math.min(limit, 6); end++) {
    const next = tokens[end + 1];
    if (nameLike(tokens[end]) && !nameLike(next) && !isRole(next)) {
      const start = nameRunEndingAt(tokens, end);
      // "Liberal Democrat peer Lord Greaves": capitalised words before the role belong to it.
      return start >= 0 && tokens.slice(0, start).every((t) => nameLike(t)) ? build(tokens, 0, end, 'name') : null;
    }
    if (isRole(tokens[end]) && !isRole(next) && !nameLike(next)) {
      const start = descriptionEndingAt(tokens, end);
      return start === 0 ? build(tokens, 0, end, 'description') : null;
    }
  }
  return null;
}

/** "the Russian president", "A spokesman", "представитель центра": index of its first word, or null. */
function descriptionEndingAt(tokens: Token[], end: number): number | null {
  // Russian puts the role first: "представитель центра", "глава МИД".
  let head = end;
  while (head >= 0 && end - head < 3 && !isRole(tokens[head])) head--;
  if (head < 0 || !isRole(tokens[head])) return null;
  if (head < end && !/[\u0400-\u04ff]/u.test(tokens[head]!.text)) return null;
  let from = head;
  while (from > 0 && isWord(tokens[from - 1]) && head - from < 4 && !DETERMINERS.has(lower(tokens[from - 1]))) {
    const word = tokens[from - 1] as Token;
    // A lowercase modifier right after a determiner belongs to the office: "the prime minister".
    const modifier = lower(tokens[from - 2]) === 'the' && lower(word) !== 'and';
    if (
      lower(word) in PRONOUNS ||
      (/^\p{Ll}/u.test(word.text) && !isRole(word) && !modifier && !/(?:ian|ish|ese|ic|al|ern|ан|ий|ый|ой|ский)$/u.test(word.text))
    )
      break;
    from--;
  }
  if (from > 0 && DETERMINERS.has(lower(tokens[from - 1]))) from--;
  return from;
}

/** The speaker written just after index `verb` ("said Mr Smith", "— отметил представитель центра"). */
export function mentionAfter(tokens: Token[], verb: number): Mention | null {
  let k = verb + 1;
  // Skip an audience or a recipient: "told reporters", "заявил журналистам".
  while (
    isWord(tokens[k]) &&
    (EN_AUDIENCE.has(lower(tokens[k])) || /(?:журналист|репортер|корреспондент)\p{L}*ам$/u.test(lower(tokens[k])))
  )
    k++;
  const token = tokens[k];
  if (!isWord(token)) return null;
  if (lower(token) in PRONOUNS) return build(tokens, k, k, 'pronoun');
  // "according to a statement from Mr Spitzer's office": the one it is from speaks.
  if (DOCUMENTS.has(lower(token)) && /^(?:from|by)$/u.test(lower(tokens[k + 1]))) return mentionAfter(tokens, k + 1);
  let end = k;
  const limit = Math.min(tokens.length - 1, k + 7);
  if (nameLike(token) || lower(token) in TITLES || isRole(token) || DETERMINERS.has(lower(token))) {
    while (
      end < limit &&
      isWord(tokens[end + 1]) &&
      !/^(?:on|in|at|during|after|before|when|while|as|в|на|во|после|перед|при|журналистам)$/iu.test(tokens[end + 1]!.text)
    )
      end++;
    // A name follows its roles ("President Vladimir Putin"); words ending on a role describe ("the Russian president").
    // A name's affiliation is not part of it: "Mark Longden of the … Association".
    let lastName = -1;
    let affiliation = end + 1;
    for (let j = k; j <= end; j++) {
      if (LINKS.has(lower(tokens[j])) && lastName >= 0) {
        affiliation = j;
        break;
      }
      if (nameLike(tokens[j]) && !isRole(tokens[j])) lastName = j;
    }
    // A role in the affiliation ("Junya Tanase of JPMorgan Chase bank") is not the speaker's.
    const lastRole = tokens.slice(k, affiliation).findLastIndex((w) => isRole(w)) + k;
    const kind = lastName > lastRole ? 'name' : 'description';
    if (kind === 'description' && lastRole < k) return null;
    end = kind === 'name' ? lastName : end;
    const mention = build(tokens, k, end, kind);
    // "said its chief executive, Sir Howard Newby": the name in apposition is the speaker.
    if (kind === 'description' && tokens[end + 1]?.text === ',' && (nameLike(tokens[end + 2]) || lower(tokens[end + 2]) in TITLES)) {
      let nameEnd = end + 2;
      while (nameEnd + 1 < tokens.length && nameLike(tokens[nameEnd + 1])) nameEnd++;
      const named = build(tokens, end + 2, nameEnd, 'name');
      if (named.name && /^(?:[,.;]|)$/u.test(tokens[nameEnd + 1]?.text ?? ''))
        return { ...named, roles: [...mention.roles, ...named.roles] };
    }
    return mention;
  }
  return null;
}

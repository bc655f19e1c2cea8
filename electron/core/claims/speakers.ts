import { nameKey, sameName } from '../text/translit';
import { isPersonRole, isRoleWord, roleGroups } from './lexicon';
import { stem } from '../text/stem';
import type { Mention } from './mentions';

/**
 * The people and bodies an article names, so that "Putin", "Mr Putin", "Путина", "he" and "the
 * Russian leader" all come back as "Vladimir Putin". Names are keyed by their last word
 * (transliterated, stemmed); a description resolves to the named entity whose roles fit it
 * (same role or a synonym, same nationality), most recent speaker first.
 */
export interface Entity {
  /** The fullest form seen ("Vladimir Putin"). */
  name: string;
  /** Whether that form was seen only in an oblique case ("по словам Путина"): shown in the nominative then. */
  oblique: boolean;
  key: string;
  roles: Set<string>;
  gender: 'm' | 'f' | 'pl' | 'any' | 'n' | null;
  /** Named after "the" ("the Czech Republic"): a thing, however it is named. */
  definite?: boolean;
  /** For a body named by a description ("представитель центра"): its head role, which must match. */
  head: string | null;
  /** Where it is first and last named (offsets). */
  first: number;
  last: number;
}

const RUSSIAN_GENITIVE: Array<[RegExp, string]> = [
  [/(ов|ев|ёв|ин|ын)а$/u, '$1'],
  [/(ов|ев|ин)ой$/u, '$1а'],
  [/(ск|цк)ого$/u, '$1ий'],
  [/(ск|цк)ой$/u, '$1ая'],
  [/ея$/u, 'ей'],
  [/ия$/u, 'ий'],
  [/([бвгджзклмнпрстфхцчшщ])а$/u, '$1'],
];

/** "Путина" → "Путин", "Владимира" → "Владимир": the nominative of a name seen only in another case. */
export function nominative(name: string): string {
  return name
    .split(' ')
    .map((word) => {
      if (!/^[\u0400-\u04ff-]+$/u.test(word) || !/^\p{Lu}/u.test(word)) return word;
      for (const [pattern, replacement] of RUSSIAN_GENITIVE) if (pattern.test(word)) return word.replace(pattern, replacement);
      return word;
    })
    .join(' ');
}

/** Every role that may stand for `role` (a role may belong to several groups: "глава"). */
function groupOf(role: string): ReadonlySet<string> {
  return new Set(
    roleGroups()
      .filter((group) => group.has(role))
      .flatMap((group) => [...group]),
  );
}

/** Words that make a role another office: the shadow chancellor is not the chancellor. */
const QUALIFIERS = new Set(['shadow', 'former', 'deputy', 'vice', 'ex', 'acting', 'junior', 'assistant', 'бывший', 'заместитель']);

function rolesFit(mention: Mention, entity: Entity): boolean {
  if (!mention.head) return false;
  const wanted = new Set(mention.roles.map((r) => r.toLowerCase()));
  for (const role of entity.roles) if (QUALIFIERS.has(role) && !wanted.has(role)) return false;
  for (const role of wanted) if (QUALIFIERS.has(role) && !entity.roles.has(role)) return false;
  const role = stem(mention.head);
  const adjectives = mention.roles.filter((w) => !isRoleWord(w) && /^\p{L}/u.test(w) && !/[\u0400-\u04ff]/u.test(w));
  const held = new Set([...entity.roles].map((r) => stem(r)));
  if (entity.head !== null && stem(entity.head) !== role && !groupOf(role).has(stem(entity.head))) return false;
  const roleFits = held.has(role) || [...groupOf(role)].some((r) => held.has(r));
  const adjectiveFits = adjectives.every((adj) => [...entity.roles].some((r) => sameName(nameKey(r), nameKey(adj))));
  return roleFits && adjectiveFits;
}

/** Where a name stands in its sentence: a pronoun takes up a subject sooner than an object, never an owner. */
export type MentionRole = 'subject' | 'object' | 'owner';

const ORG_ROLES = new Set(
  'company firm group board club bank union party government ministry department agency council organisation organization alliance coalition association society federation fellowship'
    .split(' ')
    .map((w) => stem(w)),
);

export class Speakers {
  private readonly entities: Entity[] = [];
  /** Every named mention, in text order, with the entity it names. */
  private readonly mentions: Array<{ at: number; entity: Entity; role: MentionRole }> = [];
  private lastSpeaker: Entity | null = null;
  private lastSpokeAt = -1;
  private readonly spoke = new Set<Entity>();

  private display(entity: Entity): string {
    return entity.oblique ? nominative(entity.name) : entity.name;
  }

  /** A person by title, gender or role, whether or not it spoke. */
  private isNamedPerson(entity: Entity): boolean {
    return (entity.gender !== null && entity.gender !== 'pl') || [...entity.roles].some((r) => isPersonRole(r));
  }

  /** The first person named in a range of the text (a sentence's subject comes first). */
  firstPersonIn(from: number, to: number): string | null {
    const found = this.mentions.find((m) => m.at >= from && m.at < to && this.isNamedPerson(m.entity));
    return found ? this.display(found.entity) : null;
  }

  private isPerson(entity: Entity): boolean {
    return (
      (entity.gender !== null && entity.gender !== 'pl') ||
      // One that spoke counts when it has a first name and a surname: "Iraq … announced" is no "he",
      // nor is "the Foreign Office".
      (this.spoke.has(entity) && entity.name.includes(' ') && !entity.definite && !isRoleWord(entity.name.split(' ').at(-1) as string)) ||
      [...entity.roles].some((r) => isPersonRole(r))
    );
  }

  /**
   * He or she: a person named earlier in this sentence (its subject comes first), else the first
   * person named in the previous sentence, else one named since the last speaker spoke, else the
   * last person who spoke.
   */
  private personBefore(at: number, sentenceStart: number, previousStart: number, gender: 'm' | 'f' | null): Entity | null {
    const fits = (e: Entity): boolean =>
      this.isPerson(e) && (gender === null || e.gender === null || e.gender === 'any' || e.gender === gender);
    // "the chancellor said …, he told activists": whoever this sentence already attributed to.
    if (this.lastSpeaker && this.lastSpokeAt >= sentenceStart && fits(this.lastSpeaker)) return this.lastSpeaker;
    // A pronoun takes up a subject: never one named after a preposition or as an owner ("by Lord
    // Dubs", "Mr Mallon's claim").
    const subject = (m: { entity: Entity; role: MentionRole }): boolean => m.role === 'subject' && fits(m.entity);
    const inSentence = this.mentions.find((m) => m.at >= sentenceStart && m.at < at && subject(m));
    if (inSentence) return inSentence.entity;
    // The one the previous sentence attributed to, before anyone it merely named.
    if (this.lastSpeaker && this.lastSpokeAt >= previousStart && fits(this.lastSpeaker)) return this.lastSpeaker;
    const previous = this.mentions.find((m) => m.at >= previousStart && m.at < sentenceStart && subject(m));
    if (previous) return previous.entity;
    // "But he then missed …" two sentences after Wilkinson was named: whoever was named since the last
    // speaker spoke is the topic.
    // …else the one named since, a subject before an object ("not enough for Mr Sarkozy"), never an owner.
    const named = this.mentions.filter((m) => m.at < at && m.at > this.lastSpokeAt && m.role !== 'owner' && fits(m.entity));
    const since = named.findLast((m) => m.role === 'subject') ?? named.at(-1);
    return since?.entity ?? [...this.spoke].reverse().find(fits) ?? null;
  }

  /** Records a named mention (from a first pass over the whole article). */
  observe(mention: Mention, oblique = false, role: MentionRole = 'subject', definite = false): void {
    if (mention.kind !== 'name' || !mention.name) return;
    const words = mention.name.split(' ');
    const key = nameKey(words.at(-1) as string);
    if (key.length < 2) return;
    const existing = this.entities.find((e) => sameName(e.key, key)) ?? this.knight(mention);
    if (existing) {
      this.mentions.push({ at: mention.start, entity: existing, role });
      const longer = words.length > existing.name.split(' ').length;
      if (longer || (existing.oblique && !oblique && words.length === existing.name.split(' ').length)) {
        existing.name = mention.name;
        existing.oblique = oblique;
      }
      for (const role of mention.roles) existing.roles.add(role);
      if (existing.gender === null || (existing.gender === 'any' && mention.gender !== null)) existing.gender = mention.gender;
      if (definite && mention.gender === null) existing.definite = true;
      existing.last = Math.max(existing.last, mention.start);
      existing.first = Math.min(existing.first, mention.start);
      return;
    }
    const entity: Entity = {
      name: mention.name,
      oblique,
      key,
      roles: new Set(mention.roles),
      gender: mention.gender,
      definite: definite && mention.gender === null,
      head: null,
      first: mention.start,
      last: mention.start,
    };
    this.entities.push(entity);
    this.mentions.push({ at: mention.start, entity, role });
  }

  private byName(mention: Mention): Entity | undefined {
    const last = (mention.name ?? mention.text).split(' ').at(-1) as string;
    const key = nameKey(last);
    return this.entities.find((e) => sameName(e.key, key)) ?? this.knight(mention);
  }

  /** "Sir Howard", "Dame Judi": a knight goes by title and first name, the person named in full before. */
  private knight(mention: Mention): Entity | undefined {
    if (!mention.name || mention.name.includes(' ') || !/^(?:sir|dame)\s/iu.test(mention.text)) return undefined;
    const key = nameKey(mention.name);
    return this.entities.find((e) => e.name.includes(' ') && sameName(nameKey(e.name.split(' ')[0] as string), key));
  }

  /** Who a mention names, as shown to the analyst; remembers the speaker for the next pronoun. */
  resolve(mention: Mention, verbGender: 'm' | 'f' | 'pl' | null, sentenceStart: number, previousStart: number): string | null {
    const entity = this.entityFor(mention, verbGender, sentenceStart, previousStart);
    if (entity) {
      this.lastSpeaker = entity;
      this.lastSpokeAt = mention.start;
      // Most recent speaker last.
      this.spoke.delete(entity);
      this.spoke.add(entity);
      return this.display(entity);
    }
    if (mention.kind === 'pronoun') return null;
    if (mention.kind === 'name') return nominative(mention.name ?? mention.text);
    // A body or person known only by description: later mentions with the same head role find it.
    const name = mention.text.replace(/^(?:the|a|an|one)\s+/i, '');
    const described: Entity = {
      name,
      oblique: false,
      key: `~${name.toLowerCase()}`,
      roles: new Set(mention.roles),
      gender: mention.gender,
      head: mention.head,
      first: mention.start,
      last: mention.start,
    };
    this.entities.push(described);
    this.lastSpeaker = described;
    this.lastSpokeAt = mention.start;
    this.spoke.add(described);
    return name;
  }

  private entityFor(mention: Mention, verbGender: 'm' | 'f' | 'pl' | null, sentenceStart: number, previousStart: number): Entity | null {
    if (mention.kind === 'name') return this.byName(mention) ?? null;
    if (mention.kind === 'pronoun') {
      if (mention.gender === 'n') return [...this.spoke].reverse().find((e) => !this.isNamedPerson(e)) ?? null;
      const gender = mention.gender === 'any' ? verbGender : mention.gender;
      if (gender === 'pl') return this.lastSpeaker?.gender === 'pl' ? this.lastSpeaker : null;
      return this.personBefore(mention.start, sentenceStart, previousStart, gender === 'm' || gender === 'f' ? gender : null);
    }
    // An indefinite description ("a spokesman said") introduces someone new.
    if (/^(?:a|an|one)\s/iu.test(mention.text)) return null;
    const head = mention.head ? stem(mention.head) : '';
    // "the company", "the board": the last body that spoke ("The National Union of Students" is one of its own).
    const proper = mention.text
      .split(' ')
      .slice(1)
      .some((w) => /^\p{Lu}/u.test(w));
    if (ORG_ROLES.has(head) && !proper) {
      const body = [...this.spoke].reverse().find((e) => !this.isNamedPerson(e));
      if (body) return body;
    }
    // "Mr Blair's spokesman" is someone other than Mr Blair.
    // …and, without a name of its own, a new speaker unless said before ("Mr Blair's spokesman added").
    if (/\p{Lu}[\p{L}-]*['’]s?\s/u.test(mention.text))
      return this.entities.findLast((e) => e.head !== null && e.name === mention.text) ?? null;
    const last = this.lastSpeaker;
    if (last && rolesFit(mention, last)) return last;
    const fitting = this.entities.filter((e) => rolesFit(mention, e));
    const before = fitting.filter((e) => e.first < mention.start).sort((a, b) => b.last - a.last)[0];
    if (before) return before;
    // Named only later ("According to the Russian president, …" before "President Vladimir Putin"):
    // only while nobody has spoken yet, so a later namesake never takes over a known speaker.
    if (!this.lastSpeaker) return fitting.sort((a, b) => a.first - b.first)[0] ?? null;
    if (!isPersonRole(mention.head ?? '')) return null;
    // "the Ofsted chief said" when nothing said what Mr Bell is: the person named last, in this
    // sentence or the one before ("… backed Michael Howard's stance. The Tory leader has said …"),
    // else the last speaker.
    const unranked = (e: Entity | null): e is Entity => !!e && this.isPerson(e) && ![...e.roles].some((r) => isRoleWord(r));
    const named = this.mentions.findLast((m) => m.at >= previousStart && m.at < mention.start && this.isPerson(m.entity));
    if (named) return unranked(named.entity) ? named.entity : null;
    return unranked(last) ? last : null;
  }

  /** The speaker the last attribution resolved to (quotes that continue without one). */
  get current(): string | null {
    return this.lastSpeaker ? this.display(this.lastSpeaker) : null;
  }
}

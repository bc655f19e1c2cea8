import { splitSentences, type Span } from '../text/sentences';
import { type Attribution, attributionsIn } from './attribution';
import { parseFigures } from './figures';
import { innerAttribution } from './inner-attribution';
import { isRoleWord } from './lexicon';
import { mentionBefore, POST_NOMINAL } from './mentions';
import { findQuotes, type Quote } from './quotes';
import { Speakers } from './speakers';
import { isWord, tokenize, type Token } from './tokens';

/**
 * Candidate claims in an article: direct quotations with their speaker and reporting verb,
 * reported speech ("X said that…", "according to X", "по словам X"), and sentences that carry a
 * figure. Speakers given as pronouns or descriptions resolve to the named person they stand for.
 * Offsets are UTF-16 code units into the article text.
 */
export type ClaimKind = 'statistic' | 'quote' | 'event' | 'other';

export interface Candidate {
  text: string;
  start: number;
  end: number;
  kind: ClaimKind;
  speaker: string | null;
  verb: string | null;
  quoted: boolean;
}

interface SentenceView extends Span {
  tokens: Token[];
  attributions: Attribution[];
  paragraph: number;
}

/**
 * A quotation of speech, not a scare quote ("a 100% effort", the "High Heeled Vote" campaign): it
 * follows a colon, or starts with a capital and either opens its sentence or ends on punctuation.
 */
function isDirect(text: string, quote: Quote): boolean {
  const before = text.slice(Math.max(0, quote.start - 3), quote.start);
  if (/[:—–]\s*$/u.test(before)) return true;
  const content = text.slice(quote.contentStart, quote.contentEnd).trimEnd();
  const capital = /^\s*(?:\p{Lu}|…|\.\.\.|\p{N})/u.test(content);
  // Lowercase right after a word: part of the writer's sentence ("efforts "to promote …"").
  if (!capital && /[\p{L}\p{N}]\s$/u.test(before)) return false;
  // Sentence punctuation inside the marks: the quote is a sentence of speech ("…," he said).
  if (/[.,!?…]$/u.test(content) || !quote.closed) return true;
  if (!capital) return false;
  return /(?:^|[.!?])\s*$/u.test(text.slice(Math.max(0, quote.start - 3), quote.start)) || quote.start === 0;
}

function paragraphIndex(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) breaks.push(i);
  return (offset) => {
    let n = 0;
    while (n < breaks.length && (breaks[n] as number) < offset) n++;
    return n;
  };
}

/** Trims whitespace and joining punctuation from both ends of a range. */
function trimRange(text: string, start: number, end: number): Span {
  while (start < end && /[\s,;:—–"“”«»„]/u.test(text.charAt(start))) start++;
  while (end > start && /[\s,;:—–"“”«»„]/u.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** Splits a range at clause joints (", and", "; ", " и ") when more than one part carries a figure. */
function figureClauses(text: string, range: Span): Span[] {
  const slice = text.slice(range.start, range.end);
  if (parseFigures(slice).length < 2) return [range];
  const parts: Span[] = [];
  let from = 0;
  for (const m of slice.matchAll(/,\s+(?:and|but|while|whereas|а|и|но)\s+|;\s+/gu)) {
    const part = slice.slice(from, m.index);
    if (parseFigures(part).length > 0 && parseFigures(slice.slice(m.index + m[0].length)).length > 0) {
      parts.push({ start: range.start + from, end: range.start + m.index });
      from = m.index + m[0].length;
    }
  }
  parts.push({ start: range.start + from, end: range.end });
  return parts.map((p) => trimRange(text, p.start, p.end)).filter((p) => p.end > p.start);
}

function kindOf(text: string, attributed: boolean): ClaimKind {
  if (parseFigures(text).length > 0) return 'statistic';
  return attributed ? 'quote' : 'other';
}

/** Names the article mentions, with the roles written beside them, for resolving later mentions. */
function collectNames(views: readonly SentenceView[], speakers: Speakers): void {
  for (const view of views) {
    const { tokens } = view;
    for (let i = 0; i < tokens.length; i++) {
      // A name ends on a capitalised word that no other capitalised word follows.
      if (!isWord(tokens[i]) || !/^\p{Lu}/u.test(tokens[i]!.text)) continue;
      // A post-nominal ("Ken Macdonald QC") ends the name before it.
      const next = tokens[i + 1];
      if (isWord(next) && /^\p{Lu}/u.test(next.text) && !POST_NOMINAL.test(next.text)) continue;
      const mention = mentionBefore(tokens, i + 1);
      if (mention?.kind !== 'name' || mention.end !== tokens[i]!.end) continue;
      // "Wilkinson, who has scored …", "Mr Ebbers, 63, …": a person, whatever the pronoun.
      if (tokens[i + 1]?.text === ',' && /^(?:who|\d{1,3})$/iu.test(tokens[i + 2]?.text ?? '')) mention.gender ??= 'any';
      // "Ofsted chief, David Bell, …": the role written before the name, across a comma.
      const first = tokens.findIndex((t) => t.start === mention.start);
      if (tokens[first - 1]?.text === ',' && isWord(tokens[first - 2]) && isRoleWord(tokens[first - 2]!.text)) {
        for (const t of tokens.slice(Math.max(0, first - 4), first - 1)) if (isWord(t)) mention.roles.push(t.text.toLowerCase());
      }
      // After a preposition or "по словам" a Russian name is in an oblique case.
      const oblique = /^(?:словам|данным|мнению|информации|с|со|у|к|о|об|от|для|по|при|без|между)$/iu.test(tokens[first - 1]?.text ?? '');
      // After a preposition ("by Lord Dubs") or as an owner ("Mr Mallon's claim") a name is no subject.
      const role = /['’]s?$/u.test(tokens[i]!.text)
        ? 'owner'
        : /^(?:by|of|with|to|from|at|about|against|for|on|in|into|than|over|under|between)$/iu.test(tokens[first - 1]?.text ?? '')
          ? 'object'
          : 'subject';
      // "the Czech Republic", "the Foreign Office": a name after "the" is a thing, even when it speaks.
      speakers.observe(mention, oblique, role, /^the$/iu.test(tokens[first - 1]?.text ?? ''));
    }
  }
}

// After a reporting clause, words that begin an adjunct ("said on Monday"), not the reported content.
const ADJUNCT =
  /^(?:on|in|at|during|after|before|while|when|as|last|this|yesterday|today|earlier|later|via|to|в|на|во|после|перед|при)(?=[\s,]|$)/iu;

/** The reported content of a sentence with an indirect attribution: before or after the clause. */
function reportedContent(text: string, sentence: Span, clauseStart: number, clauseEnd: number, verb: string | null): Span {
  const before = trimRange(text, sentence.start, clauseStart);
  const after = trimRange(text, clauseEnd, sentence.end);
  const words = (span: Span): number => text.slice(span.start, span.end).split(/\s+/).filter(Boolean).length;
  // "told reporters that …", "сказал журналистам, что …": the content starts after the conjunction.
  const that = /^(?:[^.;:"“”«»]{0,40}?[\s,])?(?:that|что)\s/iu.exec(text.slice(after.start, after.end));
  if (that) return trimRange(text, after.start + that[0].length, after.end);
  // Speaker and verb open the sentence ("He said after seven years …"): the rest is the content.
  if (words(before) < 3) return after;
  // "…, Putin told his Syrian counterpart": who was told is no content.
  if (/^(?:told|tells|tell)$/iu.test(verb ?? '')) return before;
  if (words(after) < 3 || ADJUNCT.test(text.slice(after.start, after.start + 12))) return before;
  return after;
}

function push(candidates: Candidate[], text: string, range: Span, fields: Omit<Candidate, 'text' | 'start' | 'end' | 'kind'>): void {
  for (const clause of figureClauses(text, range)) {
    const clauseText = text.slice(clause.start, clause.end).replace(/[.!?]+$/u, '');
    if (clauseText.split(/\s+/).length < 3) continue;
    const end = clause.start + clauseText.length;
    candidates.push({ text: clauseText, start: clause.start, end, kind: kindOf(clauseText, fields.speaker !== null), ...fields });
  }
}

export function findCandidates(text: string): Candidate[] {
  const quotes = findQuotes(text);
  const paragraphOf = paragraphIndex(text);
  const views: SentenceView[] = splitSentences(text).map((span) => {
    const tokens = tokenize(text, span.start, span.end, quotes);
    return { ...span, tokens, attributions: attributionsIn(tokens), paragraph: paragraphOf(span.start) };
  });
  const speakers = new Speakers();
  collectNames(views, speakers);
  const candidates: Candidate[] = [];
  // The last attribution resolved: a quote with none of its own continues it within a paragraph or the next.
  let last: { paragraph: number; sentence: number; speaker: string | null } | null = null;
  const spoken = new Map<Attribution, string | null>();

  views.forEach((sentence, index) => {
    const { tokens } = sentence;
    const previousStart = views[index - 1]?.start ?? 0;
    // Resolve every reporting clause in reading order, so "X claimed …, but he said" finds X.
    for (const a of sentence.attributions) {
      if (spoken.has(a)) continue;
      const inherited = a.inherits ? [...spoken.keys()].reverse().find((o) => o.mention && sentence.attributions.includes(o)) : undefined;
      const speaker = inherited
        ? (spoken.get(inherited) ?? null)
        : a.mention
          ? speakers.resolve(a.mention, a.gender, sentence.start, previousStart)
          : (last?.speaker ?? null);
      spoken.set(a, speaker);
    }
    const quoteTokens = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'quote' && isDirect(text, quotes[t.quote!]!));
    const used = new Set<Attribution>();
    for (const { t, i } of quoteTokens) {
      const quote = quotes[t.quote!]!;
      if (quote.start < sentence.start) continue;
      const between = (from: number, to: number, marks: RegExp): boolean => tokens.slice(from, to).every((x) => marks.test(x.text));
      const after = sentence.attributions.find(
        (a) => a.from > i && a.from <= i + 3 && between(i + 1, a.from, /^(?:[,—–]|[\p{Ll}\p{N}][\p{Ll}\p{N}-]*)$/u),
      );
      const endSentence = views.find((v) => v.start <= quote.end - 1 && v.end >= quote.end - 1) ?? sentence;
      const closing = endSentence.tokens.findIndex((x) => x.quote === t.quote);
      const afterEnd =
        endSentence === sentence ? undefined : endSentence.attributions.find((a) => a.from > closing && a.from <= closing + 3);
      const before = sentence.attributions.find((a) => a.to < i && a.to >= i - 2 && between(a.to + 1, i, /^[:,—–]$/u));
      // Else a reporting clause earlier in the sentence: "the board has confirmed …, with a statement reading: «…»".
      const earlier = sentence.attributions.find((a) => a.to < i && a.mention && !used.has(a));
      const attribution = after ?? before ?? afterEnd ?? earlier;
      let speaker: string | null = null;
      let verb: string | null = null;
      // «…, — сказал губернатор. — …»: the clause inside names the speaker, whatever follows the quote.
      const inner = innerAttribution(text, quote);
      if (inner) {
        if (attribution) used.add(attribution);
        speaker = speakers.resolve(inner.attribution.mention!, inner.attribution.gender, sentence.start, previousStart);
        verb = inner.attribution.verb;
      } else if (attribution) {
        used.add(attribution);
        // A quote running over sentences may be attributed after its end, in a sentence not read yet.
        if (!spoken.has(attribution) && attribution.mention) {
          spoken.set(attribution, speakers.resolve(attribution.mention, attribution.gender, endSentence.start, sentence.start));
        }
        speaker = spoken.get(attribution) ?? null;
        verb = attribution.verb;
      } else if (last && sentence.paragraph - last.paragraph <= 1) {
        // A quote on its own continues the last speaker, unless the sentence before named someone
        // new as its subject ("… Dave Prentis criticised the plans. «…»").
        const previous = views[index - 1];
        const introduced =
          previous && !previous.tokens.some((x) => x.kind === 'quote') && previous.attributions.length === 0
            ? speakers.firstPersonIn(previous.start, previous.tokens[Math.min(12, previous.tokens.length - 1)]!.end)
            : null;
        speaker = introduced ?? last.speaker;
      }
      last = { paragraph: paragraphOf(quote.end), sentence: index, speaker };
      const words: Span[] = inner
        ? [
            { start: quote.contentStart, end: inner.gapStart },
            { start: inner.gapEnd, end: quote.contentEnd },
          ]
        : [{ start: quote.contentStart, end: quote.contentEnd }];
      for (const content of words) {
        for (const part of views.filter((v) => v.end > content.start && v.start < content.end)) {
          const range = trimRange(text, Math.max(part.start, content.start), Math.min(part.end, content.end));
          push(candidates, text, range, { speaker, verb, quoted: true });
        }
      }
    }
    // Quoted words inside the writer's sentence ("called the sale "the swindle of the century"") that
    // no candidate of this sentence holds: this sentence's speaker's, else those of the one the
    // sentence before reported ("… he said. Any plan must "augment and support" the process.").
    const embeddedQuotes = (own: readonly Candidate[], continuing: string | null): void => {
      tokens.forEach((t, i) => {
        const quote = t.kind === 'quote' ? quotes[t.quote!]! : null;
        if (!quote || quote.start < sentence.start || isDirect(text, quote) || !/^\p{Ll}/u.test(text.charAt(quote.contentStart))) return;
        if (own.some((c) => c.start < quote.contentEnd && c.end > quote.contentStart)) return;
        const attribution =
          sentence.attributions.findLast((a) => a.to < i && spoken.get(a)) ?? sentence.attributions.find((a) => spoken.get(a));
        const speaker = attribution ? spoken.get(attribution)! : continuing;
        if (speaker === null) return;
        push(candidates, text, trimRange(text, quote.contentStart, quote.contentEnd), {
          speaker,
          verb: attribution?.verb ?? null,
          quoted: true,
        });
      });
    };
    const count = candidates.length;
    // Reported speech and figures outside direct quotations.
    const reported = (): void => {
      const open = sentence.attributions.filter((a) => !used.has(a) && a.mention);
      // "According to the Financial Times, … Peter Chernin said that …": who said it speaks (but "according
      // to a statement, the executive admitted …" stays the statement's).
      const first = open.find((a) => /^(?:said|says|told|tells)$/u.test(a.verb ?? '')) ?? open[0];
      if (quoteTokens.length > 0) return;
      if (first) {
        const speaker = spoken.get(first) ?? null;
        const content = reportedContent(text, sentence, tokens[first.from]!.start, tokens[first.to]!.end, first.verb);
        if (text.slice(content.start, content.end).split(/\s+/).length >= 3) {
          last = { paragraph: sentence.paragraph, sentence: index, speaker };
          push(candidates, text, content, { speaker, verb: first.verb, quoted: false });
          return;
        }
      }
      if (parseFigures(text.slice(sentence.start, sentence.end)).length > 0) {
        push(candidates, text, trimRange(text, sentence.start, sentence.end), { speaker: null, verb: null, quoted: false });
      }
    };
    const previous = last;
    reported();
    embeddedQuotes(candidates.slice(count), previous?.sentence === index - 1 ? previous.speaker : null);
  });
  return candidates.sort((a, b) => a.start - b.start);
}

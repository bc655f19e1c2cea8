/**
 * Sentence splitting for English and Russian news text. Intl.Segmenter (ICU's sentence rules)
 * does the work; ICU breaks after any period followed by a capital, so its segments are joined
 * again after titles ("Mr.", "Dr."), initials ("В. В. Путин", "J. K. Rowling") and abbreviations
 * that rarely end a sentence ("U.S.", "млн.", "г."), and across a hard line wrap inside a paragraph.
 */

export interface Span {
  start: number;
  end: number;
}

/** Titles and abbreviations after which a sentence never ends (lowercase, with their period). */
const NEVER_FINAL = new Set(
  (
    'mr. mrs. ms. dr. prof. st. gen. col. lt. sgt. capt. cpl. maj. adm. sen. rep. gov. rev. hon. messrs. mme. mlle. ' +
    'pres. supt. insp. det. fr. vs. v. cf. e.g. i.e. approx. ca. nos. fig. ' +
    'jan. feb. mar. apr. aug. sept. sep. oct. nov. dec. ' +
    'т.е. т.к. т.н. им. ул. пр-т. просп. пл. пер. д. кв. стр. см. ср. напр. гр. г-н. г-жа. тов. проф. акад. ген. ' +
    'с. п. ч. рис. табл. тел.'
  ).split(' '),
);

/** Abbreviations that may end a sentence: joined unless the next word plainly starts a new one. */
const MAY_BE_FINAL = new Set(
  (
    'u.s. u.k. u.n. e.u. u.s.a. u.s.s.r. a.m. p.m. etc. inc. ltd. co. corp. jr. sr. no. bros. plc. ' +
    'млн. млрд. тыс. трлн. руб. коп. долл. г. гг. в. вв. т.д. т.п. др. пр. и.о. ч. мин. сек. км. кг.'
  ).split(' '),
);

/** Words that usually begin a sentence: after "U.S." or "г." they mark a real break. */
const STARTERS = new Set(
  (
    'the a an he she it they we i you his her its their our this that these those there here but and or so yet ' +
    'in on at for after before when while if as however meanwhile also then now some many most both what who why how ' +
    'mr mrs ms dr one two no not all each such since although though because last next earlier later ' +
    'он она оно они мы я вы это этот эта эти его ее её их но и а как при так также однако в на по с из за к у о об ' +
    'для после до когда если тогда сейчас теперь кроме всего уже еще ещё ранее позднее затем'
  ).split(' '),
);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const LAST_WORD = /(\S+)\s*$/u;
const FIRST_WORD = /^\s*["'«„“‘([]*([\p{L}\p{N}]+)/u;
const INITIAL = /^\p{Lu}\.$/u;

/** The last whitespace-delimited token of a segment, without opening brackets or quotes. */
function lastToken(segment: string): string {
  const match = LAST_WORD.exec(segment);
  return match ? (match[1] as string).replace(/^["'«„“‘([]+/u, '') : '';
}

function joinsNext(segment: string, next: string): boolean {
  const token = lastToken(segment);
  const lower = token.toLowerCase();
  // A hard line wrap inside a paragraph: no closing punctuation, next line goes on in lowercase.
  if (/[^\n]\n$/.test(segment) && !/[.!?:;"»”…)]\s*$/u.test(segment) && /^\p{Ll}/u.test(next)) return true;
  if (/\n\s*$/.test(segment)) return false;
  if (INITIAL.test(token) || NEVER_FINAL.has(lower)) return true;
  if (!MAY_BE_FINAL.has(lower) && !/^(?:\p{L}\.){2,}$/u.test(token)) return false;
  const first = FIRST_WORD.exec(next);
  if (!first) return false;
  const word = first[1] as string;
  if (/^\p{N}/u.test(word) || /^\p{Ll}/u.test(word)) return true;
  return !STARTERS.has(word.toLowerCase());
}

function head(text: string, span: Span): string {
  return text.slice(span.start, Math.min(span.end, span.start + 80));
}

// ICU segments a whole string at once: paragraphs go to it one by one, and a paragraph with no
// line break in a very long text (a word list, a table) in pieces, so memory stays small.
const PIECE = 50_000;

/** Ranges of the text to segment separately: paragraphs, long ones cut after a space. */
function pieces(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n\n', start);
    end = end < 0 ? text.length : end + 2;
    if (end - start > PIECE) {
      const space = text.lastIndexOf(' ', start + PIECE);
      end = space > start ? space + 1 : start + PIECE;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

function segment(text: string, piece: Span, raw: Span[]): void {
  const slice = piece.start === 0 && piece.end === text.length ? text : text.slice(piece.start, piece.end);
  for (const { index, segment } of segmenter.segment(slice))
    raw.push({ start: piece.start + index, end: piece.start + index + segment.length });
}

/** Sentence spans of a text (UTF-16 offsets), each trimmed of surrounding whitespace. */
export function splitSentences(text: string): Span[] {
  const raw: Span[] = [];
  for (const piece of pieces(text)) segment(text, piece, raw);
  const joined: Span[] = [];
  for (let i = 0; i < raw.length; i++) {
    const span = { ...(raw[i] as Span) };
    // Only the ends matter: the tail of this segment and the start of the next.
    while (i + 1 < raw.length && joinsNext(text.slice(Math.max(span.start, span.end - 80), span.end), head(text, raw[i + 1] as Span))) {
      span.end = (raw[++i] as Span).end;
    }
    joined.push(span);
  }
  const spans: Span[] = [];
  for (const span of joined) {
    let { start, end } = span;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

import { CONTEXT_LENGTH } from '../anchoring/selector';

/**
 * The context columns of an export: the words just before and after a passage, never a word cut
 * in half ("laced persons." was "displaced persons."). The window is CONTEXT_LENGTH code units, as
 * for the stored prefix and suffix; a word the window's edge falls inside is left out whole. The
 * passage's own offsets are untouched: context before + quote + context after is always one
 * contiguous slice of the article text.
 */
export function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT_LENGTH);
  let cut = from;
  while (cut < start && !isWordBoundary(text, cut)) cut++;
  return text.slice(cut, start);
}

export function contextAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + CONTEXT_LENGTH);
  let cut = to;
  while (cut > end && !isWordBoundary(text, cut)) cut--;
  return text.slice(end, cut);
}

// Letters, marks and digits make words. Some marks join two of them into one word: an apostrophe
// or a hyphen between letters (Putin's, NOVO-OGARYOVO), a point or comma between digits (6.5, 6,500).
// Code points, with ASCII looked up without a regex: this runs for every passage of an export.
const WORD = /[\p{L}\p{M}\p{N}_]/u;
const DIGIT = /\p{N}/u;
const JOINS_WORDS = new Set([0x27, 0x2019, 0x2d, 0x2010, 0x2011]);
const JOINS_DIGITS = new Set([0x2e, 0x2c]);
// Scripts written without spaces between words: only a dictionary (ICU's, through Intl.Segmenter) knows where words end.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;
/** Code units of text each side of an offset that the segmenter sees: enough for any dictionary word. */
const SEGMENT_WINDOW = 24;

let segmenter: Intl.Segmenter | undefined;

function isWord(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
  return WORD.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  return cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : DIGIT.test(String.fromCodePoint(cp));
}

function isUnspaced(cp: number): boolean {
  return cp >= 0x0e00 && UNSPACED.test(String.fromCodePoint(cp));
}

/** Whether `mark` joins the characters either side of it into one word (-1: no character there). */
function joins(left: number, mark: number, right: number): boolean {
  if (JOINS_WORDS.has(mark)) return isWord(left) && isWord(right);
  return JOINS_DIGITS.has(mark) && isDigit(left) && isDigit(right);
}

/** The code point that ends just before `offset`, or -1 at the start. */
function codePointBefore(text: string, offset: number): number {
  if (offset <= 0) return -1;
  const low = text.charCodeAt(offset - 1);
  const pair = offset >= 2 && low >= 0xdc00 && low <= 0xdfff;
  return text.codePointAt(offset - (pair ? 2 : 1))!;
}

/** Whether a word may start or end at `offset` (the text's ends always qualify; a surrogate pair's middle never does). */
export function isWordBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const code = text.charCodeAt(offset);
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  const before = codePointBefore(text, offset);
  const after = text.codePointAt(offset)!;
  // The joining marks are all one code unit long.
  const afterNext = offset + 1 < text.length ? text.codePointAt(offset + 1)! : -1;
  if (joins(codePointBefore(text, offset - 1), before, after) || joins(before, after, afterNext)) return false;
  if (!isWord(before) || !isWord(after)) return true;
  if (!isUnspaced(before) && !isUnspaced(after)) return false;
  return segmentBoundary(text, offset);
}

function segmentBoundary(text: string, offset: number): boolean {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const from = Math.max(0, offset - SEGMENT_WINDOW);
  const window = text.slice(from, Math.min(text.length, offset + SEGMENT_WINDOW));
  for (const { index } of segmenter.segment(window)) {
    if (from + index === offset) return true;
    if (from + index > offset) return false;
  }
  return false;
}

/** A stored prefix (an orphan's): one of full length was cut from a longer text, so its first word may be partial. */
export function storedContextBefore(prefix: string): string {
  if (prefix.length < CONTEXT_LENGTH - 1) return prefix;
  let cut = 1;
  while (cut < prefix.length && !isWordBoundary(prefix, cut)) cut++;
  return prefix.slice(cut);
}

/** A stored suffix (an orphan's): one of full length may end inside a word. */
export function storedContextAfter(suffix: string): string {
  if (suffix.length < CONTEXT_LENGTH - 1) return suffix;
  let cut = suffix.length - 1;
  while (cut > 0 && !isWordBoundary(suffix, cut)) cut--;
  return suffix.slice(0, cut);
}

/**
 * Offsets in Marginalia are UTF-16 code units (JavaScript string indices). Exchange formats such as
 * W3C Web Annotation and REFI-QDA count code points, so conversions happen at those boundaries.
 * A lone surrogate counts as one code point, as in JavaScript string iteration. An offset that falls
 * between the halves of a surrogate pair converts as the offset just before the pair.
 */

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1));
}

function checkOffset(offset: number, max: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`offset ${offset} is outside 0..${max}`);
  }
}

/** Code point offset of a UTF-16 offset. Linear; use offsetConverter for many conversions. */
export function toCodePoints(text: string, utf16Offset: number): number {
  checkOffset(utf16Offset, text.length);
  let count = 0;
  for (let i = 0; i < utf16Offset; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      if (i + 1 >= utf16Offset) break;
      i++;
    }
    count++;
  }
  return count;
}

/** UTF-16 offset of a code point offset. Linear; use offsetConverter for many conversions. */
export function toUtf16(text: string, codePointOffset: number): number {
  checkOffset(codePointOffset, text.length);
  let i = 0;
  for (let n = 0; n < codePointOffset; n++) {
    if (i >= text.length) throw new RangeError(`offset ${codePointOffset} is past the end of the text`);
    i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

export interface OffsetConverter {
  /** Length of the text in code points. */
  readonly codePointLength: number;
  toCodePoints(utf16Offset: number): number;
  toUtf16(codePointOffset: number): number;
}

/** Number of items in the increasing array for which key(item) < value. */
function countBelow(items: readonly number[], value: number, key: (item: number, index: number) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!, mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Both conversions in O(log a), a = number of astral characters, after one scan of the text.
 * Only astral characters shift the two numberings apart, so their positions are all we keep.
 */
export function offsetConverter(text: string): OffsetConverter {
  const pairs: number[] = [];
  for (const match of text.matchAll(/[\ud800-\udbff][\udc00-\udfff]/g)) pairs.push(match.index);
  const codePointLength = text.length - pairs.length;
  const byUtf16 = (pos: number): number => pos;
  // Pair number k starts at code point pairs[k] - k: the k pairs before it each took one extra unit.
  const byCodePoint = (pos: number, k: number): number => pos - k;
  return {
    codePointLength,
    toCodePoints(utf16Offset) {
      checkOffset(utf16Offset, text.length);
      return utf16Offset - countBelow(pairs, utf16Offset, byUtf16);
    },
    toUtf16(codePointOffset) {
      checkOffset(codePointOffset, codePointLength);
      return codePointOffset + countBelow(pairs, codePointOffset, byCodePoint);
    },
  };
}

export interface Range {
  start: number;
  end: number;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
/** Grapheme clusters are found in a window around the offset; longer clusters may be cut. */
const GRAPHEME_WINDOW = 64;

/** Start of the grapheme cluster containing `offset`, or `offset` itself when it is a boundary. */
function clusterStart(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  let from = Math.max(0, offset - GRAPHEME_WINDOW);
  if (splitsPair(text, from)) from--;
  const to = Math.min(text.length, offset + GRAPHEME_WINDOW);
  const cluster = graphemes.segment(text.slice(from, to)).containing(offset - from);
  return cluster ? from + cluster.index : offset;
}

/** End of the grapheme cluster containing `offset`, or `offset` itself when it is a boundary. */
function clusterEnd(text: string, offset: number): number {
  const start = clusterStart(text, offset);
  if (start === offset) return offset;
  const to = Math.min(text.length, offset + GRAPHEME_WINDOW);
  const cluster = graphemes.segment(text.slice(start, to)).containing(0);
  return cluster ? start + cluster.segment.length : offset;
}

/**
 * Orders and clamps a range into the text and widens it so that it never splits a surrogate pair
 * (and, with `graphemes`, never splits a user-perceived character such as "e" + U+0301 or a flag).
 * Widening rather than narrowing keeps every character the analyst selected.
 */
export function clampToBoundaries(text: string, start: number, end: number, options: { graphemes?: boolean } = {}): Range {
  if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError('range offsets must be numbers');
  const clamp = (n: number) => Math.min(text.length, Math.max(0, Math.trunc(n)));
  let s = clamp(Math.min(start, end));
  let e = clamp(Math.max(start, end));
  if (splitsPair(text, s)) s--;
  if (splitsPair(text, e)) e++;
  if (options.graphemes) {
    s = clusterStart(text, s);
    e = Math.max(s, clusterEnd(text, e));
  }
  return { start: s, end: e };
}

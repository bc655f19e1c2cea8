/**
 * Maps offsets in an old text to offsets in its corrected version. The alignment trims the common
 * prefix and suffix (a typical correction leaves only a few bytes in between), then runs Myers'
 * O(ND) diff on lines, refines each changed run of lines by words and each changed run of words by
 * code units. Each Myers run is capped; a region too different to align within the cap counts as
 * replaced, and passages inside it are then found by their quotes instead.
 */

/** Where a pure insertion meets an offset: 'before' stays in front of it, 'after' moves past it. */
export type Bias = 'before' | 'after';

export interface OffsetMap {
  map(offset: number, bias: Bias): number;
  /** Spans of the new text that are not unchanged old text (empty where text was only deleted). */
  changedSpans(): Array<[number, number]>;
}

/** How far the changed middle is widened to reach a line boundary. */
const MAX_LINE_WIDENING = 4096;

/**
 * Edit steps one Myers run may take. Its time is O((N + M) · steps) and its memory O(steps²), so the
 * cap shrinks for long inputs (down to MIN_EDITS) to keep every run within about EDIT_BUDGET steps.
 */
const MAX_EDITS = 1000;
const MIN_EDITS = 16;
const EDIT_BUDGET = 4_000_000;

/** Runs of unchanged text: old[oldStart[i], +length[i]) equals new[newStart[i], +length[i]). */
class Runs {
  readonly oldStart: number[] = [];
  readonly newStart: number[] = [];
  readonly length: number[] = [];

  add(oldStart: number, newStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.length.length - 1;
    if (last >= 0 && this.oldStart[last]! + this.length[last]! === oldStart && this.newStart[last]! + this.length[last]! === newStart) {
      this.length[last]! += length;
      return;
    }
    this.oldStart.push(oldStart);
    this.newStart.push(newStart);
    this.length.push(length);
  }
}

type Level = 'lines' | 'words' | 'units';

const WORD_TOKENS = /\s+|[\p{L}\p{N}\p{M}_]+|[^]/gu;

/** Token boundaries of text[from, to): offsets[0] = from, offsets[last] = to. */
function tokenise(text: string, from: number, to: number, level: Level): number[] {
  const offsets = [from];
  if (level === 'lines') {
    for (let i = text.indexOf('\n', from); i !== -1 && i < to - 1; i = text.indexOf('\n', i + 1)) offsets.push(i + 1);
  } else if (level === 'words') {
    for (const match of text.slice(from, to).matchAll(WORD_TOKENS)) {
      if (match.index > 0) offsets.push(from + match.index);
    }
  } else {
    for (let i = from + 1; i < to; i++) offsets.push(i);
  }
  offsets.push(to);
  return offsets;
}

/** Integer ids for the tokens of both sides, equal ids for equal tokens. */
function tokenIds(oldText: string, oldBounds: number[], newText: string, newBounds: number[]): [number[], number[]] {
  const ids = new Map<string, number>();
  const idsOf = (text: string, bounds: number[]): number[] => {
    const out: number[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const token = text.slice(bounds[i], bounds[i + 1]);
      let id = ids.get(token);
      if (id === undefined) {
        id = ids.size;
        ids.set(token, id);
      }
      out.push(id);
    }
    return out;
  };
  return [idsOf(oldText, oldBounds), idsOf(newText, newBounds)];
}

/**
 * Myers' greedy O(ND) diff of two id sequences. Returns the common diagonal runs as flat triples
 * (aIndex, bIndex, length) in order, or null when more than maxEdits insertions and deletions
 * would be needed.
 */
export function myersRuns(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): number[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace holds V[-d..d] after round d at trace[d * d + d + k]: rounds 0..d-1 fill d² slots.
  const trace: number[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
    for (let k = -d; k <= d; k++) trace.push(v[offset + k]!);
  }
  return null;
}

function backtrack(trace: number[], edits: number, n: number, m: number): number[] {
  const runs: number[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const previous = (k: number) => trace[(d - 1) * (d - 1) + (d - 1) + k]!;
    const k = x - y;
    const down = k === -d || (k !== d && previous(k - 1) < previous(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = previous(prevK);
    const snakeStart = down ? prevX : prevX + 1;
    if (x > snakeStart) runs.push(snakeStart, snakeStart - k, x - snakeStart);
    x = prevX;
    y = prevX - prevK;
  }
  if (x > 0) runs.push(0, 0, x);
  const ordered: number[] = [];
  for (let i = runs.length - 3; i >= 0; i -= 3) ordered.push(runs[i]!, runs[i + 1]!, runs[i + 2]!);
  return ordered;
}

const FINER: Record<Level, Level | null> = { lines: 'words', words: 'units', units: null };

/** Aligns old[oldFrom, oldTo) with new[newFrom, newTo), appending unchanged runs in order. */
function align(
  oldText: string,
  oldFrom: number,
  oldTo: number,
  newText: string,
  newFrom: number,
  newTo: number,
  level: Level,
  runs: Runs,
): void {
  if (oldFrom >= oldTo || newFrom >= newTo) return;
  const oldBounds = tokenise(oldText, oldFrom, oldTo, level);
  const newBounds = tokenise(newText, newFrom, newTo, level);
  const [a, b] =
    level === 'units'
      ? [unitsOf(oldText, oldFrom, oldTo), unitsOf(newText, newFrom, newTo)]
      : tokenIds(oldText, oldBounds, newText, newBounds);
  const cap = Math.min(MAX_EDITS, Math.max(MIN_EDITS, Math.floor(EDIT_BUDGET / (a.length + b.length))));
  const common = myersRuns(a, b, cap);
  if (!common) return;
  const finer = FINER[level];
  let oldToken = 0;
  let newToken = 0;
  const refine = (oldUntil: number, newUntil: number) => {
    if (finer) align(oldText, oldBounds[oldToken]!, oldBounds[oldUntil]!, newText, newBounds[newToken]!, newBounds[newUntil]!, finer, runs);
  };
  for (let i = 0; i < common.length; i += 3) {
    const [ai, bi, length] = [common[i]!, common[i + 1]!, common[i + 2]!];
    refine(ai, bi);
    const start = oldBounds[ai]!;
    runs.add(start, newBounds[bi]!, oldBounds[ai + length]! - start);
    oldToken = ai + length;
    newToken = bi + length;
  }
  refine(oldBounds.length - 1, newBounds.length - 1);
}

function unitsOf(text: string, from: number, to: number): Uint16Array {
  const units = new Uint16Array(to - from);
  for (let i = from; i < to; i++) units[i - from] = text.charCodeAt(i);
  return units;
}

/** Builds the offset map from oldText to newText. */
export function diffTexts(oldText: string, newText: string): OffsetMap {
  const shorter = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) {
    suffix++;
  }
  // Widen the changed middle to whole lines so that the line diff sees lines, not stray fragments
  // of the unchanged ends (which pull the alignment off natural boundaries). Very long lines are
  // left cut, so that a text without line breaks is not diffed whole.
  const lineStart = prefix > 0 ? oldText.lastIndexOf('\n', prefix - 1) + 1 : 0;
  if (prefix - lineStart <= MAX_LINE_WIDENING) prefix = lineStart;
  const lineEnd = suffix > 0 ? oldText.indexOf('\n', oldText.length - suffix) : -1;
  const lineSuffix = lineEnd === -1 ? 0 : oldText.length - lineEnd - 1;
  if (suffix - lineSuffix <= MAX_LINE_WIDENING) suffix = lineSuffix;
  const runs = new Runs();
  runs.add(0, 0, prefix);
  align(oldText, prefix, oldText.length - suffix, newText, prefix, newText.length - suffix, 'lines', runs);
  runs.add(oldText.length - suffix, newText.length - suffix, suffix);
  return new RunMap(runs, oldText.length, newText.length);
}

class RunMap implements OffsetMap {
  constructor(
    private readonly runs: Runs,
    private readonly oldLength: number,
    private readonly newLength: number,
  ) {}

  map(offset: number, bias: Bias): number {
    const { oldStart, newStart, length } = this.runs;
    // i: last run starting at or before the offset.
    let lo = 0;
    let hi = oldStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (oldStart[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    if (i >= 0 && offset > oldStart[i]! && offset < oldStart[i]! + length[i]!) {
      return newStart[i]! + (offset - oldStart[i]!);
    }
    // Otherwise the offset is in or at an edge of gap g, the changed text before run g.
    const g = i >= 0 && offset === oldStart[i] ? i : i + 1;
    const oldFrom = g > 0 ? oldStart[g - 1]! + length[g - 1]! : 0;
    const oldTo = g < oldStart.length ? oldStart[g]! : this.oldLength;
    const newFrom = g > 0 ? newStart[g - 1]! + length[g - 1]! : 0;
    const newTo = g < newStart.length ? newStart[g]! : this.newLength;
    if (oldFrom < oldTo && offset === oldFrom) return newFrom;
    if (oldFrom < oldTo && offset === oldTo) return newTo;
    // Inside replaced text, or at a pure insertion: the bias picks an edge of the new text.
    return bias === 'before' ? newFrom : newTo;
  }

  changedSpans(): Array<[number, number]> {
    const { oldStart, newStart, length } = this.runs;
    const spans: Array<[number, number]> = [];
    let oldFrom = 0;
    let newFrom = 0;
    for (let i = 0; i <= newStart.length; i++) {
      const oldTo = oldStart[i] ?? this.oldLength;
      const newTo = newStart[i] ?? this.newLength;
      if (oldTo > oldFrom || newTo > newFrom) spans.push([newFrom, newTo]);
      oldFrom = oldTo + (length[i] ?? 0);
      newFrom = newTo + (length[i] ?? 0);
    }
    return spans;
  }
}

/**
 * Approximate string matching under Levenshtein distance, in UTF-16 code units.
 *
 * searchEnds is Myers' bit-vector algorithm (J. ACM 1999) in 32-bit blocks with Ukkonen's cut-off:
 * only the blocks of pattern rows that can still be within the error budget are advanced, so a
 * scan costs about (text length) × (maxErrors / 32 + 1) word operations whatever the pattern length.
 */

const WORD = 32;

/** Pattern alphabet: code unit → 1 + symbol index (0: not in the pattern). Reset after each use. */
const symbolOf = new Uint32Array(65536);

export interface ApproxEnd {
  /** Exclusive end offset in the text. */
  end: number;
  /** Fewest edits turning the pattern into some substring ending at `end`. */
  errors: number;
}

/** A range of text offsets [from, to). */
export type Span = readonly [from: number, to: number];

/**
 * Every end offset in text[from, to) where the pattern matches with at most maxErrors edits.
 * With `anchored`, matches must start at `from` (prefix matching) instead of anywhere.
 */
export function searchEnds(text: string, pattern: string, maxErrors: number, from = 0, to = text.length, anchored = false): ApproxEnd[] {
  return searchSpans(text, pattern, maxErrors, [[from, to]], anchored)[0]!;
}

/** searchEnds for each span, compiling the pattern once. */
function searchSpans(text: string, pattern: string, maxErrors: number, spans: readonly Span[], anchored: boolean): ApproxEnd[][] {
  const m = pattern.length;
  if (m === 0) throw new RangeError('pattern must not be empty');
  const blocks = Math.ceil(m / WORD);
  let symbols = 0;
  for (let i = 0; i < m; i++) {
    const unit = pattern.charCodeAt(i);
    if (symbolOf[unit] === 0) symbolOf[unit] = ++symbols;
  }
  try {
    // peq[symbol * blocks + b]: bit i set where row b * 32 + i of the pattern holds that symbol.
    const peq = new Int32Array((symbols + 1) * blocks);
    for (let i = 0; i < m; i++) peq[symbolOf[pattern.charCodeAt(i)]! * blocks + (i >> 5)]! |= 1 << (i & 31);
    return spans.map(([from, to]) => scan(text, peq, m, blocks, maxErrors, from, to, anchored));
  } finally {
    for (let i = 0; i < m; i++) symbolOf[pattern.charCodeAt(i)] = 0;
  }
}

function scan(
  text: string,
  peq: Int32Array,
  m: number,
  blocks: number,
  k: number,
  from: number,
  to: number,
  anchored: boolean,
): ApproxEnd[] {
  const lastBlock = blocks - 1;
  const lastRows = m - lastBlock * WORD;
  const lastBit = 1 << (lastRows - 1);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  // score[b]: edit distance at the last row of block b in the current column.
  const score = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) score[b] = Math.min(m, (b + 1) * WORD);
  let y = Math.min(lastBlock, Math.max(0, Math.ceil(k / WORD) - 1));
  const found: ApproxEnd[] = [];

  // One column step of block b given the horizontal delta entering its top row; returns the delta
  // leaving its bottom row.
  const advance = (b: number, eqIn: number, hin: number): number => {
    const p = pv[b]!;
    const mm = mv[b]!;
    const hinNeg = hin < 0 ? 1 : 0;
    const xv = eqIn | mm;
    const eq = eqIn | hinNeg;
    const xh = (((eq & p) + p) ^ p) | eq;
    let ph = mm | ~(xh | p);
    let mh = p & xh;
    const top = b === lastBlock ? lastBit : 1 << 31;
    const hout = ph & top ? 1 : mh & top ? -1 : 0;
    ph = (ph << 1) | (hin > 0 ? 1 : 0);
    mh = (mh << 1) | hinNeg;
    pv[b] = mh | ~(xv | ph);
    mv[b] = ph & xv;
    return hout;
  };

  for (let j = from; j < to; j++) {
    const base = (symbolOf[text.charCodeAt(j)] ?? 0) * blocks;
    // Row 0 is all zeros when a match may start anywhere; anchored, it counts the skipped text.
    let carry = anchored ? 1 : 0;
    for (let b = 0; b <= y; b++) {
      carry = advance(b, peq[base + b]!, carry);
      score[b]! += carry;
    }
    if (y < lastBlock && score[y]! - carry <= k && ((peq[base + y + 1]! & 1) !== 0 || carry < 0)) {
      // The next block's first row can come within budget: activate it. Its rows were assumed to
      // grow by one each, which is what all-ones vertical deltas encode.
      y++;
      pv[y] = -1;
      mv[y] = 0;
      const rows = y === lastBlock ? lastRows : WORD;
      score[y] = score[y - 1]! - carry + rows + advance(y, peq[base + y]!, carry);
    } else {
      while (y > 0 && score[y]! >= k + WORD) y--;
    }
    if (y === lastBlock && score[y]! <= k) found.push({ end: j + 1, errors: score[y]! });
  }
  return found;
}

/** Two DP rows reused by editDistance (it is called for every candidate's context). */
let rows = [new Int32Array(64), new Int32Array(64)] as const;

/** Levenshtein distance in code units; meant for short strings such as 32-unit contexts. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prev, next] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    const unit = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = prev[j - 1]! + (unit === b.charCodeAt(j - 1) ? 0 : 1);
      next[j] = Math.min(substitute, prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  return prev[b.length]!;
}

function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Matches of the pattern in text[from, to) with at most maxErrors edits, in text order: one per
 * local minimum of the error count over end offsets. The ends of one occurrence cluster together,
 * and a word inserted into the quote shows as several equally good ends; the caller's context
 * scoring tells them apart.
 */
export function findApprox(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): ApproxMatch[] {
  return findInSpans(text, pattern, maxErrors, [[from, to]]);
}

function findInSpans(text: string, pattern: string, maxErrors: number, spans: readonly Span[]): ApproxMatch[] {
  const perSpan = searchSpans(text, pattern, maxErrors, spans, false);
  return perSpan.flatMap((ends, i) => startsOf(text, pattern, spans[i]![0], localMinima(ends)));
}

function localMinima(ends: readonly ApproxEnd[]): ApproxEnd[] {
  const errorsAt = (i: number) => ends[i]?.errors ?? Infinity;
  return ends.filter(
    (hit, i) =>
      (ends[i - 1]?.end !== hit.end - 1 || errorsAt(i - 1) >= hit.errors) &&
      (ends[i + 1]?.end !== hit.end + 1 || errorsAt(i + 1) >= hit.errors),
  );
}

function startsOf(text: string, pattern: string, from: number, ends: readonly ApproxEnd[]): ApproxMatch[] {
  const reversedPattern = reverse(pattern);
  return ends.map(({ end, errors }) => {
    // Match the reversed pattern backwards from the end: the first reversed end with the same
    // error count gives the shortest match ending there.
    const windowStart = Math.max(from, end - pattern.length - errors);
    const reversed = reverse(text.slice(windowStart, end));
    const back = searchEnds(reversed, reversedPattern, errors, 0, reversed.length, true);
    const best = back.find((hit) => hit.errors === errors);
    return { start: end - (best ? best.end : pattern.length), end, errors };
  });
}

/** Below this many code units a direct scan is cheaper than looking pieces up. */
const SEED_THRESHOLD = 1 << 16;
/** Shortest pattern piece worth looking up: shorter ones hit too often to filter anything. */
const MIN_PIECE = 4;

/**
 * findApprox over several spans of a long text (sorted, non-overlapping) without scanning all of
 * them: a match with at most maxErrors edits contains one of maxErrors + 1 disjoint pieces of the
 * pattern verbatim (pigeonhole), so only windows around verbatim hits of the pieces, found with the
 * native indexOf, are scanned.
 */
export function findApproxIn(text: string, pattern: string, maxErrors: number, spans: readonly Span[]): ApproxMatch[] {
  const m = pattern.length;
  const size = Math.floor(m / (maxErrors + 1));
  const total = spans.reduce((sum, [from, to]) => sum + to - from, 0);
  if (total <= SEED_THRESHOLD || size < MIN_PIECE) return findInSpans(text, pattern, maxErrors, spans);
  const windows: Array<[number, number]> = [];
  for (const [from, to] of spans) {
    for (let offset = 0; offset + size <= m; offset += size) {
      const piece = pattern.slice(offset, offset + size);
      for (let hit = text.indexOf(piece, from); hit !== -1 && hit + size <= to; hit = text.indexOf(piece, hit + 1)) {
        const start = hit - offset;
        windows.push([Math.max(from, start - maxErrors), Math.min(to, start + m + maxErrors)]);
      }
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push(window);
  }
  return findInSpans(text, pattern, maxErrors, merged);
}

import { editDistance, findApprox, findApproxIn, type Span } from './approx';
import { clampToBoundaries } from './offsets';

export interface QuoteQuery {
  exact: string;
  /** Text expected right before the quote; omit when unknown ('' means "nothing before it"). */
  prefix?: string;
  /** Text expected right after the quote; omit when unknown. */
  suffix?: string;
  /** Where the quote is expected to start; nearer candidates win ties. */
  start?: number;
}

export interface QuoteSearchOptions {
  /**
   * Where a moved quote may be, beyond the neighbourhood of `start` (default: the whole text).
   * reanchor passes the text its edit inserted: a passage cannot have moved into unchanged text.
   */
  searchIn?: readonly Span[];
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 'exact': the quote and every given context side match verbatim; otherwise 'fuzzy'. */
  status: 'exact' | 'fuzzy';
  /** Weighted similarity in 0..1 (1 for exact). */
  score: number;
}

// The quote dominates, context separates repeats, and position (the diff already put the anchor
// almost where it belongs) breaks the rest: an edited passage beats an untouched copy far away.
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 10 };
/** Distance from the expected start at which the position term halves. */
const POSITION_SCALE = 256;
/** Lowest score a fuzzy candidate needs. Rejects a merely similar sentence elsewhere. */
const MIN_SCORE = 0.7;
/** An exact quote this long is kept even when its whole context was rewritten. */
const DISTINCTIVE_LENGTH = 16;
/** Edit tolerance near the expected position: a quarter of the quote, capped for long quotes. */
const MAX_ERRORS = 64;
/**
 * Away from the expected position (a moved and edited paragraph) the quote must be closer, an
 * eighth of its length: stronger evidence for a long jump, and verbatim pieces long enough for
 * findApproxIn to skip most of a long text.
 */
const FAR_ERROR_DIVISOR = 8;
/** Exact occurrences scored by context (the nearest to the expected start). */
const MAX_OCCURRENCES = 256;
/** Slack on each side of the expected position for the near search. */
const NEAR = 256;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
}

function similarity(expected: string, actual: string): number {
  const longest = Math.max(expected.length, actual.length);
  return longest === 0 ? 1 : 1 - editDistance(expected, actual) / longest;
}

/**
 * Finds where a quoted passage now sits in a text. Candidates are the verbatim occurrences of the
 * quote and approximate ones (up to a quarter of its length in edits near `start`; an eighth
 * elsewhere, searched only when nothing near is good enough); the winner has the best weighted
 * quote similarity, context similarity and closeness to `start`. It is 'exact' when verbatim and
 * in context. Null when nothing scores well enough.
 */
export function findQuote(text: string, query: QuoteQuery, options: QuoteSearchOptions = {}): QuoteMatch | null {
  const { exact, prefix, suffix, start: hint } = query;
  if (exact.length === 0) return null;
  const distance = (at: number) => (hint === undefined ? 0 : Math.abs(at - hint));
  const inContext = (start: number, end: number) =>
    (prefix === undefined || text.endsWith(prefix, start)) && (suffix === undefined || text.startsWith(suffix, end));

  const occurrences: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) occurrences.push(i);
  occurrences.sort((a, b) => distance(a) - distance(b) || a - b);
  if (hint === undefined) {
    // Without an expected position nothing can beat the first verbatim occurrence in context.
    const first = occurrences.find((at) => inContext(at, at + exact.length));
    if (first !== undefined) return { start: first, end: first + exact.length, status: 'exact', score: 1 };
  }

  const score = (start: number, end: number, errors: number): number => {
    let total = WEIGHT.quote * (1 - errors / exact.length);
    let weights = WEIGHT.quote;
    if (prefix !== undefined) {
      total += WEIGHT.prefix * similarity(prefix, text.slice(Math.max(0, start - prefix.length), start));
      weights += WEIGHT.prefix;
    }
    if (suffix !== undefined) {
      total += WEIGHT.suffix * similarity(suffix, text.slice(end, end + suffix.length));
      weights += WEIGHT.suffix;
    }
    if (hint !== undefined) {
      total += (WEIGHT.position * POSITION_SCALE) / (POSITION_SCALE + distance(start));
      weights += WEIGHT.position;
    }
    return total / weights;
  };
  const acceptable = (c: Candidate) => c.score >= MIN_SCORE || (c.errors === 0 && exact.length >= DISTINCTIVE_LENGTH);

  const candidates: Candidate[] = occurrences
    .slice(0, MAX_OCCURRENCES)
    .map((at) => ({ start: at, end: at + exact.length, errors: 0, score: score(at, at + exact.length, 0) }));
  const add = (matches: Array<{ start: number; end: number; errors: number }>) => {
    for (const m of matches) candidates.push({ ...m, score: score(m.start, m.end, m.errors) });
  };
  const nearErrors = Math.min(MAX_ERRORS, Math.floor(exact.length / 4));
  if (hint !== undefined && nearErrors > 0) {
    const from = Math.max(0, hint - NEAR - nearErrors);
    add(findApprox(text, exact, nearErrors, from, Math.min(text.length, hint + exact.length + nearErrors + NEAR)));
  }
  const farErrors = Math.min(MAX_ERRORS, Math.floor(exact.length / FAR_ERROR_DIVISOR));
  if (farErrors > 0 && !candidates.some(acceptable)) {
    // A match may straddle a span's edge by up to the quote's length plus its errors.
    const margin = exact.length + farErrors;
    const spans: Array<[number, number]> = [];
    for (const [from, to] of options.searchIn ?? [[0, text.length]]) {
      const span: [number, number] = [Math.max(0, from - margin), Math.min(text.length, to + margin)];
      const last = spans[spans.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else spans.push(span);
    }
    add(findApproxIn(text, exact, farErrors, spans));
  }

  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!acceptable(c)) continue;
    if (!best || c.score > best.score || (c.score === best.score && distance(c.start) < distance(best.start))) best = c;
  }
  if (!best) return null;
  if (best.errors === 0 && inContext(best.start, best.end)) {
    return { start: best.start, end: best.end, status: 'exact', score: best.score };
  }
  const range = clampToBoundaries(text, best.start, best.end);
  return { ...range, status: 'fuzzy', score: best.score };
}

import { editDistance, findApprox } from './approx';
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
/** Edit tolerance: a quarter of the quote, capped so long quotes stay cheap to search. */
const MAX_ERRORS = 64;
/** Exact occurrences scored by context (the nearest to the expected start). */
const MAX_OCCURRENCES = 256;
/** Slack around the expected position searched before falling back to the whole text. */
const NEAR = 2048;

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
 * quote and approximate ones (up to a quarter of its length in edits, near `start` first, then
 * anywhere); the winner has the best weighted quote similarity, context similarity and closeness
 * to `start`. It is 'exact' when verbatim and in context. Null when nothing scores well enough.
 */
export function findQuote(text: string, query: QuoteQuery): QuoteMatch | null {
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
  const acceptable = (c: Candidate) =>
    c.score >= MIN_SCORE || (c.errors === 0 && exact.length >= DISTINCTIVE_LENGTH);

  const candidates: Candidate[] = occurrences
    .slice(0, MAX_OCCURRENCES)
    .map((at) => ({ start: at, end: at + exact.length, errors: 0, score: score(at, at + exact.length, 0) }));
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length / 4));
  const addApprox = (from: number, to: number) => {
    for (const m of findApprox(text, exact, maxErrors, from, to)) {
      candidates.push({ ...m, score: score(m.start, m.end, m.errors) });
    }
  };
  if (maxErrors > 0) {
    if (hint !== undefined) {
      addApprox(Math.max(0, hint - NEAR - maxErrors), Math.min(text.length, hint + exact.length + maxErrors + NEAR));
    }
    if (!candidates.some(acceptable)) addApprox(0, text.length);
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

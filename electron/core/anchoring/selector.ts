import { clampToBoundaries, splitsPair } from './offsets';

/** Code units of context kept on each side of a passage (as Hypothesis and the W3C model do). */
export const CONTEXT_LENGTH = 32;

/** A position selector plus a text quote selector for the same range. */
export interface RangeDescription {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** Up to CONTEXT_LENGTH code units before `start`, one fewer rather than half a surrogate pair. */
export function prefixBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, from)) from++;
  return text.slice(from, start);
}

/** Up to CONTEXT_LENGTH code units after `end`, one fewer rather than half a surrogate pair. */
export function suffixAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsPair(text, to)) to--;
  return text.slice(end, to);
}

/**
 * Describes text[start, end) so that it can be found again after the text changes. The range is
 * clamped into the text and widened off surrogate-pair middles, so the returned start and end may
 * differ from the arguments.
 */
export function describeRange(text: string, start: number, end: number): RangeDescription {
  const range = clampToBoundaries(text, start, end);
  return {
    start: range.start,
    end: range.end,
    exact: text.slice(range.start, range.end),
    prefix: prefixBefore(text, range.start),
    suffix: suffixAfter(text, range.end),
  };
}

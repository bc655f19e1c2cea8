import { splitsPair } from '../anchoring/offsets';
import { MarginaliaError } from '../errors';

/** Refuses a passage range that is empty, outside the text, or cuts a character (surrogate pair) in half. */
export function checkRange(text: string, start: number, end: number): void {
  if (!(start < end)) throw new MarginaliaError('invalid-arguments', `A passage must cover at least one character (got ${start}–${end}).`);
  if (end > text.length) {
    throw new MarginaliaError(
      'invalid-arguments',
      `The passage ${start}–${end} ends beyond the article's text (${text.length} characters).`,
    );
  }
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw new MarginaliaError('invalid-arguments', `The passage ${start}–${end} cuts a character in half; select whole characters.`);
  }
}

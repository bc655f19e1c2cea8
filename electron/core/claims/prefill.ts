import type { ClaimPrefill } from '../../shared/claims';
import { splitSentences } from '../text/sentences';
import { findCandidates } from './candidates';
import { parseFigures } from './figures';

export type Prefill = ClaimPrefill;

/** A statement as an analyst writes it: no surrounding quote marks or joining punctuation, capitalised. */
function tidy(text: string): string {
  const trimmed = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s"“”«»„'‘’,;:—–-]+|[\s"“”«»„'‘’,;:—–-]+$/gu, '')
    .trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

function overlap(a: { start: number; end: number }, start: number, end: number): number {
  return Math.max(0, Math.min(a.end, end) - Math.max(a.start, start));
}

/**
 * Prefills a claim made from text[start, end): the statement is the selection (or, for a few
 * words, the candidate claim or sentence around them); kind, speaker and stance come from the
 * attribution found there; the figure is parsed from the statement.
 */
export function prefillClaim(text: string, start: number, end: number): Prefill {
  const candidate = findCandidates(text)
    .filter((c) => overlap(c, start, end) > 0)
    .sort((a, b) => overlap(b, start, end) - overlap(a, start, end))[0];
  const selected = text.slice(start, end);
  let statement = selected;
  if (selected.trim().split(/\s+/).length < 3) {
    const sentence = splitSentences(text).find((s) => s.start <= start && s.end >= end);
    statement =
      candidate && candidate.start <= start && candidate.end >= end
        ? candidate.text
        : sentence
          ? text.slice(sentence.start, sentence.end)
          : selected;
  }
  statement = tidy(statement) || tidy(selected) || selected;
  const figure = parseFigures(statement)[0] ?? null;
  const speaker = candidate?.speaker ?? null;
  return {
    statement,
    kind: figure ? 'statistic' : (candidate?.kind ?? 'other'),
    speaker,
    stance: speaker ? 'attributes' : 'asserts',
    value: figure?.value ?? null,
    unit: figure?.unit ?? null,
    counted: figure?.counted ?? null,
    qualifier: figure?.qualifier ?? null,
  };
}

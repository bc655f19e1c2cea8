import { diffTexts } from './diff';
import { clampToBoundaries } from './offsets';
import { findQuote } from './quote';

export type AnchorStatus = 'exact' | 'fuzzy' | 'orphan';

/** A stored passage anchor: its range in the old text and its quote selector. */
export interface StoredAnchor<Id> {
  id: Id;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Reanchored<Id> {
  id: Id;
  start: number;
  end: number;
  status: AnchorStatus;
}

/**
 * Moves anchors from oldText to its corrected version newText. Each anchor is first carried through
 * the diff; when the text there still reads as the quote it is 'exact'. Otherwise the quote is
 * looked for by content (findQuote): verbatim anywhere, approximately near where the diff put it
 * or in text the edit inserted (where a moved paragraph lands). An anchor found nowhere becomes an
 * 'orphan' that keeps its old offsets, clamped into the new text, so it can still be listed.
 * Callers refresh the stored quote, prefix and suffix of exact and fuzzy anchors (describeRange)
 * and keep the old selector of orphans.
 */
export function reanchor<Id>(oldText: string, newText: string, anchors: ReadonlyArray<StoredAnchor<Id>>): Array<Reanchored<Id>> {
  const offsets = diffTexts(oldText, newText);
  const searchIn = offsets.changedSpans();
  return anchors.map((anchor) => {
    const { id, exact } = anchor;
    // Text inserted at a passage's edges stays outside it; an empty anchor stays put.
    const empty = anchor.start === anchor.end;
    const start = offsets.map(anchor.start, empty ? 'before' : 'after');
    const end = empty ? start : offsets.map(anchor.end, 'before');
    if (start <= end && newText.slice(start, end) === exact) return { id, start, end, status: 'exact' };
    const found = findQuote(newText, { exact, prefix: anchor.prefix, suffix: anchor.suffix, start }, { searchIn });
    if (found) return { id, start: found.start, end: found.end, status: found.status };
    return { id, ...clampToBoundaries(newText, anchor.start, anchor.end), status: 'orphan' };
  });
}

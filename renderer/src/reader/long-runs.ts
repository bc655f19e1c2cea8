/**
 * Chromium lays out a run of combining marks in time quadratic in its length: a million marks on
 * one letter block the reader for minutes. The reader shows the first few marks of such a run and
 * a placeholder for the rest; the article's text is never changed (passages, search and exports
 * use all of it), and DOM offsets skip the hidden part (see dom-offsets.ts).
 */

/** Marks shown on one base character; more than any script needs (Vietnamese stacks two or three). */
export const MARKS_SHOWN = 32;

const LONG_MARK_RUN = new RegExp(`\\p{M}{${MARKS_SHOWN + 1},}`, 'gu');

export interface Piece {
  start: number;
  end: number;
  /** Not laid out: the placeholder says how many marks it stands for. */
  hidden: boolean;
  /** Code points hidden (marks), for the placeholder's words. */
  marks: number;
}

function codePoints(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) < 0xdc00 || run.charCodeAt(i) > 0xdfff) n++;
  return n;
}

/** Splits [start, end) of the text into shown pieces and hidden runs of marks (in text order). */
export function pieces(text: string, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  let at = start;
  const slice = text.slice(start, end);
  LONG_MARK_RUN.lastIndex = 0;
  for (const match of slice.matchAll(LONG_MARK_RUN)) {
    const run = match[0];
    const shown = Array.from(run.slice(0, 2 * MARKS_SHOWN))
      .slice(0, MARKS_SHOWN)
      .join('').length;
    const hideFrom = start + match.index + shown;
    const hideTo = start + match.index + run.length;
    out.push({ start: at, end: hideFrom, hidden: false, marks: 0 });
    out.push({ start: hideFrom, end: hideTo, hidden: true, marks: codePoints(run) - MARKS_SHOWN });
    at = hideTo;
  }
  if (at < end || out.length === 0) out.push({ start: at, end, hidden: false, marks: 0 });
  return out;
}

/** Marks the reader hides in the whole text (0 when every run is short). */
export function hiddenMarks(text: string): number {
  let hidden = 0;
  for (const match of text.matchAll(LONG_MARK_RUN)) hidden += codePoints(match[0]) - MARKS_SHOWN;
  return hidden;
}

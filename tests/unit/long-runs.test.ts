import { describe, expect, it } from 'vitest';
import { hiddenMarks, MARKS_SHOWN, pieces } from '../../renderer/src/reader/long-runs';

describe('runs of combining marks too long to lay out', () => {
  const text = `Zalgo: Z${'\u0336'.repeat(1000)} then q${'\u0301\u0323'.repeat(3)} and H${'\u0300'.repeat(40)}.`;

  it('shows the first marks of each long run and hides the rest; the pieces cover the range in order', () => {
    const parts = pieces(text, 0, text.length);
    expect(parts.map((p) => p.hidden)).toEqual([false, true, false, true, false]);
    expect(parts[0]!.start).toBe(0);
    expect(parts.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBe(parts[i - 1]!.end);
    expect(parts.filter((p) => p.hidden).map((p) => p.marks)).toEqual([1000 - MARKS_SHOWN, 40 - MARKS_SHOWN]);
    expect(text.slice(parts[0]!.start, parts[0]!.end)).toBe(`Zalgo: Z${'\u0336'.repeat(MARKS_SHOWN)}`);
    expect(hiddenMarks(text)).toBe(1000 + 40 - 2 * MARKS_SHOWN);
  });

  it('a range inside a run (a passage boundary there) is split the same way; short runs stay whole', () => {
    const parts = pieces(text, 100, 600);
    expect(parts).toEqual([
      { start: 100, end: 100 + MARKS_SHOWN, hidden: false, marks: 0 },
      { start: 100 + MARKS_SHOWN, end: 600, hidden: true, marks: 500 - MARKS_SHOWN },
    ]);
    expect(pieces('q\u0301\u0323 plain', 0, 9)).toEqual([{ start: 0, end: 9, hidden: false, marks: 0 }]);
    expect(hiddenMarks('nothing long here')).toBe(0);
  });
});

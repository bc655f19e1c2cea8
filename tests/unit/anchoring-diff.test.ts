import { describe, expect, it } from 'vitest';
import { diffTexts, myersRuns } from '../../electron/core/anchoring/diff';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Longest common subsequence length, the quantity a minimal diff keeps. */
function lcs(a: number[], b: number[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (let j = 1; j <= b.length; j++) next.push(x === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!));
    row = next;
  }
  return row[b.length]!;
}

describe('myersRuns', () => {
  it('finds a longest common subsequence as ordered runs of equal items', () => {
    const next = random(3);
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 4));
      const b = Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 4));
      const runs = myersRuns(a, b, 1000);
      expect(runs).not.toBeNull();
      let kept = 0;
      let [lastA, lastB] = [0, 0];
      for (let i = 0; i < runs!.length; i += 3) {
        const [ai, bi, length] = [runs![i]!, runs![i + 1]!, runs![i + 2]!];
        expect(ai).toBeGreaterThanOrEqual(lastA);
        expect(bi).toBeGreaterThanOrEqual(lastB);
        expect(a.slice(ai, ai + length)).toEqual(b.slice(bi, bi + length));
        [lastA, lastB] = [ai + length, bi + length];
        kept += length;
      }
      expect(kept).toBe(lcs(a, b));
    }
  });

  it('gives up beyond the edit budget', () => {
    expect(myersRuns([1, 2, 3], [4, 5, 6], 5)).toBeNull();
    expect(myersRuns([1, 2, 3], [4, 5, 6], 6)).toEqual([]);
  });
});

describe('diffTexts', () => {
  const old = 'First paragraph here.\n\nSecond paragraph, which we edit.\n\nThird paragraph.';

  it('shifts offsets after an insertion and keeps them before it', () => {
    const map = diffTexts(old, 'NEW ' + old);
    expect(map.map(0, 'after')).toBe(4);
    expect(map.map(0, 'before')).toBe(0);
    expect(map.map(10, 'before')).toBe(14);
    const appended = diffTexts(old, old + ' END');
    expect(appended.map(old.length, 'before')).toBe(old.length);
    expect(appended.map(old.length, 'after')).toBe(old.length + 4);
  });

  it('maps offsets around several edits in different paragraphs', () => {
    const edited = old.replace('First', 'The first').replace('we edit', 'we corrected').replace('Third', '3rd');
    const map = diffTexts(old, edited);
    for (const word of ['paragraph here', 'Second paragraph', 'which', 'paragraph.']) {
      const at = old.indexOf(word);
      const mapped = map.map(at, 'after');
      expect(edited.slice(mapped, mapped + word.length)).toBe(word);
    }
  });

  it('sends offsets inside deleted text to the edges of the gap', () => {
    const deleted = old.replace('Second paragraph, which we edit.\n\n', '');
    const map = diffTexts(old, deleted);
    const inside = old.indexOf('which');
    expect(map.map(inside, 'before')).toBe(old.indexOf('Second'));
    expect(map.map(inside, 'after')).toBe(old.indexOf('Second'));
    expect(map.map(old.indexOf('Third'), 'after')).toBe(deleted.indexOf('Third'));
  });

  it('lists the spans of the new text that the edits produced', () => {
    const edited = 'NEW ' + old.replace('we edit', 'we ALSO edit').replace('\n\nThird paragraph.', '');
    const spans = diffTexts(old, edited).changedSpans();
    expect(spans.map(([from, to]) => edited.slice(from, to))).toEqual(['NEW ', 'ALSO ', '']);
    expect(diffTexts(old, old).changedSpans()).toEqual([]);
  });

  it('maps correctly when the edit touches the first character or a leading line break', () => {
    expect(diffTexts('\nabc', 'Xabc').map(1, 'after')).toBe(1);
    expect(diffTexts('\nabc', 'Xabc').map(0, 'before')).toBe(0);
    const map = diffTexts('abc\ndef', 'abc\nXdef');
    expect(map.map(4, 'after')).toBe(5);
    expect(map.map(4, 'before')).toBe(4);
  });

  it('keeps unchanged lines aligned when paragraphs are reordered', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i} says something unique ${i * 7}.`);
    const oldText = lines.join('\n');
    const moved = [...lines.slice(0, 50), ...lines.slice(51, 150), lines[50]!, ...lines.slice(150)].join('\n');
    const map = diffTexts(oldText, moved);
    for (const i of [0, 49, 120, 199]) {
      const at = oldText.indexOf(lines[i]!);
      expect(moved.slice(map.map(at, 'after')).startsWith(lines[i]!)).toBe(true);
    }
  });
});

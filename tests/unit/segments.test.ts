import { describe, expect, it } from 'vitest';
import type { Block } from '../../electron/shared/article';
import { segmentBlocks, type PassageRange, type Segment } from '../../renderer/src/reader/segments';

// Three paragraphs: [0,10) [12,22) [24,34), separated by "\n\n".
const text = 'aaaaaaaaaa\n\nbbbbbbbbbb\n\ncccccccccc';
const blocks: Block[] = [
  { kind: 'paragraph', start: 0, end: 10 },
  { kind: 'paragraph', start: 12, end: 22 },
  { kind: 'paragraph', start: 24, end: 34 },
];

const flat = (segments: Segment[]) => segments.map((s) => [s.start, s.end, s.passageIds]);

describe('segmentBlocks', () => {
  it('gives one uncovered segment per block when there are no passages', () => {
    const { blocks: out, starts } = segmentBlocks(text, blocks, []);
    expect(out.map(flat)).toEqual([[[0, 10, []]], [[12, 22, []]], [[24, 34, []]]]);
    expect(starts.size).toBe(0);
  });

  it('handles empty input', () => {
    expect(segmentBlocks('', [], [])).toEqual({ blocks: [], starts: new Map() });
    expect(segmentBlocks('', [{ kind: 'paragraph', start: 0, end: 0 }], [{ id: 1, start: 0, end: 5 }]).blocks).toEqual([[]]);
  });

  it('splits overlapping passages into shared and own parts', () => {
    const { blocks: out, starts } = segmentBlocks(text, blocks, [
      { id: 1, start: 2, end: 6 },
      { id: 2, start: 4, end: 9 },
    ]);
    expect(flat(out[0]!)).toEqual([
      [0, 2, []],
      [2, 4, [1]],
      [4, 6, [1, 2]],
      [6, 9, [2]],
      [9, 10, []],
    ]);
    expect(starts.get(1)).toEqual({ block: 0, segment: 1 });
    expect(starts.get(2)).toEqual({ block: 0, segment: 2 });
  });

  it('orders nested passages outer first, and identical ranges by id', () => {
    const { blocks: out } = segmentBlocks(text, blocks, [
      { id: 7, start: 3, end: 5 },
      { id: 5, start: 1, end: 8 },
      { id: 9, start: 3, end: 5 },
      { id: 6, start: 3, end: 5 },
    ]);
    expect(flat(out[0]!)).toEqual([
      [0, 1, []],
      [1, 3, [5]],
      [3, 5, [5, 6, 7, 9]],
      [5, 8, [5]],
      [8, 10, []],
    ]);
  });

  it('splits a passage across the blocks it spans and places it where it begins', () => {
    const { blocks: out, starts } = segmentBlocks(text, blocks, [
      { id: 1, start: 5, end: 27 },
      { id: 2, start: 10, end: 13 }, // starts on the blank line between blocks
      { id: 3, start: 22, end: 24 }, // covers only the blank line: invisible
    ]);
    expect(flat(out[0]!)).toEqual([
      [0, 5, []],
      [5, 10, [1]],
    ]);
    expect(flat(out[1]!)).toEqual([
      [12, 13, [1, 2]],
      [13, 22, [1]],
    ]);
    expect(flat(out[2]!)).toEqual([
      [24, 27, [1]],
      [27, 34, []],
    ]);
    expect(starts.get(1)).toEqual({ block: 0, segment: 1 });
    expect(starts.get(2)).toEqual({ block: 1, segment: 0 });
    expect(starts.has(3)).toBe(false);
  });

  it('ignores zero-length passages and clamps passages into the text', () => {
    const { blocks: out, starts } = segmentBlocks(text, blocks, [
      { id: 1, start: 4, end: 4 },
      { id: 2, start: 30, end: 99 },
      { id: 3, start: -5, end: 2 },
    ]);
    expect(flat(out[0]!)).toEqual([
      [0, 2, [3]],
      [2, 10, []],
    ]);
    expect(flat(out[2]!)).toEqual([
      [24, 30, []],
      [30, 34, [2]],
    ]);
    expect(starts.has(1)).toBe(false);
  });

  it('accepts blocks out of order', () => {
    const reversed = [...blocks].reverse();
    const { blocks: out, starts } = segmentBlocks(text, reversed, [{ id: 1, start: 8, end: 14 }]);
    expect(flat(out[2]!)).toEqual([
      [0, 8, []],
      [8, 10, [1]],
    ]);
    expect(flat(out[1]!)).toEqual([
      [12, 14, [1]],
      [14, 22, []],
    ]);
    expect(starts.get(1)).toEqual({ block: 2, segment: 1 });
  });

  it('matches a brute-force computation on random passages', () => {
    let seed = 1234;
    const next = (n: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return Math.floor((seed / 4294967296) * n);
    };
    for (let round = 0; round < 120; round++) {
      const length = 1 + next(300);
      const randomBlocks: Block[] = [];
      for (let at = next(5); at < length;) {
        const end = Math.min(length, at + next(40));
        randomBlocks.push({ kind: 'paragraph', start: at, end });
        at = end + next(4);
      }
      const passages: PassageRange[] = Array.from({ length: next(60) }, (_, id) => {
        const start = next(length + 10) - 5;
        return { id, start, end: start + next(80) };
      });
      const { blocks: out, starts } = segmentBlocks('x'.repeat(length), randomBlocks, passages);
      const rank = (id: number) => {
        const p = passages[id]!;
        return [Math.max(0, p.start), -Math.min(length, p.end), id];
      };
      const firstSeen = new Map<number, { block: number; segment: number }>();
      randomBlocks.forEach((block, b) => {
        const segments = out[b]!;
        // Exact, contiguous cover of the block.
        let at = block.start;
        for (const segment of segments) {
          expect(segment.start).toBe(at);
          expect(segment.end).toBeGreaterThan(segment.start);
          at = segment.end;
        }
        expect(at).toBe(block.end);
        segments.forEach((segment, s) => {
          for (let offset = segment.start; offset < segment.end; offset++) {
            const covering = passages
              .filter((p) => p.start <= offset && offset < p.end)
              .map((p) => p.id)
              .sort((x, y) => {
                const [a, b] = [rank(x), rank(y)];
                return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
              });
            expect(segment.passageIds).toEqual(covering);
          }
          for (const id of segment.passageIds) if (!firstSeen.has(id)) firstSeen.set(id, { block: b, segment: s });
        });
      });
      expect(starts).toEqual(firstSeen);
    }
  });
});

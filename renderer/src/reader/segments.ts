/**
 * Splits an article's blocks into runs of text covered by the same set of passages, so the reader
 * renders each block as a flat list of spans however passages overlap, nest or cross blocks.
 *
 * One sweep over the passage boundaries: O((b + p) log p) plus the size of the output.
 * Zero-length passages (and passages lying wholly outside the text) are ignored: they cover no
 * text, so they get no segment and no entry in `starts`. The same holds for passages that only
 * cover text between blocks (the blank lines separating them).
 */
import type { Block } from '../../../electron/shared/article';

export interface PassageRange {
  id: number;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Passages covering the segment, by start, then longer first, then id: stable nesting depth. */
  passageIds: number[];
}

export interface PassageStart {
  block: number;
  segment: number;
}

export interface Segmentation {
  /** Per block (same order as the input), segments covering exactly [block.start, block.end). */
  blocks: Segment[][];
  /** Per passage id: the block and segment where it first appears, for margin placement. */
  starts: Map<number, PassageStart>;
}

/** Blocks must not overlap; they may come in any order. */
export function segmentBlocks(text: string, blocks: readonly Block[], passages: readonly PassageRange[]): Segmentation {
  const clamp = (n: number) => Math.min(text.length, Math.max(0, n));
  // Rank order = display order; adding passages in this order keeps the active list sorted.
  const ranked = passages
    .map((p) => ({ id: p.id, start: clamp(p.start), end: clamp(p.end) }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const byEnd = ranked.map((_, rank) => rank).sort((a, b) => ranked[a]!.end - ranked[b]!.end);

  const active: number[] = [];
  const isActive = new Uint8Array(ranked.length);
  let pending: number[] = [];
  let nextStart = 0;
  let nextEnd = 0;

  const advanceTo = (pos: number) => {
    while (nextEnd < byEnd.length && ranked[byEnd[nextEnd]!]!.end <= pos) {
      const rank = byEnd[nextEnd++]!;
      if (!isActive[rank]) continue;
      isActive[rank] = 0;
      active.splice(indexOfRank(active, rank), 1);
    }
    while (nextStart < ranked.length && ranked[nextStart]!.start <= pos) {
      const rank = nextStart++;
      if (ranked[rank]!.end <= pos) continue;
      isActive[rank] = 1;
      active.push(rank);
      pending.push(rank);
    }
  };

  const out: Segment[][] = blocks.map(() => []);
  const starts = new Map<number, PassageStart>();
  const order = blocks.map((_, i) => i).sort((a, b) => blocks[a]!.start - blocks[b]!.start);
  for (const index of order) {
    const block = blocks[index]!;
    const segments = out[index]!;
    let pos = block.start;
    advanceTo(pos);
    while (pos < block.end) {
      const next = Math.min(
        block.end,
        ranked[nextStart]?.start ?? Infinity,
        nextEnd < byEnd.length ? ranked[byEnd[nextEnd]!]!.end : Infinity,
      );
      for (const rank of pending) {
        if (isActive[rank] && !starts.has(ranked[rank]!.id)) {
          starts.set(ranked[rank]!.id, { block: index, segment: segments.length });
        }
      }
      pending = [];
      segments.push({ start: pos, end: next, passageIds: active.map((rank) => ranked[rank]!.id) });
      pos = next;
      advanceTo(pos);
    }
  }
  return { blocks: out, starts };
}

function indexOfRank(sorted: readonly number[], rank: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

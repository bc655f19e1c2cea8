import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { useCommand } from '../client/queries';

interface Options {
  articleId: number;
  /** The search the reader was opened from (Ctrl+K or the article filter); null for none. */
  query: string | null;
  body: RefObject<HTMLElement | null>;
  /** Blocks mounted so far, and how to mount more (a hit far down a long article). */
  mounted: number;
  blockOf(offset: number): number;
  mountThrough(index: number): void;
  /** Whether to go to the first hit when they arrive (not when a passage was asked for). */
  goToFirst: boolean;
}

export interface SearchHits {
  query: string | null;
  count: number;
  /** Index of the current hit, -1 before the first F3. */
  current: number;
  next(): void;
  previous(): void;
  clear(): void;
}

const ALL = 'search-hit';
const CURRENT = 'search-hit-current';

/** The runs of article text in the reader (see dom-offsets.ts), in text order. */
function runs(body: HTMLElement): HTMLElement[] {
  return [...body.querySelectorAll<HTMLElement>('[data-start]')];
}

/** The DOM point of a text offset: the run holding it (binary search over the runs' starts). */
function pointAt(list: HTMLElement[], offset: number, end: boolean): { node: Node; offset: number } | null {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = Number(list[mid]!.dataset.start);
    if (start < offset || (!end && start === offset)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const run = list[found];
  const node = run?.firstChild;
  if (!run || !node) return null;
  const within = offset - Number(run.dataset.start);
  return within <= (node.textContent ?? '').length ? { node, offset: within } : null;
}

function domRange(list: HTMLElement[], start: number, end: number): Range | null {
  const from = pointAt(list, start, false);
  const to = pointAt(list, end, true);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * The search's hits in the open article: all marked with the CSS Custom Highlight API (no DOM of
 * their own, so passages' marks and selection work as before), the current one marked apart;
 * next/previous (F3 / Shift+F3) move through them, mounting and scrolling as needed.
 */
export function useSearchHits({ articleId, query, body, mounted, blockOf, mountThrough, goToFirst }: Options): SearchHits {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const active = query !== null && query.trim() !== '' && dismissed !== query ? query : null;
  const result = useCommand('search.articleHits', { query: active ?? '', articleId }, { enabled: active !== null });
  const ranges = useMemo(() => (active !== null && result.data?.query === active ? result.data.ranges : []), [active, result.data]);
  // New hits start at the first (or before it): state derived from the previous render's hits.
  const start = goToFirst && ranges.length > 0 ? 0 : -1;
  const [position, setPosition] = useState({ ranges, current: start });
  if (position.ranges !== ranges) setPosition({ ranges, current: start });
  const current = position.ranges === ranges ? position.current : start;

  // Paint every mounted hit; repainted as more blocks mount.
  useEffect(() => {
    const root = body.current;
    if (!root || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const list = runs(root);
    const all = new Highlight();
    const here = new Highlight();
    ranges.forEach((hit, i) => {
      const range = domRange(list, hit.start, hit.end);
      if (range) (i === current ? here : all).add(range);
    });
    CSS.highlights.set(ALL, all);
    CSS.highlights.set(CURRENT, here);
    return () => {
      CSS.highlights.delete(ALL);
      CSS.highlights.delete(CURRENT);
    };
  }, [ranges, current, mounted, body]);

  // The current hit on screen: its block mounted first, then scrolled to the middle.
  const target = ranges[current];
  const targetBlock = target ? blockOf(target.start) : -1;
  useEffect(() => {
    if (!target) return;
    if (targetBlock >= mounted) {
      mountThrough(targetBlock);
      return;
    }
    const root = body.current;
    const point = root ? pointAt(runs(root), target.start, false) : null;
    point?.node.parentElement?.scrollIntoView({ block: 'center' });
  }, [target, targetBlock, mounted, mountThrough, body]);

  const step = useCallback(
    (by: number) =>
      setPosition((p) => {
        const n = p.ranges.length;
        if (n === 0) return p;
        const from = p.current < 0 && by < 0 ? 0 : p.current;
        return { ...p, current: (((from + by) % n) + n) % n };
      }),
    [],
  );
  return {
    query: active,
    count: ranges.length,
    current,
    next: () => step(1),
    previous: () => step(-1),
    clear: () => setDismissed(query),
  };
}

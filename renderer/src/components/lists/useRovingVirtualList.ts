import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';

/** How long a row asked for focus may take to appear (a new tag arrives with the next refetch). */
const FOCUS_PATIENCE_MS = 3000;

interface Options<K> {
  count: number;
  rowHeight: number;
  overscan: number;
  /** The row holding the list's one tab stop: it stays rendered even when scrolled away. */
  activeIndex: number;
  /** Where the row a key names is now (-1: not in the list, or not yet). */
  indexOf(key: K): number;
  /** The DOM id of a row, to focus it. */
  elementId(key: K): string;
  /** Space above the rows inside the scroller (a sticky header row). */
  scrollMargin?: number;
}

/**
 * A virtualised list with a roving tab stop (ARIA listbox, tree and grid): one row is tabbable,
 * arrows, Page Up/Down, Home and End move it, and focus follows it into rows not yet rendered.
 */
export function useRovingVirtualList<K>({ count, rowHeight, overscan, activeIndex, indexOf, elementId, scrollMargin }: Options<K>) {
  const scroller = useRef<HTMLDivElement>(null);
  const active = useRef(activeIndex);
  active.current = activeIndex;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    ...(scrollMargin ? { scrollMargin, scrollPaddingStart: scrollMargin } : {}),
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const keep = active.current;
      if (keep >= 0 && keep < range.count && !indexes.includes(keep)) {
        indexes.push(keep);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });

  const pending = useRef<{ key: K; until: number } | null>(null);
  /** Scrolls to a row and focuses it once it is rendered. */
  const focusRow = useCallback((key: K) => {
    pending.current = { key, until: performance.now() + FOCUS_PATIENCE_MS };
  }, []);
  const cancelFocus = useCallback(() => {
    pending.current = null;
  }, []);
  const focusPending = useCallback(() => pending.current !== null, []);

  useEffect(() => {
    const wanted = pending.current;
    if (!wanted) return;
    if (performance.now() > wanted.until) {
      pending.current = null;
      return;
    }
    const index = indexOf(wanted.key);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const element = document.getElementById(elementId(wanted.key));
      if (element) {
        pending.current = null;
        element.focus({ preventScroll: true });
      } else if (tries++ < 5) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });

  /** Rows a Page Up/Down moves by: one screen less one row. */
  const pageSize = () => Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
  /** The row a navigation key moves to, or null when the key is not one. */
  const targetOf = (key: string, from: number): number | null => navigationTarget(key, from, count, pageSize());

  return { scroller, virtualizer, focusRow, cancelFocus, focusPending, targetOf };
}

/** Arrow, Page and Home/End keys as a row index within [0, count), or null for any other key. */
export function navigationTarget(key: string, from: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const step: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0 };
  const to = key === 'End' ? count - 1 : step[key];
  return to === undefined ? null : Math.max(0, Math.min(count - 1, to));
}

import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';

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
  /** The role of the rows that take focus (keys pressed elsewhere in the list are not the list's). */
  rowRole: 'treeitem' | 'row' | 'option';
  /** Moves the tab stop to a row and focuses it (the caller keeps which row is active). */
  onMove(index: number): void;
  /** Tree rows: Right opens or enters, Left closes or goes to the parent, * opens the siblings. */
  tree?: TreeKeys;
  /** Type-ahead: a row's name, so typing its first letters moves there. */
  nameAt?(index: number): string | undefined;
}

export interface TreeKeys {
  hasChildren(index: number): boolean;
  isExpanded(index: number): boolean;
  /** Whether Left may close a row (not while a filter shows every match open). */
  canCollapse: boolean;
  parentIndex(index: number): number;
  setExpanded(index: number, open: boolean): void;
  expandSiblings(index: number): void;
}

const TYPEAHEAD_PAUSE_MS = 700;

/**
 * A virtualised list with a roving tab stop (ARIA listbox, tree and grid): one row is tabbable,
 * arrows, Page Up/Down, Home and End move it, and focus follows it into rows not yet rendered.
 */
export function useRovingVirtualList<K>(options: Options<K>) {
  const { count, rowHeight, overscan, activeIndex, indexOf, elementId, scrollMargin } = options;
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
  const typed = useRef({ text: '', at: 0 });

  /** The list's own keys (the ARIA pattern's): anything else goes on to the action registry. */
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const from = activeIndex;
    if (event.ctrlKey || event.metaKey || event.altKey || count === 0) return;
    if (!(event.target as Element).matches(`[role="${options.rowRole}"]`)) return;
    const to = navigationTarget(event.key, from, count, pageSize()) ?? treeTarget(event.key, from) ?? typeaheadTarget(event.key, from);
    if (to === undefined) return;
    event.preventDefault();
    if (to !== null) options.onMove(to);
  };

  /** Right, Left and * in a tree: a row to move to, null when the key acted in place, undefined when not a tree key. */
  const treeTarget = (key: string, from: number): number | null | undefined => {
    const tree = options.tree;
    if (!tree) return undefined;
    if (key === 'ArrowRight') {
      if (tree.hasChildren(from) && !tree.isExpanded(from)) tree.setExpanded(from, true);
      else if (tree.isExpanded(from)) return Math.min(count - 1, from + 1);
      return null;
    }
    if (key === 'ArrowLeft') {
      if (tree.isExpanded(from) && tree.canCollapse) tree.setExpanded(from, false);
      else if (tree.parentIndex(from) >= 0) return tree.parentIndex(from);
      return null;
    }
    if (key === '*') {
      tree.expandSiblings(from);
      return null;
    }
    return undefined;
  };

  /** Letters and digits jump to the next row whose name starts with what was typed (a pause starts over). */
  const typeaheadTarget = (key: string, from: number): number | undefined => {
    const nameAt = options.nameAt;
    if (!nameAt || key.length !== 1 || !/[\p{L}\p{N}]/u.test(key)) return undefined;
    const now = performance.now();
    const t = typed.current;
    t.text = now - t.at > TYPEAHEAD_PAUSE_MS ? key.toLocaleLowerCase() : t.text + key.toLocaleLowerCase();
    t.at = now;
    const start = t.text.length === 1 ? from + 1 : from;
    for (let i = 0; i < count; i++) {
      const index = (start + i) % count;
      if (nameAt(index)?.toLocaleLowerCase().startsWith(t.text)) return index;
    }
    return from;
  };

  return { scroller, virtualizer, focusRow, onKeyDown };
}

/** Arrow, Page and Home/End keys as a row index within [0, count), or null for any other key. */
export function navigationTarget(key: string, from: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const step: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0 };
  const to = key === 'End' ? count - 1 : step[key];
  return to === undefined ? null : Math.max(0, Math.min(count - 1, to));
}

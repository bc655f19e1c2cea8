import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { SearchKind } from '../../../../electron/shared/types';
import { plural } from '../../../../electron/shared/counts';
import { HitView, type Hit } from './HitView';

/** A row of the results: a hit, or "All 27 articles" (opens that kind's tab). */
export type Item = Hit | { kind: 'more'; key: string; of: SearchKind; count: number };

const GROUPS: Array<{ kinds: Item['kind'][]; of: SearchKind; label: string }> = [
  { kinds: ['article'], of: 'articles', label: 'Articles' },
  { kinds: ['passage'], of: 'passages', label: 'Passages' },
  { kinds: ['note'], of: 'notes', label: 'Notes' },
  { kinds: ['claim'], of: 'claims', label: 'Claims' },
  { kinds: ['memo'], of: 'memos', label: 'Memos' },
];
const NOUN: Record<SearchKind, string> = { articles: 'article', passages: 'passage', notes: 'note', claims: 'claim', memos: 'memo' };

interface Common {
  listId: string;
  optionId(item: Item): string;
  canOpen(item: Item): boolean;
  onOpen(item: Item): void;
}

function Option({ item, selected, common, onHover }: { item: Item; selected: boolean; common: Common; onHover(): void }) {
  return (
    <div
      id={common.optionId(item)}
      role="option"
      aria-selected={selected}
      aria-disabled={!common.canOpen(item) || undefined}
      className={item.kind === 'more' ? 'palette-option palette-more' : 'palette-option'}
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={() => !selected && onHover()}
      onClick={() => common.onOpen(item)}
    >
      {item.kind === 'more' ? `All ${plural(item.count, NOUN[item.of])} ›` : <HitView hit={item} />}
    </div>
  );
}

/** "All": the first hits of each kind under its heading, and a row to see every one of them. */
export function GroupedResults(props: Common & { items: Item[]; active: Item | undefined; pending: boolean; onActive(item: Item): void }) {
  const { items, active, pending } = props;
  const list = useRef<HTMLDivElement>(null);
  // While the next results load, the list keeps its height (empty, never the older query's hits).
  const lastHeight = useRef(0);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    if (!pending) lastHeight.current = element.offsetHeight;
    element.style.minHeight = pending ? `${lastHeight.current}px` : '';
  });
  const activeOptionId = active ? props.optionId(active) : null;
  useEffect(() => {
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView({ block: 'nearest' });
  }, [activeOptionId]);
  return (
    <div ref={list} id={props.listId} role="listbox" aria-label="Results" className="palette-results">
      {GROUPS.map(({ kinds, of, label }) => {
        const members = items.filter((item) => kinds.includes(item.kind) || (item.kind === 'more' && item.of === of));
        if (members.length === 0) return null;
        const labelId = `${props.listId}-${of}`;
        return (
          <div key={of} role="group" aria-labelledby={labelId} className="palette-group">
            <div id={labelId} className="palette-group-label" role="presentation">
              {label}
            </div>
            {members.map((item) => (
              <Option key={item.key} item={item} selected={item === active} common={props} onHover={() => props.onActive(item)} />
            ))}
          </div>
        );
      })}
    </div>
  );
}

/** One kind's tab: every hit, fetched page by page as the list scrolls (or the arrows go) near its end. */
export function KindResults(
  props: Common & {
    label: SearchKind;
    count: number;
    itemAt(index: number): Item | undefined;
    active: number;
    onActive(index: number): void;
    onShow(lastIndex: number): void;
  },
) {
  const { count, itemAt, active, onShow } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => 68, overscan: 6 });
  const rows = virtualizer.getVirtualItems();
  const last = Math.max(rows.at(-1)?.index ?? 0, active);
  useEffect(() => onShow(last), [last, onShow]);
  useEffect(() => {
    if (active >= 0) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, virtualizer]);
  return (
    <div ref={scroller} id={props.listId} role="listbox" aria-label="Results" className="palette-results palette-paged">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const item = itemAt(row.index);
          return (
            <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} className="palette-row" style={{ top: row.start }}>
              {item ? (
                <Option item={item} selected={row.index === active} common={props} onHover={() => props.onActive(row.index)} />
              ) : (
                <div className="palette-option muted" role="option" aria-selected={false} aria-disabled>
                  Loading…
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

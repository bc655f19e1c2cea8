import type { KeyboardEvent } from 'react';
import type { SearchCounts, SearchKind } from '../../../../electron/shared/types';
import { formatCount } from '../../../../electron/shared/counts';

export type Tab = 'all' | SearchKind;

const TABS: Array<{ tab: Tab; label: string }> = [
  { tab: 'all', label: 'All' },
  { tab: 'articles', label: 'Articles' },
  { tab: 'passages', label: 'Passages' },
  { tab: 'notes', label: 'Notes' },
  { tab: 'claims', label: 'Claims' },
  { tab: 'memos', label: 'Memos' },
];

/** All, or one kind of hit with its true count: a tab list (one Tab stop, ← → between tabs). */
export function KindTabs({ counts, tab, listId, onTab }: { counts: SearchCounts; tab: Tab; listId: string; onTab(tab: Tab): void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.tab === tab);
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    onTab(next.tab);
    event.currentTarget.querySelector<HTMLElement>(`[data-tab="${next.tab}"]`)?.focus();
  };
  return (
    <div className="palette-tabs" role="tablist" aria-label="Kinds of hits" onKeyDown={onKeyDown}>
      {TABS.map(({ tab: t, label }) => (
        <button
          key={t}
          type="button"
          role="tab"
          data-tab={t}
          aria-selected={t === tab}
          aria-controls={listId}
          tabIndex={t === tab ? 0 : -1}
          className="palette-tab"
          onClick={() => onTab(t)}
        >
          {label}
          {t === 'all' ? null : <span className="palette-tab-count"> {formatCount(counts[t])}</span>}
        </button>
      ))}
    </div>
  );
}

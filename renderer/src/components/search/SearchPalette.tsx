import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import type { SearchKind, SearchResults } from '../../../../electron/shared/types';
import { plural } from '../../../../electron/shared/counts';
import { useCommand } from '../../client/queries';
import { PaletteFrame } from '../PaletteFrame';
import { type Hit } from './HitView';
import { KindTabs, type Tab } from './KindTabs';
import { GroupedResults, KindResults, type Item } from './PaletteResults';
import { SearchHelp } from './SearchHelp';
import { useSearchPages } from './useSearchPages';

interface Props {
  open: boolean;
  onClose(): void;
  /** Opens a result; the query goes along, so the reader marks its hits. */
  onOpenArticle(articleId: number, query: string): void;
  onOpenPassage(articleId: number, passageId: number, query: string): void;
  /** Claims open where the claims view is; without it, claim results are listed but not openable. */
  onOpenClaim?(claimId: number): void;
  /** "Code hits…": tag the sentences or paragraphs around the hits of this query. */
  onCodeHits(query: string): void;
  /** Opens the memo of an article, or of the library (null). */
  onOpenMemo(articleId: number | null, about: string): void;
}

const DEBOUNCE_MS = 100;
/** Hits of each kind shown under "All"; a kind's tab pages through every one of them. */
const FIRST = 5;

const KINDS: SearchKind[] = ['articles', 'passages', 'notes', 'claims', 'memos'];
const KIND_OF_HIT: Record<SearchKind, Hit['kind']> = {
  articles: 'article',
  passages: 'passage',
  notes: 'note',
  claims: 'claim',
  memos: 'memo',
};
const PREFIX: Record<SearchKind, string> = { articles: 'a', passages: 'p', notes: 'n', claims: 'c', memos: 'm' };

function itemsOf(results: SearchResults): Item[] {
  const items: Item[] = [];
  for (const kind of KINDS) {
    for (const hit of results[kind]) items.push({ kind: KIND_OF_HIT[kind], key: `${PREFIX[kind]}${hit.id}`, hit } as Hit);
    if (results.counts[kind] > results[kind].length)
      items.push({ kind: 'more', key: `more-${kind}`, of: kind, count: results.counts[kind] });
  }
  return items;
}

/** Ctrl+K: search over articles, passages, notes, claims and memos, with the true count of each; a kind's tab loads its hits as it scrolls. */
export function SearchPalette(props: Props) {
  return props.open ? <Palette {...props} /> : null;
}

function Palette({ onClose, onOpenArticle, onOpenPassage, onOpenClaim, onCodeHits, onOpenMemo }: Props) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const helpId = `${baseId}-help`;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [tab, setTab] = useState<Tab>('all');
  const [picked, setPicked] = useState<{ of: unknown; index: number }>({ of: null, index: 0 });
  /** Enter pressed before the results for the typed text arrived: open the first one when they do. */
  const openWhenReady = useRef(false);

  const typed = text.trim();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), typed ? DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [typed]);

  const results = useCommand('search.query', { query, limit: FIRST }, { enabled: query !== '', placeholderData: keepPreviousData });
  // Results count only when they answer exactly what is typed now: never an older query's.
  const current = results.data && results.data.query === typed && typed !== '' && !results.isPlaceholderData ? results.data : null;
  const pending = typed !== '' && current === null && !results.isError;
  const kind = tab === 'all' ? 'articles' : tab;
  const pages = useSearchPages(current ? current.query : '', kind, tab !== 'all' && current !== null);

  const grouped = useMemo(() => (current ? itemsOf(current) : []), [current]);
  const count = tab === 'all' ? grouped.length : current ? current.counts[tab] : 0;
  // New results (or another tab) start at their first hit.
  const selection = tab === 'all' ? current : `${tab}:${current?.query}`;
  const active = Math.min(picked.of === selection ? picked.index : 0, count - 1);
  const setActive = (index: number) => setPicked({ of: selection, index });
  const itemAt = (index: number): Item | undefined => {
    if (tab === 'all') return grouped[index];
    const hit = pages.hits[index];
    return hit ? ({ kind: KIND_OF_HIT[tab], key: `${PREFIX[tab]}${hit.id}`, hit } as Hit) : undefined;
  };
  const activeItem = active >= 0 ? itemAt(active) : undefined;
  const optionId = (item: Item) => `${baseId}-${item.key}`;

  const canOpen = (item: Item) => item.kind !== 'claim' || onOpenClaim !== undefined;
  const openHit = (item: Hit) => {
    if (!canOpen(item) || !current) return;
    onClose();
    if (item.kind === 'article') onOpenArticle(item.hit.id, current.query);
    else if (item.kind === 'passage' || item.kind === 'note') onOpenPassage(item.hit.articleId, item.hit.id, current.query);
    else if (item.kind === 'memo') onOpenMemo(item.hit.articleId, item.hit.articleTitle ?? 'the library');
    else onOpenClaim?.(item.hit.id);
  };
  // "All 27 articles ›" opens that kind's tab.
  const openItem = (item: Item) => (item.kind === 'more' ? setTab(item.of) : openHit(item));

  // Opening reads the latest props and query, but it is the results arriving that runs it.
  const openFirstHit = useEffectEvent((items: Item[]) => {
    const first = items.find((item): item is Hit => item.kind !== 'more' && canOpen(item));
    if (first) openHit(first);
  });
  useEffect(() => {
    if (!openWhenReady.current || !current) return;
    openWhenReady.current = false;
    openFirstHit(grouped);
  }, [current, grouped]);

  let status: string;
  if (!typed) status = 'Search articles, passages, notes, claims and memos. ↑↓ to move, Enter to open, Esc to close.';
  else if (results.isError) status = '';
  else if (pending) status = 'Searching…';
  else if (current && Object.values(current.counts).every((n) => n === 0)) status = `Nothing matches “${typed}”.`;
  else {
    const c = current as SearchResults;
    status = [
      plural(c.counts.articles, 'article'),
      plural(c.counts.passages, 'passage'),
      plural(c.counts.notes, 'note'),
      plural(c.counts.claims, 'claim'),
      plural(c.counts.memos, 'memo'),
    ].join(', ');
  }

  // What both lists of results (all kinds grouped, or one kind's tab) are given alike.
  const lists = { listId, optionId, canOpen, onOpen: openItem };
  return (
    <PaletteFrame
      label="Search"
      icon="⌕"
      input={{
        label: 'Search everything',
        placeholder: 'Search everything',
        listId,
        describedBy: helpId,
        expanded: count > 0,
        activeId: activeItem ? optionId(activeItem) : undefined,
        value: text,
        onChange: (value) => {
          setText(value);
          openWhenReady.current = false;
        },
      }}
      status={status}
      count={count}
      active={active}
      onActive={setActive}
      onEnter={() => {
        if (pending) openWhenReady.current = true;
        else if (activeItem) openItem(activeItem);
      }}
      onDismiss={onClose}
    >
      <SearchHelp id={helpId} />
      {current ? <KindTabs counts={current.counts} tab={tab} listId={listId} onTab={setTab} /> : null}
      {results.isError && typed ? (
        <div className="view-alert" role="alert">
          {results.error.message}
        </div>
      ) : null}
      {tab === 'all' ? (
        <GroupedResults
          {...lists}
          items={grouped}
          active={activeItem}
          pending={pending}
          onActive={(item) => setActive(grouped.indexOf(item))}
        />
      ) : (
        <KindResults {...lists} label={tab} count={count} itemAt={itemAt} active={active} onActive={setActive} onShow={pages.loadThrough} />
      )}
      {current && current.counts.articles > 0 ? (
        <div className="palette-footer">
          <button type="button" className="button small" onClick={() => onCodeHits(current.query)}>
            Code all hits…
          </button>
          <span className="hint">Tag the sentences or paragraphs around every hit in the articles, in one step you can undo.</span>
        </div>
      ) : null}
    </PaletteFrame>
  );
}

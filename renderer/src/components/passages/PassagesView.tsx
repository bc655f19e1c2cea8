import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Args } from '../../../../electron/shared/contract';
import type { PassageRow, PassageSortColumn, Tag } from '../../../../electron/shared/types';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';
import { formatPublished } from '../../format';
import { count, plural } from '../codebook/tree';
import { FilterCombobox, type ComboOption } from './FilterCombobox';

type ListArgs = Args<'passages.list'>;
export type PassageFilter = NonNullable<ListArgs['filter']>;
export type PassageSort = NonNullable<ListArgs['sort']>;

interface Props {
  /** Start filtered to this tag (and its children), e.g. from the codebook's "Show passages". */
  initialTagId?: number | null;
  onOpenPassage(articleId: number, passageId: number): void;
  /** The filter (and sort) in force, for whoever exports "what I am looking at". */
  onFilterChange?(filter: PassageFilter, sort: PassageSort | undefined): void;
}

const PAGE = 200;
const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 32;
const DAY = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

const COLUMNS: Array<{ key: PassageSortColumn; label: string }> = [
  { key: 'quote', label: 'Quote' },
  { key: 'article', label: 'Article' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'published', label: 'Date' },
  { key: 'tags', label: 'Tags' },
  { key: 'note', label: 'Note' },
];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Every passage in the library: filterable, sortable, paged from the library as the user scrolls. */
export function PassagesView({ initialTagId = null, onOpenPassage, onFilterChange }: Props) {
  // Filters.
  const [tagIds, setTagIds] = useState<number[]>(initialTagId ? [initialTagId] : []);
  const [tagMode, setTagMode] = useState<'any' | 'all'>('any');
  const [includeChildren, setIncludeChildren] = useState(true);
  const [article, setArticle] = useState<{ id: number; title: string } | null>(null);
  const [outlet, setOutlet] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<PassageSort | undefined>(undefined);

  useEffect(() => {
    if (initialTagId) setTagIds([initialTagId]);
  }, [initialTagId]);

  const tagList = useCommand('tags.list', {});
  const tagsById = useMemo(() => new Map((tagList.data ?? []).map((t) => [t.id, t])), [tagList.data]);
  const tagsByPath = useMemo(() => new Map((tagList.data ?? []).map((t) => [t.path, t])), [tagList.data]);
  const outlets = useCommand('articles.outlets', {});

  const debouncedText = useDebounced(text.trim(), 200);
  const fromValid = from.trim() === '' || DAY.test(from.trim());
  const toValid = to.trim() === '' || DAY.test(to.trim());

  const filter = useMemo<PassageFilter>(() => {
    const f: PassageFilter = {};
    if (tagIds.length) Object.assign(f, { tagIds, tagMode, includeChildren });
    if (article) f.articleIds = [article.id];
    if (outlet) f.outlets = [outlet];
    if (from.trim() && fromValid) f.from = from.trim();
    if (to.trim() && toValid) f.to = to.trim();
    if (debouncedText) f.text = debouncedText;
    return f;
  }, [tagIds, tagMode, includeChildren, article, outlet, from, to, fromValid, toValid, debouncedText]);
  const filterKey = JSON.stringify([filter, sort]);
  const filtered = Object.keys(filter).length > 0;

  useEffect(() => {
    onFilterChange?.(filter, sort);
    // filterKey stands for filter and sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey, onFilterChange]);

  const base = useMemo(() => ({ ...(filtered ? { filter } : {}), ...(sort ? { sort } : {}) }), [filterKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The first page carries the total; while a new filter loads, the previous rows stay on screen.
  const first = useCommand('passages.list', { ...base, offset: 0, limit: PAGE }, { placeholderData: keepPreviousData });
  const shown = useRef(base);
  if (!first.isPlaceholderData && first.data) shown.current = base;
  const shownBase = first.isPlaceholderData ? shown.current : base;
  const total = first.data?.total ?? 0;

  const scroller = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  /** The active row shows as selected once the user has picked one (not merely the first row). */
  const [touched, setTouched] = useState(false);
  const current = Math.min(activeIndex, Math.max(0, total - 1));
  const currentRef = useRef(current);
  currentRef.current = current;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header row sits above the rows inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const active = currentRef.current;
      if (active < range.count && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });

  const [pages, setPages] = useState<{ from: number; to: number }>({ from: 0, to: 0 });
  // A new filter or sort starts at the top.
  useEffect(() => {
    setActiveIndex(0);
    setTouched(false);
    setPages({ from: 0, to: 0 });
    scroller.current?.scrollTo({ top: 0 });
  }, [filterKey]);

  // Pages under the visible rows, fetched once scrolling settles for a moment (a flung scroll bar
  // does not request every page it passes).
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE);
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / PAGE);
  useEffect(() => {
    const timer = setTimeout(() => setPages({ from: firstPage, to: lastPage }), 60);
    return () => clearTimeout(timer);
  }, [firstPage, lastPage]);
  const pageNumbers: number[] = [];
  for (let p = Math.max(1, pages.from); p <= pages.to; p++) pageNumbers.push(p);
  const activePage = Math.floor(current / PAGE);
  if (activePage > 0 && !pageNumbers.includes(activePage)) pageNumbers.push(activePage);
  const more = useQueries({
    queries: pageNumbers.map((p) => {
      const args: ListArgs = { ...shownBase, offset: p * PAGE, limit: PAGE };
      return { queryKey: ['passages.list', args], queryFn: () => call('passages.list', args) };
    }),
  });
  const pageData = new Map<number, PassageRow[]>();
  if (first.data) pageData.set(0, first.data.rows);
  pageNumbers.forEach((p, i) => {
    const rows = more[i]?.data?.rows;
    if (rows) pageData.set(p, rows);
  });
  const rowAt = (index: number): PassageRow | undefined => pageData.get(Math.floor(index / PAGE))?.[index % PAGE];

  // Keyboard focus follows the active row (kept rendered by rangeExtractor).
  const focusPending = useRef(false);
  const goTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActiveIndex(next);
    setTouched(true);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  useEffect(() => {
    if (!focusPending.current) return;
    const el = document.getElementById(`passage-row-${current}`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const open = (index: number) => {
    const row = rowAt(index);
    if (row) onOpenPassage(row.articleId, row.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target as HTMLElement).matches('[role="row"]') || total === 0) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        goTo(current + 1);
        break;
      case 'ArrowUp':
        goTo(current - 1);
        break;
      case 'PageDown':
        goTo(current + page);
        break;
      case 'PageUp':
        goTo(current - page);
        break;
      case 'Home':
        goTo(0);
        break;
      case 'End':
        goTo(total - 1);
        break;
      case 'Enter':
        open(current);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const sortBy = (column: PassageSortColumn) =>
    setSort((s) => (s?.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' }));

  // Filter pickers.
  const [tagQuery, setTagQuery] = useState('');
  const tagOptions = useMemo<ComboOption[]>(() => {
    const needle = tagQuery.trim().toLocaleLowerCase();
    const out: ComboOption[] = [];
    for (const tag of tagList.data ?? []) {
      if (tagIds.includes(tag.id) || (needle && !tag.path.toLocaleLowerCase().includes(needle))) continue;
      out.push({ id: tag.id, label: tag.path, color: tag.color, detail: count(tag.passageCount) });
    }
    out.sort((a, b) => a.label.localeCompare(b.label));
    return out.slice(0, 50);
  }, [tagList.data, tagQuery, tagIds]);

  const [articleQuery, setArticleQuery] = useState('');
  const debouncedArticleQuery = useDebounced(articleQuery.trim(), 150);
  const articleHits = useCommand('articles.list', debouncedArticleQuery ? { query: debouncedArticleQuery, limit: 30 } : { limit: 30 }, {
    placeholderData: keepPreviousData,
  });
  const articleOptions = useMemo<ComboOption[]>(
    () =>
      (articleHits.data?.items ?? []).map((a) => ({
        id: a.id,
        label: a.title,
        detail: [a.outlet, formatPublished(a.published)].filter(Boolean).join(' · '),
      })),
    [articleHits.data],
  );

  const clearFilters = () => {
    setTagIds([]);
    setArticle(null);
    setOutlet('');
    setFrom('');
    setTo('');
    setText('');
  };

  // Rows get stable actions (latest props through a ref), so scrolling renders only new rows.
  const latest = useRef({ onOpenPassage });
  latest.current = { onOpenPassage };
  const actions = useMemo<RowActions>(
    () => ({
      activate: (index) => {
        setActiveIndex(index);
        setTouched(true);
      },
      open: (articleId, passageId) => latest.current.onOpenPassage(articleId, passageId),
    }),
    [],
  );

  const error = first.error ?? more.find((q) => q.error)?.error ?? null;
  const anyInput = tagIds.length > 0 || article !== null || outlet !== '' || from !== '' || to !== '' || text !== '';

  return (
    <section className="passages-view" aria-label="Passages view">
      <div className="passage-filters" role="search" aria-label="Passage filters">
        <div className="filter-row">
          <input
            type="search"
            className="filter-text"
            aria-label="Filter passages"
            placeholder="Filter passages (quote or note)"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <FilterCombobox
            label="Filter by tag"
            placeholder="Tag…"
            options={tagOptions}
            query={tagQuery}
            onQueryChange={setTagQuery}
            onPick={(o) => setTagIds((ids) => [...ids, o.id])}
            emptyText={tagList.data?.length ? 'No other tag matches' : 'The codebook is empty'}
          />
          <select
            aria-label="Tag match"
            value={tagMode}
            onChange={(e) => setTagMode(e.target.value as 'any' | 'all')}
            disabled={tagIds.length < 2}
          >
            <option value="any">any of the tags</option>
            <option value="all">all of the tags</option>
          </select>
          <label className="check">
            <input type="checkbox" checked={includeChildren} onChange={(e) => setIncludeChildren(e.target.checked)} />
            Include child tags
          </label>
        </div>
        <div className="filter-row">
          {article ? (
            <span className="chip">
              <span className="chip-label" title={article.title}>
                Article: {article.title}
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove article filter ${article.title}`}
                onClick={() => setArticle(null)}
              >
                ×
              </button>
            </span>
          ) : (
            <FilterCombobox
              label="Filter by article"
              placeholder="Article…"
              options={articleOptions}
              query={articleQuery}
              onQueryChange={setArticleQuery}
              onPick={(o) => setArticle({ id: o.id, title: o.label })}
              emptyText={articleHits.isFetching ? 'Searching…' : 'No article matches'}
            />
          )}
          <select aria-label="Outlet" value={outlet} onChange={(e) => setOutlet(e.target.value)}>
            <option value="">All outlets</option>
            {(outlets.data ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <label className="date">
            <span>From</span>
            <input
              aria-label="From date"
              placeholder="2020-11"
              value={from}
              aria-invalid={!fromValid}
              title="A year, month or day: 2020, 2020-11 or 2020-11-09"
              onChange={(e) => setFrom(e.target.value)}
            />
          </label>
          <label className="date">
            <span>To</span>
            <input
              aria-label="To date"
              placeholder="2020-12-31"
              value={to}
              aria-invalid={!toValid}
              title="A year, month or day: 2020, 2020-11 or 2020-11-09"
              onChange={(e) => setTo(e.target.value)}
            />
          </label>
          {anyInput ? (
            <button type="button" className="button small" onClick={clearFilters}>
              Clear filters
            </button>
          ) : null}
        </div>
        {tagIds.length ? (
          <div className="filter-row chips" aria-label="Tag filters">
            {tagIds.map((id) => {
              const tag: Tag | undefined = tagsById.get(id);
              const name = tag?.path ?? `Tag ${id}`;
              return (
                <span className="chip" key={id}>
                  <span className="swatch" style={{ background: tag?.color }} aria-hidden="true" />
                  <span className="chip-label">{name}</span>
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove tag filter ${name}`}
                    onClick={() => setTagIds((ids) => ids.filter((x) => x !== id))}
                  >
                    ×
                  </button>
                </span>
              );
            })}
          </div>
        ) : null}
        {!fromValid || !toValid ? <div className="form-error">Dates are a year, a month or a day: 2020, 2020-11 or 2020-11-09.</div> : null}
      </div>

      <div className="view-status" role="status">
        {first.data
          ? `${plural(total, 'passage')}${shownBase.filter ? ' match' : ''}${first.isPlaceholderData ? ' (updating…)' : ''}`
          : first.isError
            ? ''
            : 'Loading passages…'}
      </div>
      {error ? (
        <div className="view-alert" role="alert">
          {error.message}
        </div>
      ) : null}

      <div
        ref={scroller}
        className="passages-grid"
        role="grid"
        aria-label="Passages"
        aria-rowcount={total + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={first.isFetching}
        onKeyDown={onKeyDown}
      >
        <div className="passage-row header" role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
          {COLUMNS.map((c) => {
            const direction = sort?.column === c.key ? sort.direction : null;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={`cell col-${c.key}`}
                aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
        <div className="passages-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => (
            <PassageRowView
              key={v.key}
              index={v.index}
              top={v.start - HEADER_HEIGHT}
              row={rowAt(v.index)}
              active={v.index === current}
              selected={v.index === current && touched}
              tagsByPath={tagsByPath}
              actions={actions}
            />
          ))}
        </div>
        {first.data && total === 0 ? (
          <div className="view-empty">
            {filtered ? (
              <p>No passage matches these filters.</p>
            ) : (
              <p>No passages yet. Select text in an article and tag it, or add a note.</p>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}

interface RowActions {
  activate(index: number): void;
  open(articleId: number, passageId: number): void;
}

interface RowProps {
  index: number;
  top: number;
  row: PassageRow | undefined;
  active: boolean;
  selected: boolean;
  tagsByPath: ReadonlyMap<string, Tag>;
  actions: RowActions;
}

const PassageRowView = memo(function PassageRowView({ index, top, row, active, selected, tagsByPath, actions }: RowProps) {
  const common = {
    id: `passage-row-${index}`,
    role: 'row',
    'aria-rowindex': index + 2,
    'aria-selected': selected,
    tabIndex: active ? 0 : -1,
    style: { top, height: ROW_HEIGHT },
    onFocus: (e: FocusEvent) => e.target === e.currentTarget && actions.activate(index),
    onClick: () => actions.activate(index),
  } as const;
  if (!row) {
    return (
      <div {...common} aria-busy="true" className="passage-row loading">
        <div role="gridcell" className="cell">
          Loading…
        </div>
      </div>
    );
  }
  return (
    <div {...common} className="passage-row" onDoubleClick={() => actions.open(row.articleId, row.id)}>
      <div role="gridcell" className="cell col-quote">
        <button
          type="button"
          tabIndex={-1}
          className="quote-link"
          title="Open the article at this passage"
          onClick={(e) => {
            e.stopPropagation();
            actions.open(row.articleId, row.id);
          }}
        >
          {row.exact}
        </button>
        {row.anchor === 'orphan' ? (
          <span className="badge warn" title="Its text no longer matches the article; re-attach it in the reader">
            orphaned
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="cell col-article" title={row.articleTitle}>
        {row.articleTitle}
      </div>
      <div role="gridcell" className="cell col-outlet">
        {row.outlet ?? ''}
      </div>
      <div role="gridcell" className="cell col-published">
        {formatPublished(row.published)}
      </div>
      <div role="gridcell" className="cell col-tags">
        {row.tags.map((path) => (
          <span className="tag-chip" key={path} title={path}>
            <span className="swatch" style={{ background: tagsByPath.get(path)?.color }} aria-hidden="true" />
            {path.includes(' / ') ? path.slice(path.lastIndexOf(' / ') + 3) : path}
          </span>
        ))}
      </div>
      <div role="gridcell" className="cell col-note" title={row.note}>
        {row.note}
      </div>
    </div>
  );
});

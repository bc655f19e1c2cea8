import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Args } from '../../../../electron/shared/contract';
import type { PassageSortColumn } from '../../../../electron/shared/types';
import { useBindActions } from '../../actions/bindings';
import { SCOPE_ATTRIBUTE } from '../../actions/context';
import { useCommand } from '../../client/queries';
import { useDebounced } from '../../hooks/useDebounced';
import { useStable } from '../../hooks/useStable';
import { plural } from '../codebook/tree';
import { useRovingVirtualList } from '../lists/useRovingVirtualList';
import { filterReducer, initialFilter, toPassageFilter, type PassageFilter, type PassagesStart } from './filter-state';
import { PassageFilters } from './PassageFilters';
import { COLUMNS, HEADER_HEIGHT, HeaderRow, PassageRowView, ROW_HEIGHT, rowId, type RowActions } from './PassageRows';
import { useFirstPage, usePageRows } from '../lists/usePages';
import { requestReport } from '../report/report-request';

export type { PassageFilter, PassagesStart } from './filter-state';
export type PassageSort = NonNullable<Args<'passages.list'>['sort']>;

const PAGE = 200;

interface Props {
  /** Start filtered to a tag (and its children), e.g. from the codebook's "Show passages", or to the articles behind a chart's mark. */
  start?: PassagesStart;
  onOpenPassage(articleId: number, passageId: number): void;
  /** The filter (and sort) in force, for whoever exports "what I am looking at". */
  onFilterChange?(filter: PassageFilter, sort: PassageSort | undefined): void;
}

/** Every passage in the library: filterable, sortable, paged from the library as the user scrolls. */
export function PassagesView({ start = {}, onOpenPassage, onFilterChange }: Props) {
  const [form, dispatch] = useReducer(filterReducer, start, initialFilter);
  const [sort, setSort] = useState<PassageSort | undefined>(undefined);

  const tagList = useCommand('tags.list', {});
  const tagsByPath = useMemo(() => new Map((tagList.data ?? []).map((t) => [t.path, t])), [tagList.data]);

  const debouncedText = useDebounced(form.text.trim(), 200);
  const filter = useStable(toPassageFilter(form, debouncedText));
  const filterKey = JSON.stringify([filter, sort]);
  const filtered = Object.keys(filter).length > 0;

  useEffect(() => {
    onFilterChange?.(filter, sort);
  }, [filter, sort, onFilterChange]);

  const query = useMemo(() => ({ ...(filtered ? { filter } : {}), ...(sort ? { sort } : {}) }), [filtered, filter, sort]);

  // The active row, and whether the user has picked one (it then shows as selected); a new
  // filter or sort starts again at the top.
  const [cursor, setCursor] = useState({ filterKey, index: 0, touched: false });
  const { index: activeIndex, touched } = cursor.filterKey === filterKey ? cursor : { index: 0, touched: false };
  const activate = (index: number) => setCursor({ filterKey, index, touched: true });
  const count = useFirstPage('passages.list', query, PAGE);
  const { total, first } = count;
  const current = Math.min(activeIndex, Math.max(0, total - 1));

  const { scroller, virtualizer, focusRow, onKeyDown } = useRovingVirtualList<number>({
    count: total,
    rowHeight: ROW_HEIGHT,
    overscan: 10,
    activeIndex: current,
    indexOf: (index) => (index < total ? index : -1),
    elementId: rowId,
    rowRole: 'row',
    onMove: (index) => goTo(index),
    // The sticky header row sits above the rows inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const { rowAt, error } = usePageRows(count, filterKey, { first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? 0 }, current);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [filterKey, scroller]);

  const goTo = (index: number) => {
    activate(index);
    focusRow(index);
  };

  const open = (index: number) => {
    const row = rowAt(index);
    if (row) onOpenPassage(row.articleId, row.id);
  };

  useBindActions({ 'open-passage': { enabled: () => rowAt(current) !== undefined, run: () => open(current) } });

  const sortBy = (column: PassageSortColumn) =>
    setSort((s) => (s?.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' }));

  // Rows get stable actions (latest props through a ref), so scrolling renders only new rows.
  const latest = useRef({ onOpenPassage, activate });
  useLayoutEffect(() => {
    latest.current = { onOpenPassage, activate };
  });
  const actions = useMemo<RowActions>(
    () => ({
      activate: (index) => latest.current.activate(index),
      open: (articleId, passageId) => latest.current.onOpenPassage(articleId, passageId),
    }),
    [],
  );

  return (
    <section className="passages-view" aria-label="Passages view">
      <h1 className="visually-hidden">Passages</h1>
      <PassageFilters state={form} dispatch={dispatch} tags={tagList.data} />

      <div className="view-status-bar">
        <div className="view-status" role="status">
          {first.data
            ? `${plural(total, 'passage')}${count.shownQuery.filter ? ' match' : ''}${first.isPlaceholderData ? ' (updating…)' : ''}`
            : first.isError
              ? ''
              : 'Loading passages…'}
        </div>
        <button
          type="button"
          className="button small"
          disabled={!first.data || total === 0}
          onClick={() =>
            requestReport({
              scope: filtered ? { filter } : {},
              label: filtered ? `the ${plural(total, 'passage')} the filter shows` : `all ${plural(total, 'passage')}`,
              name: 'report-passages',
            })
          }
        >
          Report…
        </button>
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
        {...{ [SCOPE_ATTRIBUTE]: 'passages' }}
        aria-rowcount={total + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={first.isFetching}
        onKeyDown={onKeyDown}
      >
        <HeaderRow sort={sort} onSort={sortBy} />
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

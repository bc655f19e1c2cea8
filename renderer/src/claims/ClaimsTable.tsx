import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClaimSortColumn } from '../../../electron/shared/claims';
import { useBindActions } from '../actions/bindings';
import { SCOPE_ATTRIBUTE } from '../actions/context';
import { plural } from '../components/codebook/tree';
import { useFirstPage, usePageRows } from '../components/lists/usePages';
import { useRovingVirtualList } from '../components/lists/useRovingVirtualList';
import type { ClaimQuery } from './ClaimFilters';
import {
  COLUMNS,
  ClaimHeaderRow,
  ClaimRowView,
  claimRowId,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  type ClaimRowActions,
  type ClaimSort,
} from './ClaimRows';

const PAGE = 200;

interface Props {
  query: ClaimQuery;
  sort: ClaimSort | undefined;
  onSort(sort: ClaimSort): void;
  onOpen(claimId: number): void;
}

/** Every claim the filters keep, paged from the library as the table scrolls (only rows on screen are fetched). */
export function ClaimsTable({ query, sort, onSort, onOpen }: Props) {
  const filterKey = JSON.stringify([query, sort]);
  const filtered = Object.keys(query).length > 0;
  const pagedQuery = useMemo(() => ({ ...query, ...(sort ? { sort } : {}) }), [filterKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const [cursor, setCursor] = useState({ filterKey, index: 0, touched: false });
  const { index: activeIndex, touched } = cursor.filterKey === filterKey ? cursor : { index: 0, touched: false };
  const activate = (index: number) => setCursor({ filterKey, index, touched: true });
  const count = useFirstPage('claims.list', pagedQuery, PAGE);
  const { total, first } = count;
  const current = Math.min(activeIndex, Math.max(0, total - 1));

  const { scroller, virtualizer, focusRow, onKeyDown } = useRovingVirtualList<number>({
    count: total,
    rowHeight: ROW_HEIGHT,
    overscan: 10,
    activeIndex: current,
    indexOf: (index) => (index < total ? index : -1),
    elementId: claimRowId,
    rowRole: 'row',
    onMove: (index) => {
      activate(index);
      focusRow(index);
    },
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const { rowAt, error } = usePageRows(count, filterKey, { first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? 0 }, current);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [filterKey, scroller]);

  useBindActions({
    'open-claim': {
      enabled: () => rowAt(current) !== undefined,
      run: () => {
        const row = rowAt(current);
        if (row) onOpen(row.id);
      },
    },
  });

  const sortBy = (column: ClaimSortColumn) =>
    onSort(sort?.column === column ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' });

  const latest = useRef({ onOpen, activate });
  useLayoutEffect(() => {
    latest.current = { onOpen, activate };
  });
  const actions = useMemo<ClaimRowActions>(
    () => ({ activate: (index) => latest.current.activate(index), open: (id) => latest.current.onOpen(id) }),
    [],
  );

  return (
    <>
      <div className="view-status" role="status">
        {first.data
          ? `${plural(total, 'claim')}${filtered ? ' match' : ''}${first.isPlaceholderData ? ' (updating…)' : ''}`
          : first.isError
            ? ''
            : 'Loading claims…'}
      </div>
      {error ? (
        <div className="view-alert" role="alert">
          {error.message}
        </div>
      ) : null}
      <div
        ref={scroller}
        className="claims-grid"
        role="grid"
        aria-label="Claims"
        {...{ [SCOPE_ATTRIBUTE]: 'claims' }}
        aria-rowcount={total + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={first.isFetching}
        onKeyDown={onKeyDown}
      >
        <ClaimHeaderRow sort={sort} onSort={sortBy} />
        <div className="claims-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => (
            <ClaimRowView
              key={v.key}
              index={v.index}
              top={v.start - HEADER_HEIGHT}
              row={rowAt(v.index)}
              active={v.index === current}
              selected={v.index === current && touched}
              actions={actions}
            />
          ))}
        </div>
        {first.data && total === 0 ? (
          <div className="view-empty">
            {filtered ? (
              <p>No claim matches these filters.</p>
            ) : (
              <p>No claims yet. Select a sentence in an article and make a claim of it (or use the CLI: marginalia claims add).</p>
            )}
          </div>
        ) : null}
      </div>
    </>
  );
}

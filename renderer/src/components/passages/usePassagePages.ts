import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Args } from '../../../../electron/shared/contract';
import type { PassageRow } from '../../../../electron/shared/types';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';

type ListArgs = Args<'passages.list'>;
export type PassageQuery = Omit<ListArgs, 'offset' | 'limit'>;

const PAGE = 200;
/** Pages are fetched once scrolling settles this long (a flung scroll bar does not request every page it passes). */
const SETTLE_MS = 60;

/**
 * The passages a query matches, a page at a time: the first page (it carries the total) always,
 * then the pages under the visible rows and the active one. While a new query loads, the previous
 * rows stay on screen (`updating`).
 */
export function usePassagePages(query: PassageQuery, queryKey: string, visible: { first: number; last: number }, activeIndex: number) {
  const first = useCommand('passages.list', { ...query, offset: 0, limit: PAGE }, { placeholderData: keepPreviousData });
  const shown = useRef(query);
  if (!first.isPlaceholderData && first.data) shown.current = query;
  const shownQuery = first.isPlaceholderData ? shown.current : query;

  const [pages, setPages] = useState<{ from: number; to: number }>({ from: 0, to: 0 });
  useEffect(() => setPages({ from: 0, to: 0 }), [queryKey]);
  const firstPage = Math.floor(visible.first / PAGE);
  const lastPage = Math.floor(visible.last / PAGE);
  useEffect(() => {
    const timer = setTimeout(() => setPages({ from: firstPage, to: lastPage }), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [firstPage, lastPage]);

  const pageNumbers: number[] = [];
  for (let p = Math.max(1, pages.from); p <= pages.to; p++) pageNumbers.push(p);
  const activePage = Math.floor(activeIndex / PAGE);
  if (activePage > 0 && !pageNumbers.includes(activePage)) pageNumbers.push(activePage);
  const more = useQueries({
    queries: pageNumbers.map((p) => {
      const args: ListArgs = { ...shownQuery, offset: p * PAGE, limit: PAGE };
      return { queryKey: ['passages.list', args], queryFn: () => call('passages.list', args) };
    }),
  });
  const pageData = new Map<number, PassageRow[]>();
  if (first.data) pageData.set(0, first.data.rows);
  pageNumbers.forEach((p, i) => {
    const rows = more[i]?.data?.rows;
    if (rows) pageData.set(p, rows);
  });

  return {
    total: first.data?.total ?? 0,
    loaded: first.data !== undefined,
    updating: first.isPlaceholderData,
    fetching: first.isFetching,
    failed: first.isError,
    /** Whether the rows on screen answer a filtered query. */
    filtered: shownQuery.filter !== undefined,
    error: first.error ?? more.find((q) => q.error)?.error ?? null,
    rowAt: (index: number): PassageRow | undefined => pageData.get(Math.floor(index / PAGE))?.[index % PAGE],
  };
}

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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
 * The first page of the passages a query matches (it carries the total). While a new query
 * loads, the previous one's rows stay on screen (`updating`), and `shownQuery` says which.
 */
export function usePassageCount(query: PassageQuery) {
  const first = useCommand('passages.list', { ...query, offset: 0, limit: PAGE }, { placeholderData: keepPreviousData });
  const [shown, setShown] = useState(query);
  if (!first.isPlaceholderData && first.data && shown !== query) setShown(query);
  return { first, shownQuery: first.isPlaceholderData ? shown : query, total: first.data?.total ?? 0 };
}

/** The rows under the visible range and the active row, a page at a time, once scrolling settles. */
export function usePassageRows(
  { first, shownQuery }: ReturnType<typeof usePassageCount>,
  queryKey: string,
  visible: { first: number; last: number },
  activeIndex: number,
) {
  const [settled, setSettled] = useState({ queryKey, from: 0, to: 0 });
  const firstPage = Math.floor(visible.first / PAGE);
  const lastPage = Math.floor(visible.last / PAGE);
  useEffect(() => {
    const timer = setTimeout(() => setSettled({ queryKey, from: firstPage, to: lastPage }), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [queryKey, firstPage, lastPage]);
  // A new query starts from its first page.
  const pages = settled.queryKey === queryKey ? settled : { from: 0, to: 0 };

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
    error: first.error ?? more.find((q) => q.error)?.error ?? null,
    rowAt: (index: number): PassageRow | undefined => pageData.get(Math.floor(index / PAGE))?.[index % PAGE],
  };
}

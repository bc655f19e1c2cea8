import { keepPreviousData, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Args, Result } from '../../../../electron/shared/contract';
import type { ClaimSummary } from '../../../../electron/shared/claims';
import type { ArticleSummary, PassageRow } from '../../../../electron/shared/types';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';

/** The commands that answer a window of a long list (offset, limit) with its total. */
export type PagedCommand = 'articles.list' | 'passages.list' | 'claims.list';
export type PagedQuery<K extends PagedCommand> = Omit<Args<K>, 'offset' | 'limit'>;
type RowOf<K extends PagedCommand> = K extends 'articles.list' ? ArticleSummary : K extends 'claims.list' ? ClaimSummary : PassageRow;

/** Pages are fetched once scrolling settles this long (a flung scroll bar does not request every page it passes). */
const SETTLE_MS = 60;

type PageResult = Result<'articles.list'> | Result<'passages.list'> | Result<'claims.list'>;

function rowsOf<K extends PagedCommand>(result: PageResult): RowOf<K>[] {
  return ('items' in result ? result.items : result.rows) as RowOf<K>[];
}

/**
 * The first page of a long list (it carries the total). While a new query loads, the previous
 * one's rows stay on screen (`first.isPlaceholderData`), and `shownQuery` says which query they answer.
 */
export function useFirstPage<K extends PagedCommand>(command: K, query: PagedQuery<K>, pageSize: number) {
  const first = useCommand(command, { ...query, offset: 0, limit: pageSize } as Args<K>, { placeholderData: keepPreviousData });
  const [shown, setShown] = useState(query);
  if (!first.isPlaceholderData && first.data && shown !== query) setShown(query);
  // Result<K> is one of the two page shapes; TypeScript cannot narrow it through K.
  const data = first.data as unknown as PageResult | undefined;
  return { command, pageSize, first, data, shownQuery: first.isPlaceholderData ? shown : query, total: data?.total ?? 0 };
}

export type FirstPage<K extends PagedCommand> = ReturnType<typeof useFirstPage<K>>;

/**
 * The rows of the pages under the visible range and the active row, fetched once scrolling
 * settles; only pages on screen are live queries, so a change refetches only those.
 */
export function usePageRows<K extends PagedCommand>(
  { command, pageSize, first, data, shownQuery }: FirstPage<K>,
  queryKey: string,
  visible: { first: number; last: number },
  activeIndex: number,
) {
  const client = useQueryClient();
  const [settled, setSettled] = useState({ queryKey, from: 0, to: 0 });
  const firstPage = Math.floor(visible.first / pageSize);
  const lastPage = Math.floor(visible.last / pageSize);
  useEffect(() => {
    const timer = setTimeout(() => setSettled({ queryKey, from: firstPage, to: lastPage }), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [queryKey, firstPage, lastPage]);
  // A new query starts from its first page.
  const pages = settled.queryKey === queryKey ? settled : { from: 0, to: 0 };

  const pageNumbers: number[] = [];
  for (let p = Math.max(1, pages.from); p <= pages.to; p++) pageNumbers.push(p);
  const activePage = Math.floor(activeIndex / pageSize);
  if (activePage > 0 && !pageNumbers.includes(activePage)) pageNumbers.push(activePage);
  // Page 0 has the same key as the first page's query, so it is one cache entry.
  const pageQuery = (p: number) => {
    const args = { ...shownQuery, offset: p * pageSize, limit: pageSize } as Args<K>;
    return { queryKey: [command, args], queryFn: () => call(command, args) };
  };
  const more = useQueries({ queries: pageNumbers.map(pageQuery) });
  const pageData = new Map<number, RowOf<K>[]>();
  if (data) pageData.set(0, rowsOf<K>(data));
  pageNumbers.forEach((p, i) => {
    const data = more[i]?.data as PageResult | undefined;
    if (data) pageData.set(p, rowsOf<K>(data));
  });

  const rowAt = (index: number): RowOf<K> | undefined => pageData.get(Math.floor(index / pageSize))?.[index % pageSize];
  return {
    error: first.error ?? more.find((q) => q.error)?.error ?? null,
    rowAt,
    /** A row now if its page is here, else once its page has been fetched (End in a long list). */
    fetchRow: async (index: number): Promise<RowOf<K> | undefined> => {
      const page = Math.floor(index / pageSize);
      const result = (await client.ensureQueryData(pageQuery(page))) as unknown as PageResult;
      return rowsOf<K>(result)[index % pageSize];
    },
  };
}

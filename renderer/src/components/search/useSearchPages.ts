import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { HitOf, SearchKind, SearchPage } from '../../../../electron/shared/types';
import { call } from '../../client/api';

export const PAGE_SIZE = 50;

/**
 * The hits of one kind, loaded a page at a time from the library (search.page) as a list scrolls:
 * `hits` holds what has arrived, `total` how many there are, `loadThrough(i)` asks for the pages
 * up to hit i. The Ctrl+K palette and the "code all hits" checklist share these pages.
 */
export function useSearchPages<K extends SearchKind>(query: string, kind: K, enabled = true) {
  const pages = useInfiniteQuery({
    queryKey: ['search.page', { query, kind }],
    queryFn: ({ pageParam }) => call('search.page', { query, kind, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last: SearchPage) => (last.offset + last.hits.length < last.total ? last.offset + last.hits.length : undefined),
    enabled: enabled && query.trim() !== '',
  });
  const hits = pages.data?.pages.flatMap((page) => page.hits as HitOf<K>[]) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;
  const count = hits.length;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadThrough = useCallback(
    (index: number) => {
      if (index >= count - 5 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    [count, hasNextPage, isFetchingNextPage, fetchNextPage],
  );
  return { hits, total, loaded: pages.data !== undefined, error: pages.error, loadThrough };
}

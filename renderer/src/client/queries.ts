import { QueryClient, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Args, CommandName, Result } from '../../../electron/shared/contract';
import { call, transport } from './api';
import { staleAfter } from './refresh';

/** One cache for server state, keyed by command and arguments. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});

export function useCommand<K extends CommandName>(
  name: K,
  args: Args<K>,
  options: Omit<UseQueryOptions<Result<K>>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Result<K>>({ queryKey: [name, args], queryFn: () => call(name, args), ...options });
}

/** An edit: runs the command; views refresh from the library.changed event it causes. */
export function useEdit<K extends CommandName>(name: K) {
  return useMutation<Result<K>, Error, Args<K>>({ mutationFn: (args) => call(name, args) });
}

/**
 * A committed change makes stale only the queries its kinds affect (refresh.ts); of those, the
 * ones on screen refetch now, the others when they are next shown.
 */
export function useLibraryEvents(): void {
  const client = useQueryClient();
  useEffect(
    () => transport.on('library.changed', ({ kinds }) => void client.invalidateQueries({ predicate: (query) => staleAfter(kinds, query) })),
    [client],
  );
}

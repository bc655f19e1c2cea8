import { hashKey, useMutation, useMutationState, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Passage } from '../../../electron/shared/types';

let lastTemporaryId = 0;

/** A passage to show before the library has it: a temporary id below zero, created now. */
export function temporaryPassage(fields: Omit<Passage, 'id' | 'createdAt' | 'updatedAt'>): Passage {
  const now = new Date().toISOString();
  lastTemporaryId -= 1;
  return { ...fields, id: lastTemporaryId, createdAt: now, updatedAt: now };
}

interface Saving {
  temporary: Passage;
  create: () => Promise<Passage>;
}

/** While loading: the same empty list every render (the reader's model rebuilds when its input changes). */
const NONE: Passage[] = [];

/**
 * Resolves once the cached passage list of the article includes `id` (the refetch that the
 * library's change announcement causes), or once that list leaves the cache. Waits for the
 * refetch rather than starting one: the announcement starts it already.
 */
function untilListed(client: QueryClient, key: readonly unknown[], id: number): Promise<void> {
  const listed = () => client.getQueryState(key) === undefined || (client.getQueryData<Passage[]>(key) ?? NONE).some((p) => p.id === id);
  if (listed()) return Promise.resolve();
  const hash = hashKey(key);
  return new Promise((resolve) => {
    const stop = client.getQueryCache().subscribe((event) => {
      if (event.query.queryHash !== hash || !(event.type === 'removed' || listed())) return;
      stop();
      resolve();
    });
  });
}

/**
 * Optimistic passage creation through the query library's mutations: a passage being saved is a
 * pending `passages.create` mutation, shown from its variables (useMutationState) beside the
 * article's saved passages until the list the library sends includes it. Not written into the
 * cached list: a refetch caused by another change (a tag created just before) would replace the
 * list and drop the new highlight.
 */
export function useSavingPassages(articleId: number, saved: Passage[] | undefined) {
  const client = useQueryClient();
  const mutationKey = useMemo(() => ['passages.create', articleId], [articleId]);
  // Temporary id → the saved passage, once the library has answered (shown under its real id).
  const [answered, setAnswered] = useState<ReadonlyMap<number, Passage>>(new Map());
  const pending = useRef(new Map<number, Promise<Passage>>());

  const { mutateAsync } = useMutation({
    mutationKey,
    mutationFn: ({ create }: Saving) => create(),
    // Returned promises are awaited: the mutation stays pending, and shown, until the list has it.
    onSuccess: (created, { temporary }) => {
      setAnswered((a) => new Map(a).set(temporary.id, created));
      return untilListed(client, ['passages.forArticle', { articleId }], created.id);
    },
  });

  const inFlight = useMutationState({
    filters: { mutationKey, status: 'pending' },
    select: (mutation) => (mutation.state.variables as Saving).temporary,
  });

  const passages = useMemo(() => {
    const list = saved ?? NONE;
    if (inFlight.length === 0) return list;
    const ids = new Set(list.map((p) => p.id));
    const extra = inFlight.map((t) => answered.get(t.id) ?? t).filter((p) => !ids.has(p.id));
    return extra.length > 0 ? [...list, ...extra] : list;
  }, [saved, inFlight, answered]);

  // Saved id → the temporary id it was shown under, so a view keyed by it is not remounted.
  const origins = useMemo(() => new Map([...answered].map(([temporaryId, created]) => [created.id, temporaryId])), [answered]);

  /** Shows `temporary` at once, saves it, and answers with the saved passage (or its failure). */
  const save = useCallback(
    (temporary: Passage, create: () => Promise<Passage>): Promise<Passage> => {
      let settle: { resolve: (p: Passage) => void; reject: (e: unknown) => void } | undefined;
      const creating = new Promise<Passage>((resolve, reject) => (settle = { resolve, reject }));
      pending.current.set(temporary.id, creating);
      mutateAsync({
        temporary,
        create: () =>
          create()
            .then(settle?.resolve, settle?.reject)
            .then(() => creating),
      }).catch(() => undefined); // the failure reaches the caller through `creating`
      return creating.finally(() => pending.current.delete(temporary.id));
    },
    [mutateAsync],
  );

  /**
   * The library's id of a passage: a temporary one (shown before its save is answered) waits for
   * the save, so a note, tag or delete made meanwhile reaches the passage instead of failing.
   */
  const savedId = useCallback(async (id: number): Promise<number> => {
    const creating = pending.current.get(id);
    return creating ? (await creating).id : id;
  }, []);

  /** A key that stays the same when a passage shown under a temporary id gets its saved one. */
  const stableKey = (id: number): number => origins.get(id) ?? id;

  return { passages, save, savedId, stableKey };
}

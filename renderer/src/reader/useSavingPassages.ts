import { useCallback, useMemo, useRef, useState } from 'react';
import type { Passage } from '../../../electron/shared/types';

let lastTemporaryId = 0;

/** A passage to show before the library has it: a temporary id below zero, created now. */
export function temporaryPassage(fields: Omit<Passage, 'id' | 'createdAt' | 'updatedAt'>): Passage {
  const now = new Date().toISOString();
  lastTemporaryId -= 1;
  return { ...fields, id: lastTemporaryId, createdAt: now, updatedAt: now };
}

/**
 * Passages being saved, shown with the article's saved ones until the list the library sends
 * includes them. Kept beside the query's data rather than written into it: a refetch caused by
 * another change (a tag created just before) would replace the list and drop the new highlight.
 */
/** While loading: the same empty list every render (the reader's model rebuilds when its input changes). */
const NONE: Passage[] = [];

export function useSavingPassages(saved: Passage[] | undefined) {
  // By the temporary id; the value becomes the saved passage once the library has answered.
  const [saving, setSaving] = useState<ReadonlyMap<number, Passage>>(new Map());
  // Saved id → the temporary id it was shown under, so a view keyed by it is not remounted.
  const [origins, setOrigins] = useState<ReadonlyMap<number, number>>(new Map());
  const pending = useRef(new Map<number, Promise<Passage>>());

  const passages = useMemo(() => {
    const list = saved ?? NONE;
    if (saving.size === 0) return list;
    const ids = new Set(list.map((p) => p.id));
    const extra = [...saving.values()].filter((p) => !ids.has(p.id));
    return extra.length > 0 ? [...list, ...extra] : list;
  }, [saved, saving]);

  // Once a list that includes them arrives, saved entries are dropped (React's "adjust state when
  // a prop changes": during render, so the list and the map change in the same render).
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    const ids = saving.size > 0 ? new Set((saved ?? []).map((p) => p.id)) : null;
    if (ids && [...saving.values()].some((p) => ids.has(p.id))) setSaving(new Map([...saving].filter(([, p]) => !ids.has(p.id))));
  }

  /** Shows `temporary` at once, saves it, and shows the saved passage until the list has it. */
  const save = useCallback(async (temporary: Passage, create: () => Promise<Passage>): Promise<Passage> => {
    setSaving((s) => new Map(s).set(temporary.id, temporary));
    const creating = create();
    pending.current.set(temporary.id, creating);
    try {
      const created = await creating;
      setSaving((s) => (s.has(temporary.id) ? new Map(s).set(temporary.id, created) : s));
      setOrigins((o) => new Map(o).set(created.id, temporary.id));
      return created;
    } catch (error) {
      setSaving((s) => new Map([...s].filter(([id]) => id !== temporary.id)));
      throw error;
    } finally {
      pending.current.delete(temporary.id);
    }
  }, []);

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

import { useCallback, useMemo, useState } from 'react';
import type { Passage } from '../../../electron/shared/types';

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
    try {
      const created = await create();
      setSaving((s) => (s.has(temporary.id) ? new Map(s).set(temporary.id, created) : s));
      return created;
    } catch (error) {
      setSaving((s) => new Map([...s].filter(([id]) => id !== temporary.id)));
      throw error;
    }
  }, []);

  return { passages, save };
}

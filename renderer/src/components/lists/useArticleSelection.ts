import { useState } from 'react';
import type { BulkTarget } from '../../../../electron/shared/contract-articles';
import type { PagedQuery } from './usePages';

/**
 * Articles chosen for a bulk edit: ids picked one by one or as ranges, or every article the
 * list's query matches less some (that one is a filter for the server: the list is paged, so its
 * rows are never all in the page).
 */
export type Picked = { mode: 'ids'; ids: number[] } | { mode: 'all'; except: number[] };

interface State {
  queryKey: string;
  picked: Picked | null;
  /** Where a range starts (the row last clicked or toggled), and where Shift+arrows has got to. */
  anchor: number;
  lead: number;
}

const NONE = (queryKey: string): State => ({ queryKey, picked: null, anchor: -1, lead: -1 });

/** Multiple selection over a paged list; `idAt` finds the id at a row, fetching its page when needed. */
export function useArticleSelection(queryKey: string, total: number, idAt: (index: number) => Promise<number | undefined>) {
  const [state, setState] = useState<State>(() => NONE(queryKey));
  // A new query starts with nothing picked.
  const current = state.queryKey === queryKey ? state : NONE(queryKey);
  const { picked } = current;

  const idsBetween = async (from: number, to: number): Promise<number[]> => {
    const ids: number[] = [];
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      const id = await idAt(i);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  };

  return {
    picked,
    lead: current.lead,
    count: picked === null ? 0 : picked.mode === 'ids' ? picked.ids.length : total - picked.except.length,
    isPicked: (id: number): boolean => (picked?.mode === 'all' ? !picked.except.includes(id) : (picked?.ids.includes(id) ?? false)),
    /** A plain click or arrow: back to the one open article. */
    reset: (index: number) => setState({ ...NONE(queryKey), anchor: index }),
    clear: () => setState(NONE(queryKey)),
    /** Ctrl/Cmd-click: one row in or out; `open` is the article open before, which joins a new selection. */
    toggle: (index: number, id: number, open: number | null) =>
      setState((s) => {
        const was = s.queryKey === queryKey ? s.picked : null;
        const next: Picked =
          was?.mode === 'all'
            ? { mode: 'all', except: was.except.includes(id) ? was.except.filter((x) => x !== id) : [...was.except, id] }
            : was
              ? { mode: 'ids', ids: was.ids.includes(id) ? was.ids.filter((x) => x !== id) : [...was.ids, id] }
              : { mode: 'ids', ids: open !== null && open !== id ? [open, id] : [id] };
        return { queryKey, picked: next, anchor: index, lead: index };
      }),
    /** Shift-click or Shift+arrow: every row from the anchor to this one. */
    extendTo: async (index: number, fallbackAnchor: number) => {
      const anchor = current.anchor >= 0 ? current.anchor : fallbackAnchor >= 0 ? fallbackAnchor : index;
      const ids = await idsBetween(anchor, index);
      setState({ queryKey, picked: { mode: 'ids', ids }, anchor, lead: index });
    },
    selectAll: () => setState({ queryKey, picked: { mode: 'all', except: [] }, anchor: current.anchor, lead: current.lead }),
    /** What the server is asked to change. */
    target: (query: PagedQuery<'articles.list'>): BulkTarget | null => {
      if (picked === null) return null;
      if (picked.mode === 'ids') return picked.ids.length > 0 ? { ids: picked.ids } : null;
      const matching = { ...(query.query ? { query: query.query } : {}), ...(query.filter ? { filter: query.filter } : {}) };
      return { matching, ...(picked.except.length > 0 ? { exceptIds: picked.except } : {}) };
    },
  };
}

export type ArticleSelection = ReturnType<typeof useArticleSelection>;

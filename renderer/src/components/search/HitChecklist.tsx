import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { formatCount, plural } from '../../../../electron/shared/counts';
import { useSearchPages } from './useSearchPages';

/** Which articles to code: all the search matches but `ids`, or only `ids`. */
export interface Choice {
  all: boolean;
  ids: Set<number>;
}

interface Props {
  query: string;
  choice: Choice;
  onChange(choice: Choice): void;
  /** How many articles the search matches, once known. */
  onTotal(total: number): void;
}

const ROW = 30;

/**
 * The articles a search matches as a checklist, loaded as it scrolls: "All" ticks every one of
 * them (those not loaded yet too), and each can be ticked or unticked on its own.
 */
export function HitChecklist({ query, choice, onChange, onTotal }: Props) {
  const { hits, total, loaded, error, loadThrough } = useSearchPages(query, 'articles');
  useEffect(() => onTotal(total), [total, onTotal]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });
  const rows = virtualizer.getVirtualItems();
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => loadThrough(last), [last, loadThrough]);

  const isChecked = (id: number) => choice.all !== choice.ids.has(id);
  const toggle = (id: number) => {
    const ids = new Set(choice.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    onChange({ all: choice.all, ids });
  };
  const everything = choice.all && choice.ids.size === 0;
  const nothing = !choice.all && choice.ids.size === 0;

  if (error) return <div className="form-error">{error.message}</div>;
  if (!loaded) return <p className="muted">Finding the articles…</p>;
  return (
    <>
      <label className="hit-check-all">
        <input
          type="checkbox"
          checked={everything}
          ref={(box) => {
            if (box) box.indeterminate = !everything && !nothing;
          }}
          onChange={() => onChange({ all: !everything, ids: new Set() })}
        />{' '}
        All {plural(total, 'matching article')}
      </label>
      <div ref={scroller} className="hit-checklist" role="group" aria-label="Matching articles">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const hit = hits[row.index];
            return (
              <div key={row.key} className="hit-check" style={{ top: row.start, height: ROW }}>
                {hit ? (
                  <label>
                    <input type="checkbox" checked={isChecked(hit.id)} onChange={() => toggle(hit.id)} />{' '}
                    <span className="hit-check-title">{hit.title}</span>
                    <span className="hit-meta"> · {plural(hit.hitCount, 'hit')}</span>
                  </label>
                ) : (
                  <span className="muted">Loading…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <p className="hint">{`${formatCount(choice.all ? total - choice.ids.size : choice.ids.size)} of ${plural(total, 'article')} chosen`}</p>
    </>
  );
}

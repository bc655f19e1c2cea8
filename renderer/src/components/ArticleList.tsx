import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../electron/shared/types';
import { plural } from '../../../electron/shared/counts';
import { articleMeta } from '../format';

interface Props {
  articles: ArticleSummary[];
  selectedId: number | null;
  onSelect(id: number): void;
}

const ROW_HEIGHT = 76;

/** The library's articles: a virtualised listbox (tens of thousands of rows stay smooth). */
export function ArticleList({ articles, selectedId, onSelect }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: articles.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selectedIndex = articles.findIndex((a) => a.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = Math.min(articles.length - 1, Math.max(0, (selectedIndex < 0 ? -1 : selectedIndex) + step));
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = articles.length - 1;
    const target = next === undefined ? undefined : articles[next];
    if (target) {
      event.preventDefault();
      onSelect(target.id);
    }
  };

  return (
    <div
      ref={scroller}
      className="article-list"
      role="listbox"
      aria-label="Articles"
      tabIndex={0}
      aria-activedescendant={selectedId !== null ? `article-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const article = articles[row.index];
          if (!article) return null;
          return (
            <div
              key={article.id}
              id={`article-${article.id}`}
              role="option"
              aria-selected={article.id === selectedId}
              className="article-item"
              style={{ top: row.start, height: ROW_HEIGHT }}
              onClick={() => onSelect(article.id)}
            >
              <div className="title">{article.title}</div>
              <div className="meta">
                {[articleMeta(article), article.passageCount ? plural(article.passageCount, 'passage') : ''].filter(Boolean).join(' · ')}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

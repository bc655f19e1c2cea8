import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ArticleSummary } from '../../../electron/shared/types';
import { plural } from '../../../electron/shared/counts';
import { articleMeta } from '../format';
import { navigationTarget } from './lists/useRovingVirtualList';
import { usePageRows, type FirstPage } from './lists/usePages';
import { useArticleSelection } from './lists/useArticleSelection';
import { BulkBar } from './articles/BulkBar';

interface Props {
  /** The list's first page (from the app, which shows its count). */
  pages: FirstPage<'articles.list'>;
  /** Stands for the list's query: a new one starts from the top. */
  queryKey: string;
  selectedId: number | null;
  onSelect(id: number): void;
}

const ROW_HEIGHT = 76;
export const ARTICLE_PAGE = 50;

const optionId = (id: number) => `article-${id}`;

/**
 * The library's articles: a virtualised listbox over windows of the list the library pages out,
 * so a library of 100,000 articles opens at once. Arrows, Page Up/Down, Home and End open the
 * article they land on (fetching its window first when it is far away). Ctrl/Cmd-click,
 * Shift-click, Shift+arrows and Ctrl/Cmd+A pick articles for a bulk edit of their details.
 */
export function ArticleList({ pages, queryKey, selectedId, onSelect }: Props) {
  const { total } = pages;
  // Where the keyboard is in the list (the selected article's row, once known).
  const [cursor, setCursor] = useState({ queryKey, index: -1 });
  const cursorIndex = cursor.queryKey === queryKey ? Math.min(cursor.index, total - 1) : -1;
  const keep = useRef(cursorIndex);
  useLayoutEffect(() => {
    keep.current = cursorIndex;
  });

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The row aria-activedescendant names stays rendered when scrolled away.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const at = keep.current;
      if (at >= 0 && at < range.count && !indexes.includes(at)) indexes.push(at);
      return indexes.sort((a, b) => a - b);
    },
  });
  const items = virtualizer.getVirtualItems();
  const { rowAt, fetchRow, error } = usePageRows(
    pages,
    queryKey,
    { first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? 0 },
    Math.max(0, cursorIndex),
  );
  const picking = useArticleSelection(queryKey, total, async (index) => (rowAt(index) ?? (await fetchRow(index)))?.id);
  // The selected article's row: where the cursor is, or among the rows on screen.
  const selectedIndex =
    selectedId === null
      ? -1
      : rowAt(cursorIndex)?.id === selectedId
        ? cursorIndex
        : (items.find((item) => rowAt(item.index)?.id === selectedId)?.index ?? -1);

  const latestMove = useRef(0);
  const moveTo = async (index: number) => {
    const move = ++latestMove.current;
    setCursor({ queryKey, index });
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = rowAt(index) ?? (await fetchRow(index));
    // A later key press wins over a far row still being fetched.
    if (row && move === latestMove.current) onSelect(row.id);
  };

  const leadId = picking.picked && picking.lead >= 0 ? rowAt(picking.lead)?.id : undefined;
  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      picking.selectAll();
      return;
    }
    if (event.key === 'Escape' && picking.picked) {
      event.preventDefault();
      picking.clear();
      return;
    }
    if (event.shiftKey && !mod && !event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const from = picking.picked && picking.lead >= 0 ? picking.lead : selectedIndex;
      const to = Math.max(0, Math.min(total - 1, from + (event.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(to, { align: 'auto' });
      void picking.extendTo(to, selectedIndex);
      return;
    }
    if (mod || event.altKey) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const to = navigationTarget(event.key, selectedIndex, total, page);
    if (to === null) return;
    event.preventDefault();
    picking.reset(to);
    void moveTo(to);
  };

  return (
    <>
      <BulkBar selection={picking} total={total} query={pages.shownQuery} />
      <div
        ref={scroller}
        className="article-list"
        role="listbox"
        aria-label="Articles"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={
          leadId !== undefined ? optionId(leadId) : selectedIndex >= 0 && selectedId !== null ? optionId(selectedId) : undefined
        }
        aria-busy={pages.first.isFetching}
        onKeyDown={onKeyDown}
      >
        {error ? (
          <div className="view-alert" role="alert">
            {error.message}
          </div>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const article = rowAt(item.index);
            return article ? (
              <ArticleOption
                key={article.id}
                article={article}
                index={item.index}
                total={total}
                top={item.start}
                selected={picking.picked ? picking.isPicked(article.id) : article.id === selectedId}
                onPick={(event) => {
                  if (event.shiftKey || event.ctrlKey || event.metaKey) scroller.current?.focus({ preventScroll: true });
                  if (event.shiftKey) void picking.extendTo(item.index, selectedIndex);
                  else if (event.ctrlKey || event.metaKey) picking.toggle(item.index, article.id, selectedIndex >= 0 ? selectedId : null);
                  else {
                    picking.reset(item.index);
                    setCursor({ queryKey, index: item.index });
                    onSelect(article.id);
                  }
                }}
              />
            ) : (
              <div
                key={`loading-${item.index}`}
                className="article-item loading"
                aria-hidden="true"
                style={{ top: item.start, height: ROW_HEIGHT }}
              >
                Loading…
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}

interface OptionProps {
  article: ArticleSummary;
  index: number;
  total: number;
  top: number;
  selected: boolean;
  onPick(event: MouseEvent): void;
}

function ArticleOption({ article, index, total, top, selected, onPick }: OptionProps) {
  return (
    <div
      id={optionId(article.id)}
      role="option"
      aria-selected={selected}
      // Only a window of the list is in the page: its place in the whole list.
      aria-posinset={index + 1}
      aria-setsize={total}
      className="article-item"
      style={{ top, height: ROW_HEIGHT }}
      onClick={onPick}
      // Shift-click picks a range of rows, not the text between them.
      onMouseDown={(event) => {
        if (event.shiftKey) event.preventDefault();
      }}
    >
      <div className="title">{article.title}</div>
      <div className="meta">
        {[articleMeta(article), article.passageCount ? plural(article.passageCount, 'passage') : ''].filter(Boolean).join(' · ')}
      </div>
    </div>
  );
}

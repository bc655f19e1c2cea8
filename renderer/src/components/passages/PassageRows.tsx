import { memo, type FocusEvent } from 'react';
import type { PassageRow, PassageSortColumn, Tag } from '../../../../electron/shared/types';
import { formatPublished } from '../../format';
import { TagChip } from '../TagChip';
import { SortHeaderRow } from '../lists/SortHeaderRow';

export const ROW_HEIGHT = 52;
export const HEADER_HEIGHT = 32;

export const COLUMNS: Array<{ key: PassageSortColumn; label: string }> = [
  { key: 'quote', label: 'Quote' },
  { key: 'article', label: 'Article' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'published', label: 'Date' },
  { key: 'tags', label: 'Tags' },
  { key: 'note', label: 'Note' },
];

export const rowId = (index: number) => `passage-row-${index}`;

/** The grid's sticky header: one sort button per column. */
export function HeaderRow({
  sort,
  onSort,
}: {
  sort: { column: PassageSortColumn; direction: 'asc' | 'desc' } | undefined;
  onSort(column: PassageSortColumn): void;
}) {
  return <SortHeaderRow className="passage-row" height={HEADER_HEIGHT} columns={COLUMNS} sort={sort} onSort={onSort} />;
}

/** What a row can ask of the view: one stable object, so scrolling renders only new rows. */
export interface RowActions {
  activate(index: number): void;
  open(articleId: number, passageId: number): void;
}

interface RowProps {
  index: number;
  top: number;
  row: PassageRow | undefined;
  active: boolean;
  selected: boolean;
  tagsByPath: ReadonlyMap<string, Tag>;
  actions: RowActions;
}

export const PassageRowView = memo(function PassageRowView({ index, top, row, active, selected, tagsByPath, actions }: RowProps) {
  const common = {
    id: rowId(index),
    role: 'row',
    'aria-rowindex': index + 2,
    'aria-selected': selected,
    tabIndex: active ? 0 : -1,
    style: { top, height: ROW_HEIGHT },
    onFocus: (e: FocusEvent) => e.target === e.currentTarget && actions.activate(index),
    onClick: () => actions.activate(index),
  } as const;
  if (!row) {
    return (
      <div {...common} aria-busy="true" className="passage-row loading">
        <div role="gridcell" className="cell">
          Loading…
        </div>
      </div>
    );
  }
  return (
    <div {...common} className="passage-row" onDoubleClick={() => actions.open(row.articleId, row.id)}>
      <div role="gridcell" className="cell col-quote">
        <button
          type="button"
          tabIndex={-1}
          className="quote-link"
          title="Open the article at this passage"
          onClick={(e) => {
            e.stopPropagation();
            actions.open(row.articleId, row.id);
          }}
        >
          {row.exact}
        </button>
        {row.anchor === 'orphan' ? (
          <span className="badge warn" title="Its text no longer matches the article; re-attach it in the reader">
            orphaned
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="cell col-article" title={row.articleTitle}>
        {row.articleTitle}
      </div>
      <div role="gridcell" className="cell col-outlet">
        {row.outlet ?? ''}
      </div>
      <div role="gridcell" className="cell col-published">
        {formatPublished(row.published)}
      </div>
      <div role="gridcell" className="cell col-tags">
        {row.tags.map((path) => (
          <TagChip key={path} className="tag-chip" path={path} color={tagsByPath.get(path)?.color} />
        ))}
      </div>
      <div role="gridcell" className="cell col-note" title={row.note}>
        {row.note}
      </div>
    </div>
  );
});

import { memo, type FocusEvent } from 'react';
import type { ClaimSortColumn, ClaimSummary } from '../../../electron/shared/claims';
import { SortHeaderRow } from '../components/lists/SortHeaderRow';
import { formatPublished } from '../format';

export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 32;

export const COLUMNS: Array<{ key: ClaimSortColumn; label: string; numeric?: boolean }> = [
  { key: 'statement', label: 'Statement' },
  { key: 'kind', label: 'Kind' },
  { key: 'speaker', label: 'Speaker' },
  { key: 'appearances', label: 'Appearances', numeric: true },
  { key: 'outlets', label: 'Outlets', numeric: true },
  { key: 'firstSeen', label: 'First seen' },
  { key: 'lastSeen', label: 'Last seen' },
  { key: 'links', label: 'Links', numeric: true },
];

export type ClaimSort = { column: ClaimSortColumn; direction: 'asc' | 'desc' };

export const claimRowId = (index: number) => `claim-row-${index}`;

/** The table's sticky header: one sort button per column. */
export function ClaimHeaderRow({ sort, onSort }: { sort: ClaimSort | undefined; onSort(column: ClaimSortColumn): void }) {
  return <SortHeaderRow className="claim-row" height={HEADER_HEIGHT} columns={COLUMNS} sort={sort} onSort={onSort} />;
}

/** What a row can ask of the table: one stable object, so scrolling renders only new rows. */
export interface ClaimRowActions {
  activate(index: number): void;
  open(claimId: number): void;
}

interface RowProps {
  index: number;
  top: number;
  row: ClaimSummary | undefined;
  active: boolean;
  selected: boolean;
  actions: ClaimRowActions;
}

export const ClaimRowView = memo(function ClaimRowView({ index, top, row, active, selected, actions }: RowProps) {
  const common = {
    id: claimRowId(index),
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
      <div {...common} aria-busy="true" className="claim-row loading">
        <div role="gridcell" className="cell">
          Loading…
        </div>
      </div>
    );
  }
  return (
    <div {...common} className="claim-row" onDoubleClick={() => actions.open(row.id)}>
      <div role="gridcell" className="cell col-statement">
        <button
          type="button"
          tabIndex={-1}
          className="quote-link"
          title="Open the claim"
          onClick={(e) => {
            e.stopPropagation();
            actions.open(row.id);
          }}
        >
          {row.statement}
        </button>
      </div>
      <div role="gridcell" className="cell col-kind">
        <span className={`kind-badge kind-${row.kind}`}>{row.kind}</span>
      </div>
      <div role="gridcell" className="cell col-speaker" title={row.speaker ?? undefined}>
        {row.speaker ?? ''}
      </div>
      <div role="gridcell" className="cell col-appearances num">
        {row.appearances}
      </div>
      <div role="gridcell" className="cell col-outlets num">
        {row.outlets}
      </div>
      <div role="gridcell" className="cell col-firstSeen">
        {formatPublished(row.firstSeen)}
      </div>
      <div role="gridcell" className="cell col-lastSeen">
        {formatPublished(row.lastSeen)}
      </div>
      <div role="gridcell" className="cell col-links num">
        {row.links}
      </div>
    </div>
  );
});

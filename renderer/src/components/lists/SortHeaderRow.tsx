/** The sticky header of a virtual grid: one sort button per column (again: the other direction). */
export function SortHeaderRow<K extends string>({
  className,
  height,
  columns,
  sort,
  onSort,
}: {
  /** The grid's row class ("claim-row", "passage-row"), which lays the columns out. */
  className: string;
  height: number;
  columns: ReadonlyArray<{ key: K; label: string }>;
  sort: { column: K; direction: 'asc' | 'desc' } | undefined;
  onSort(column: K): void;
}) {
  return (
    <div className={`${className} header`} role="row" aria-rowindex={1} style={{ height }}>
      {columns.map((c) => {
        const direction = sort?.column === c.key ? sort.direction : null;
        return (
          <div
            key={c.key}
            role="columnheader"
            className={`cell col-${c.key}`}
            aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
          >
            <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
              {c.label}
              <span className="sort-mark" aria-hidden="true">
                {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
              </span>
            </button>
          </div>
        );
      })}
    </div>
  );
}

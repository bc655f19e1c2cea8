import type { ChartName, ChartResults } from '../../../electron/shared/overview';
import { CHART_COLUMNS, chartRows } from '../../../electron/shared/overview-table';
import { formatCount } from '../../../electron/shared/counts';

interface Props<C extends ChartName> {
  chart: C;
  title: string;
  data: ChartResults[C];
  onRow(row: Record<string, string | number>): void;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The numbers behind a chart, one row per mark: for screen readers and for checking; each row opens its articles. */
export function DataTable<C extends ChartName>({ chart, title, data, onRow }: Props<C>) {
  const columns = CHART_COLUMNS[chart];
  const rows = chartRows(data);
  return (
    <details className="chart-data">
      <summary>Data table ({formatCount(rows.length)} rows)</summary>
      <div className="chart-table-scroll">
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={column.kind === 'text' ? undefined : 'number'}>
                  {column.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Articles</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((column) => {
                  const value = row[column.key];
                  return (
                    <td key={column.key} className={column.kind === 'text' ? undefined : 'number'}>
                      {column.kind === 'share' ? percent(value as number) : column.kind === 'count' ? formatCount(value as number) : value}
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Show articles for ${columns
                      .filter((column) => column.kind === 'text')
                      .map((column) => row[column.key])
                      .join(', ')}`}
                    onClick={() => onRow(row)}
                  >
                    Show articles
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

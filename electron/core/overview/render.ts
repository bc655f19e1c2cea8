import { stringify } from 'csv-stringify/sync';
import type { ChartName, ChartResults } from '../../shared/overview';
import { chartSpec, type Measure } from '../../shared/overview-specs';
import { CHART_COLUMNS, chartRows } from '../../shared/overview-table';
import { neutralise } from '../export/csv';

/** Shares to four decimals (a hundredth of a per cent): enough for any chart, short enough to read. */
const round = (share: number) => Math.round(share * 10_000) / 10_000;

/** A chart's rows as CSV: one row per mark, its label columns, `count` (and `share` where the chart has it). */
export function chartCsv<C extends ChartName>(chart: C, data: ChartResults[C], options: { bom?: boolean } = {}): string {
  const columns = CHART_COLUMNS[chart];
  return stringify(
    chartRows(data).map((row) => columns.map((column) => (column.kind === 'share' ? round(row[column.key] as number) : row[column.key]))),
    {
      bom: options.bom ?? true,
      header: true,
      columns: columns.map((column) => column.csv),
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      cast: { string: neutralise },
    },
  );
}

/** A chart drawn as SVG in Node by Vega (no browser, no canvas), as the Overview view draws it. */
export async function chartSvg<C extends ChartName>(chart: C, data: ChartResults[C], measure: Measure = 'count'): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const { spec } = compile(chartSpec(chart, data, { measure, width: 640 }));
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

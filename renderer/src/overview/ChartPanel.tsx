import { useMemo, useRef, useState } from 'react';
import type { Bucket, ChartName, OverviewFilter, OverviewMark } from '../../../electron/shared/overview';
import { CHART_TITLES, chartSpec, type Measure } from '../../../electron/shared/overview-specs';
import { plural } from '../../../electron/shared/counts';
import { notify } from '../components/Notices';
import { useColorScheme } from '../hooks/useColorScheme';
import { DataTable } from './DataTable';
import { exportChart } from './exports';
import { markOf } from './marks';
import { themeOf } from './theme';
import { useChartData } from './useChartData';
import { VegaChart, type ChartHandle } from './VegaChart';

interface Props {
  chart: ChartName;
  filter: OverviewFilter;
  onMark(chart: ChartName, mark: OverviewMark, label: string, bucket: Bucket | undefined): void;
}

const HEATMAPS: ChartName[] = ['tags-by-outlet', 'tags-by-month'];

/** What a chart leaves out, in words (articles or appearances whose date is too vague). */
function leftOut(chart: ChartName, undated: number): string | null {
  if (undated === 0) return null;
  if (chart === 'claim-timeline') return `${plural(undated, 'appearance')} in articles without a full date are not shown.`;
  if (chart === 'tags-by-month') return `${plural(undated, 'passage')} in articles without a month are not shown.`;
  return `${plural(undated, 'article')} without a date this precise are not shown.`;
}

/** One chart of the Overview with its own controls, its data table and its exports. */
export function ChartPanel({ chart, filter, onMark }: Props) {
  const [bucket, setBucket] = useState<Bucket | undefined>(undefined);
  const [measure, setMeasure] = useState<Measure>('count');
  const scheme = useColorScheme();
  const handle = useRef<ChartHandle | null>(null);
  const query = useChartData(chart, filter, bucket);
  const data = query.data;
  const title = CHART_TITLES[chart];
  const headingId = `chart-${chart}`;
  // The theme's tokens are read again when the OS theme changes, and the chart redrawn in it.
  const spec = useMemo(
    () => (data ? chartSpec(chart, data, { measure, theme: themeOf(document.documentElement, scheme) }) : null),
    [chart, data, measure, scheme],
  );
  const undated = data && 'undated' in data ? leftOut(chart, data.undated) : null;
  const shownBucket = data && 'bucket' in data ? data.bucket : bucket;
  const open = (row: Record<string, unknown>) => {
    const { mark, label } = markOf(chart, row);
    onMark(chart, mark, label, shownBucket);
  };
  const save = (format: 'svg' | 'png' | 'csv') =>
    void exportChart(format, chart, handle.current, { filter, bucket: shownBucket })
      .then((name) => notify(`Saved ${title.toLowerCase()} as ${name}.`))
      .catch((e: Error) => notify(`Could not save the chart: ${e.message}`));

  return (
    <section className="chart-panel" aria-labelledby={headingId}>
      <header className="chart-header">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-controls">
          {chart === 'articles-over-time' ? (
            <label>
              Per{' '}
              <select
                value={bucket ?? 'auto'}
                onChange={(e) => setBucket(e.target.value === 'auto' ? undefined : (e.target.value as Bucket))}
              >
                <option value="auto">{`Fit to the dates${shownBucket && !bucket ? ` (${shownBucket})` : ''}`}</option>
                <option value="day">day</option>
                <option value="week">week</option>
                <option value="month">month</option>
              </select>
            </label>
          ) : null}
          {HEATMAPS.includes(chart) ? (
            <div role="group" aria-label={`${title}: colour by`} className="segmented">
              <button type="button" className="button small" aria-pressed={measure === 'count'} onClick={() => setMeasure('count')}>
                Passages
              </button>
              <button type="button" className="button small" aria-pressed={measure === 'share'} onClick={() => setMeasure('share')}>
                Share of articles
              </button>
            </div>
          ) : null}
          <div role="group" aria-label={`Export ${title.toLowerCase()}`} className="segmented">
            <button type="button" className="button small" onClick={() => save('svg')} disabled={!data}>
              SVG
            </button>
            <button type="button" className="button small" onClick={() => save('png')} disabled={!data}>
              PNG
            </button>
            <button type="button" className="button small" onClick={() => save('csv')} disabled={!data}>
              CSV
            </button>
          </div>
        </div>
      </header>
      {query.error ? (
        <p role="alert" className="chart-error">
          {query.error.message}
        </p>
      ) : !data || !spec ? (
        <p className="chart-empty" role="status">
          Counting…
        </p>
      ) : data.rows.length === 0 ? (
        <p className="chart-empty">Nothing to show for this filter.</p>
      ) : (
        <>
          <VegaChart
            spec={spec}
            label={`${title}: ${plural(data.rows.length, 'mark')}; the data table below lists them`}
            onMark={open}
            handle={handle}
          />
          <DataTable chart={chart} title={title} data={data} onRow={open} />
        </>
      )}
      {undated ? <p className="chart-note">{undated}</p> : null}
    </section>
  );
}

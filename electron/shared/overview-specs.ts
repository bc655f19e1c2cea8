/**
 * Each chart as a Vega-Lite spec built from its rows: the same spec renders in the Overview view
 * (vega-embed) and in Node for the CLI's SVG. One mark per row, so a chart's marks are its CSV's rows.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartName, ChartResults } from './overview';

export type Measure = 'count' | 'share';

/** Colours from the app's theme (design tokens); the CLI uses the light ones. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  scheme: string;
}

export const LIGHT_THEME: ChartTheme = { text: '#1f2328', muted: '#57606a', grid: '#d0d7de', background: '#ffffff', scheme: 'blues' };

export const CHART_TITLES: Record<ChartName, string> = {
  'articles-over-time': 'Articles over time by outlet',
  'tags-by-outlet': 'Tags by outlet',
  'tags-by-month': 'Tags by month',
  'tag-cooccurrence': 'Tag co-occurrence',
  'claim-timeline': 'Claims over time',
  coverage: 'Coverage: share of each outlet’s text that is coded',
};

interface Options {
  theme?: ChartTheme;
  measure?: Measure;
  width?: number;
}

const SHARE_FORMAT = '.0%';
const shortText = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const orderOf = <T>(rows: T[], key: (row: T) => string) => [...new Set(rows.map(key))];

function base(chart: ChartName, values: object[], options: Options): Omit<TopLevelSpec, 'mark'> {
  const theme = options.theme ?? LIGHT_THEME;
  const axis = { labelColor: theme.text, titleColor: theme.text, gridColor: theme.grid, domainColor: theme.muted, tickColor: theme.muted };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: CHART_TITLES[chart],
    background: theme.background,
    width: options.width ?? 'container',
    data: { values },
    config: {
      font: 'system-ui, sans-serif',
      axis: { ...axis, labelFontSize: 12, titleFontSize: 12, labelLimit: 220 },
      legend: { labelColor: theme.text, titleColor: theme.text, labelFontSize: 12, titleFontSize: 12, labelLimit: 200 },
      view: { stroke: null },
      range: { heatmap: { scheme: theme.scheme } },
    },
  } as Omit<TopLevelSpec, 'mark'>;
}

function heatmap(
  chart: ChartName,
  rows: object[],
  x: { field: string; title: string; sort?: string[] },
  y: { field: string; title: string; sort: string[] },
  options: Options,
  measure: Measure,
): TopLevelSpec {
  const value =
    measure === 'share' ? { field: 'share', title: 'Share of articles', format: SHARE_FORMAT } : { field: 'count', title: 'Passages' };
  return {
    ...base(chart, rows, options),
    height: { step: 22 },
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: { field: x.field, type: 'ordinal', title: x.title, sort: x.sort ?? 'ascending', axis: { labelAngle: -40 } },
      y: { field: y.field, type: 'ordinal', title: y.title, sort: y.sort },
      color: {
        field: value.field,
        type: 'quantitative',
        title: value.title,
        scale: { zero: true },
        legend: measure === 'share' ? { format: SHARE_FORMAT } : { format: 'd', tickMinStep: 1 },
      },
      tooltip: [
        { field: y.field, title: y.title },
        { field: x.field, title: x.title },
        { field: 'count', title: 'Passages' },
        ...(measure === 'share' || 'share' in (rows[0] ?? {})
          ? [{ field: 'share', title: 'Share of articles', format: SHARE_FORMAT }]
          : []),
      ],
    },
  } as TopLevelSpec;
}

/** The Vega-Lite spec of a chart for its rows. */
export function chartSpec<C extends ChartName>(chart: C, data: ChartResults[C], options: Options = {}): TopLevelSpec {
  const measure = options.measure ?? 'count';
  switch (chart) {
    case 'articles-over-time': {
      const { rows, bucket } = data as ChartResults['articles-over-time'];
      return {
        ...base(chart, rows, options),
        height: 260,
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: {
            field: 'period',
            type: 'ordinal',
            title: bucket === 'week' ? 'Week (from Monday)' : bucket === 'day' ? 'Day' : 'Month',
            axis: { labelAngle: -40 },
          },
          y: { field: 'count', type: 'quantitative', title: 'Articles', stack: 'zero' },
          color: { field: 'outlet', type: 'nominal', title: 'Outlet' },
          tooltip: [
            { field: 'period', title: 'Period' },
            { field: 'outlet', title: 'Outlet' },
            { field: 'count', title: 'Articles' },
          ],
        },
      } as TopLevelSpec;
    }
    case 'tags-by-outlet': {
      const { rows } = data as ChartResults['tags-by-outlet'];
      return heatmap(
        chart,
        rows,
        { field: 'outlet', title: 'Outlet' },
        { field: 'tag', title: 'Tag', sort: orderOf(rows, (r) => r.tag) },
        options,
        measure,
      );
    }
    case 'tags-by-month': {
      const { rows } = data as ChartResults['tags-by-month'];
      return heatmap(
        chart,
        rows,
        { field: 'month', title: 'Month' },
        { field: 'tag', title: 'Tag', sort: orderOf(rows, (r) => r.tag) },
        options,
        measure,
      );
    }
    case 'tag-cooccurrence': {
      const { rows } = data as ChartResults['tag-cooccurrence'];
      return heatmap(
        chart,
        rows,
        { field: 'otherTag', title: 'With tag', sort: orderOf(rows, (r) => r.otherTag) },
        { field: 'tag', title: 'Tag', sort: orderOf(rows, (r) => r.tag) },
        options,
        'count',
      );
    }
    case 'claim-timeline': {
      const rows = (data as ChartResults['claim-timeline']).rows.map((row) => ({
        ...row,
        label: `${row.claimId}. ${shortText(row.claim)}`,
      }));
      return {
        ...base(chart, rows, options),
        height: { step: 26 },
        mark: { type: 'circle', tooltip: true, opacity: 0.85 },
        encoding: {
          x: { field: 'day', type: 'ordinal', title: 'Day', sort: 'ascending', axis: { labelAngle: -40 } },
          y: { field: 'label', type: 'nominal', title: 'Claim (by first appearance)', sort: orderOf(rows, (r) => r.label) },
          color: { field: 'outlet', type: 'nominal', title: 'Outlet' },
          size: { field: 'count', type: 'quantitative', title: 'Appearances', scale: { range: [60, 400] } },
          // Where the figure changes, the point has a ring in the text colour.
          stroke: { condition: { test: "datum.figureChange !== ''", value: (options.theme ?? LIGHT_THEME).text }, value: null },
          strokeWidth: { condition: { test: "datum.figureChange !== ''", value: 3 }, value: 0 },
          tooltip: [
            { field: 'claim', title: 'Claim' },
            { field: 'day', title: 'Day' },
            { field: 'outlet', title: 'Outlet' },
            { field: 'count', title: 'Appearances' },
            { field: 'figureChange', title: 'Figure changed to' },
          ],
        },
      } as TopLevelSpec;
    }
    case 'coverage': {
      const { rows } = data as ChartResults['coverage'];
      return {
        ...base(chart, rows, options),
        height: { step: 26 },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'outlet', type: 'nominal', title: 'Outlet', sort: orderOf(rows, (r) => r.outlet) },
          x: {
            field: 'share',
            type: 'quantitative',
            title: 'Share of characters coded',
            axis: { format: SHARE_FORMAT },
            scale: { domain: [0, 1] },
          },
          tooltip: [
            { field: 'outlet', title: 'Outlet' },
            { field: 'articles', title: 'Articles' },
            { field: 'count', title: 'Articles with passages' },
            { field: 'share', title: 'Characters coded', format: SHARE_FORMAT },
          ],
        },
      } as TopLevelSpec;
    }
  }
  throw new Error(`no chart named ${String(chart)}`);
}

import type { Database } from 'better-sqlite3';
import type { ChartName, ChartResults, OverviewFilter } from '../../shared/overview';
import { CHART_TITLES } from '../../shared/overview-specs';
import { chartData } from '../overview/handlers';
import { chartSvg } from '../overview/render';
import type { ReportData } from './collect';
import type { ReportScope } from '../../shared/report';

export interface ReportChart {
  chart: ChartName;
  title: string;
  svg: string;
  /** What the chart counts when the report's filter says more than a chart can (a text search). */
  caption: string;
}

/**
 * The Overview's charts that fit a report, drawn from the Overview's own aggregates and specs:
 * tags by outlet and articles over time for a report by tag, the claims' timeline for one by
 * claim. Charts that would be empty are left out.
 */
export async function reportCharts(db: Database, scope: ReportScope, data: ReportData): Promise<ReportChart[]> {
  if (data.counts.quotes === 0) return [];
  const filter = scope.filter ?? {};
  const overview: OverviewFilter = {
    ...(data.tagIds.length > 0 ? { tagIds: data.tagIds } : {}),
    ...(filter.outlets?.length ? { outlets: filter.outlets } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    articleIds: [...data.articles.keys()],
  };
  const caption = filter.text?.trim()
    ? 'Counts every passage with these tags in the quoted articles, not only those matching the text.'
    : '';
  const wanted: ChartName[] = data.grouping === 'tag' ? ['tags-by-outlet', 'articles-over-time'] : ['claim-timeline'];
  const charts: ReportChart[] = [];
  for (const chart of wanted) {
    let rows = chartData(db, chart, overview) as ChartResults[ChartName];
    if (chart === 'claim-timeline') {
      const claims = new Set(data.claimIds);
      const timeline = rows as ChartResults['claim-timeline'];
      rows = { ...timeline, rows: timeline.rows.filter((row) => claims.has(row.claimId)) };
    }
    if (rows.rows.length === 0) continue;
    charts.push({
      chart,
      title: CHART_TITLES[chart],
      svg: await chartSvg(chart, rows),
      caption: chart === 'claim-timeline' ? '' : caption,
    });
  }
  return charts;
}

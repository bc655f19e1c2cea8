import { keepPreviousData } from '@tanstack/react-query';
import type { Bucket, ChartName, ChartResults, OverviewFilter } from '../../../electron/shared/overview';
import { useCommand } from '../client/queries';

/** The contract command behind each chart. */
export const CHART_COMMANDS = {
  'articles-over-time': 'overview.articlesOverTime',
  'tags-by-outlet': 'overview.tagsByOutlet',
  'tags-by-month': 'overview.tagsByMonth',
  'tag-cooccurrence': 'overview.tagCooccurrence',
  'claim-timeline': 'overview.claimTimeline',
  coverage: 'overview.coverage',
} as const satisfies Record<ChartName, string>;

/** A chart's rows from the library (aggregated there); the previous answer stays on screen while a new filter loads. */
export function useChartData<C extends ChartName>(chart: C, filter: OverviewFilter, bucket: Bucket | undefined) {
  // One command per chart; the panel's chart never changes, so the hook calls one command throughout.
  const name = CHART_COMMANDS[chart] as 'overview.articlesOverTime';
  const args = chart === 'articles-over-time' ? { filter, ...(bucket ? { bucket } : {}) } : { filter };
  const query = useCommand(name, args, { placeholderData: keepPreviousData });
  return { ...query, data: query.data as ChartResults[C] | undefined };
}

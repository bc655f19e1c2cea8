import type { CommandName } from '../../shared/contract';
import type { ChartName, ChartResults, Bucket, OverviewFilter } from '../../shared/overview';
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../handlers';
import { claimTimeline } from './claim-timeline';
import { coverage } from './coverage';
import { drill } from './drill';
import { chartCsv } from './render';
import { tagCooccurrence, tagsByMonth, tagsByOutlet } from './tags';
import { articlesOverTime } from './time';

type OverviewCommand = Extract<CommandName, `overview.${string}`>;

/** Every chart's rows by its name (the CLI's --chart). */
export function chartData<C extends ChartName>(db: Database, chart: C, filter: OverviewFilter = {}, bucket?: Bucket): ChartResults[C] {
  const charts: { [K in ChartName]: () => ChartResults[K] } = {
    'articles-over-time': () => articlesOverTime(db, filter, bucket),
    'tags-by-outlet': () => tagsByOutlet(db, filter),
    'tags-by-month': () => tagsByMonth(db, filter),
    'tag-cooccurrence': () => tagCooccurrence(db, filter),
    'claim-timeline': () => claimTimeline(db, filter),
    coverage: () => coverage(db, filter),
  };
  return charts[chart]();
}

/** The overview's aggregates: each one query over the library, never its passages in the renderer. */
export const overviewHandlers: Pick<Handlers, OverviewCommand> = {
  'overview.articlesOverTime': ({ session }, { filter, bucket }) => articlesOverTime(session.lib.db, filter, bucket),
  'overview.tagsByOutlet': ({ session }, { filter }) => tagsByOutlet(session.lib.db, filter),
  'overview.tagsByMonth': ({ session }, { filter }) => tagsByMonth(session.lib.db, filter),
  'overview.tagCooccurrence': ({ session }, { filter }) => tagCooccurrence(session.lib.db, filter),
  'overview.claimTimeline': ({ session }, { filter }) => claimTimeline(session.lib.db, filter),
  'overview.coverage': ({ session }, { filter }) => coverage(session.lib.db, filter),
  'overview.csv': ({ session }, { chart, filter, bucket, bom }) => {
    const data = chartData(session.lib.db, chart, filter, bucket);
    return { csv: chartCsv(chart, data, bom === undefined ? {} : { bom }), rows: data.rows.length };
  },
  'overview.drill': ({ session }, { chart, filter, mark, bucket }) => drill(session.lib.db, chart, filter ?? {}, mark, bucket),
};

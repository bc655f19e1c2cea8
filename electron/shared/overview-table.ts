/** A chart's rows as a table: the CSV's columns and the data table behind each chart in the view. */
import type { ChartName, ChartResults } from './overview';

export interface Column {
  key: string;
  /** The CSV header (snake case, as the other exports). */
  csv: string;
  label: string;
  kind: 'text' | 'count' | 'share';
}

const text = (key: string, csv: string, label: string): Column => ({ key, csv, label, kind: 'text' });
const count = (key: string, csv: string, label: string): Column => ({ key, csv, label, kind: 'count' });
const share = (label: string): Column => ({ key: 'share', csv: 'share', label, kind: 'share' });

export const CHART_COLUMNS: Record<ChartName, Column[]> = {
  'articles-over-time': [text('period', 'period', 'Period'), text('outlet', 'outlet', 'Outlet'), count('count', 'count', 'Articles')],
  'tags-by-outlet': [
    text('tag', 'tag', 'Tag'),
    text('outlet', 'outlet', 'Outlet'),
    count('count', 'count', 'Passages'),
    count('articles', 'articles', 'Articles with the tag'),
    share('Share of the outlet’s articles'),
  ],
  'tags-by-month': [
    text('tag', 'tag', 'Tag'),
    text('month', 'month', 'Month'),
    count('count', 'count', 'Passages'),
    count('articles', 'articles', 'Articles with the tag'),
    share('Share of the month’s articles'),
  ],
  'tag-cooccurrence': [text('tag', 'tag', 'Tag'), text('otherTag', 'other_tag', 'With tag'), count('count', 'count', 'Places')],
  'claim-timeline': [
    count('claimId', 'claim_id', 'Claim id'),
    text('claim', 'claim', 'Claim'),
    text('day', 'day', 'Day'),
    text('outlet', 'outlet', 'Outlet'),
    count('count', 'count', 'Appearances'),
    text('figureChange', 'figure_change', 'Figure changed to'),
  ],
  coverage: [
    text('outlet', 'outlet', 'Outlet'),
    count('articles', 'articles', 'Articles'),
    count('count', 'count', 'Articles with passages'),
    count('characters', 'characters', 'Characters'),
    count('codedCharacters', 'coded_characters', 'Characters coded'),
    share('Share of characters coded'),
  ],
};

/** The rows of a chart's result, one per mark. */
export function chartRows<C extends ChartName>(data: ChartResults[C]): Array<Record<string, string | number>> {
  return data.rows as unknown as Array<Record<string, string | number>>;
}

/** The Overview's charts: their names (the CLI's --chart), the shared filter and each chart's rows. */

export const CHART_NAMES = [
  'articles-over-time',
  'tags-by-outlet',
  'tags-by-month',
  'tag-cooccurrence',
  'claim-timeline',
  'coverage',
] as const;
export type ChartName = (typeof CHART_NAMES)[number];

/** How articles over time are counted: per day, per week (starting Monday) or per month. */
export const BUCKETS = ['day', 'week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** What every chart is filtered by: tags (with their children), outlets and a publication date range. */
export interface OverviewFilter {
  tagIds?: number[] | undefined;
  outlets?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only these articles (a report of chosen articles, the articles behind a clicked mark). */
  articleIds?: number[] | undefined;
}

/** Articles with no outlet are counted under this label. */
export const NO_OUTLET = '(no outlet)';

export interface ArticlesOverTime {
  bucket: Bucket;
  /** One per period and outlet that has articles; `period` is the day, the week's Monday or the month. */
  rows: Array<{ period: string; outlet: string; count: number }>;
  /** Articles the filter matches whose date is too vague for the bucket (no year, or no day for days and weeks). */
  undated: number;
}

/** Passages with each tag (directly) per outlet or month, and the share of that outlet's or month's articles that carry it. */
export interface TagCell {
  tagId: number;
  tag: string;
  count: number;
  articles: number;
  share: number;
}
export type TagsByOutlet = { rows: Array<TagCell & { outlet: string }> };
/** `undated`: passages left out because their article has no month and year. */
export type TagsByMonth = { rows: Array<TagCell & { month: string }>; undated: number };

/** Places (one passage, or two overlapping passages) where two tags code the same text. */
export interface TagCooccurrence {
  rows: Array<{ tagId: number; tag: string; otherTagId: number; otherTag: string; count: number }>;
}

/** Appearances of each claim per day and outlet (the first day of each claim is its first appearance). */
export interface ClaimTimeline {
  rows: Array<{
    claimId: number;
    claim: string;
    day: string;
    outlet: string;
    count: number;
    /** The figure in words where an appearance here states another than the claim's earlier ones; '' where none does. */
    figureChange: string;
  }>;
  /** Appearances in articles with no full date, left out of the timeline. */
  undated: number;
}

/** How much of each outlet's text is coded: articles with a passage (`count`) and the share of characters inside passages. */
export interface Coverage {
  rows: Array<{ outlet: string; articles: number; count: number; characters: number; codedCharacters: number; share: number }>;
}

export interface ChartResults {
  'articles-over-time': ArticlesOverTime;
  'tags-by-outlet': TagsByOutlet;
  'tags-by-month': TagsByMonth;
  'tag-cooccurrence': TagCooccurrence;
  'claim-timeline': ClaimTimeline;
  coverage: Coverage;
}

/** A mark the analyst clicked: the label values of its row. */
export interface OverviewMark {
  outlet?: string | undefined;
  period?: string | undefined;
  month?: string | undefined;
  day?: string | undefined;
  tagId?: number | undefined;
  otherTagId?: number | undefined;
  claimId?: number | undefined;
}

/** The articles behind a mark (the first 200, and how many there are), and the Passages view's filter for its passages. */
export interface OverviewDrill {
  total: number;
  articles: Array<{ id: number; title: string; outlet: string | null; published: string | null }>;
  passages: { articleIds: number[]; tagIds?: number[] };
}

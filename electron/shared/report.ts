/** Reports of coded text: what they cover, how quotes are grouped, and their progress events. */

export const REPORT_FORMATS = ['html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_GROUPINGS = ['tag', 'claim'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** The Passages view's filter, as passages.list takes it. */
export interface ReportPassageFilter {
  tagIds?: number[] | undefined;
  tagMode?: 'any' | 'all' | undefined;
  includeChildren?: boolean | undefined;
  articleIds?: number[] | undefined;
  outlets?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  text?: string | undefined;
}

/** What a report covers: the passages a filter shows (grouped by tag or by claim), or one claim's appearances. */
export interface ReportScope {
  filter?: ReportPassageFilter | undefined;
  claimId?: number | undefined;
  groupBy?: ReportGrouping | undefined;
}

/** A report being written: `done` of `total` passages read, then the file written (`stage`). */
export interface ReportProgress {
  jobId: string;
  stage: 'reading' | 'writing';
  done: number;
  total: number;
}

export interface ReportResult {
  path: string;
  quotes: number;
  groups: number;
  articles: number;
  /** How the charts went into the file: inline SVG (HTML), SVG with a PNG fallback (DOCX). */
  charts: number;
}

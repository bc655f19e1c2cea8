/** What merging another library into the open one does, as the preview and the report show it. */

/** What becomes of one of the other library's tags whose path the open library lacks. */
export type CodebookChoice = 'map' | 'create' | 'merge';

/**
 * The analyst's choice for one of the other library's tags (by path): `map` it onto an existing
 * tag (its children are then matched under that tag), `create` it (at its own path, or at `to`),
 * or `merge` it and everything under it into an existing tag.
 */
export interface CodebookMapping {
  from: string;
  action: CodebookChoice;
  to?: string | undefined;
}

/** One of the other library's tags and what the merge does with it. */
export interface CodebookRow {
  path: string;
  /** `match`: the same path is in the open library (compared without regard to case). */
  action: 'match' | CodebookChoice;
  /** The open library's tag it lands on (for create: the path it is created at). */
  to: string;
  /** Its passages in the other library. */
  passages: number;
}

export interface MergeReport {
  file: string;
  /** True for a preview (--dry-run): nothing was written. */
  dryRun: boolean;
  articles: { matchedByUid: number; matchedByText: number; added: number; reanchored: number };
  /** Every tag of the other library whose path the open library lacks (rows) and the counts of all of them. */
  codebook: { matched: number; mapped: number; created: number; merged: number; differing: CodebookRow[] };
  coders: { matched: string[]; added: string[] };
  passages: { matched: number; added: number; fuzzy: number; orphaned: number };
  tagApplications: { added: number; already: number };
  /** Notes of passages already here and memos: taken where ours was empty, appended where they differ. */
  notes: { added: number; appended: number };
  memos: { added: number; appended: number; already: number };
  claims: { matched: number; added: number };
  appearances: { added: number; already: number };
  links: { added: number; already: number };
  /** What was not brought across, each with why. */
  skipped: string[];
  /** Whether the merge changed anything (false for a second merge of the same library). */
  changed: boolean;
}

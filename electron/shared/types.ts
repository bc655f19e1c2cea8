/** Result shapes of the contract: plain data that crosses every transport as JSON. */
import type { ArticleMetaRow, Block } from './article';

export type { ArticleMeta, ArticleMetaRow, Block, BlockKind } from './article';

export interface Stats {
  articles: number;
  passages: number;
  tags: number;
  claims: number;
  links: number;
  memos: number;
}

export interface LibraryInfo {
  path: string;
  name: string;
  schemaVersion: number;
  stats: Stats;
  /** Why the library is open read-only ("the file is read-only"): views show it and turn edits off. Null when it can be changed. */
  readOnly: string | null;
}

export interface ArticleSummary extends ArticleMetaRow {
  sourceName: string | null;
  format: string;
  encoding: string | null;
  importedAt: string;
  updatedAt: string;
  passageCount: number;
}

export interface Article extends ArticleSummary {
  text: string;
  blocks: Block[];
  /** The same text published elsewhere (another headline, outlet or date): "also published as". */
  reprints: Reprint[];
}

/** Another article of an article's reprint group. */
export interface Reprint {
  id: number;
  title: string;
  outlet: string | null;
  published: string | null;
}

export interface ArticlePage {
  items: ArticleSummary[];
  total: number;
}

/** Search snippets mark matches with these private-use characters; the UI turns them into <mark>. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export interface ArticleHit {
  id: number;
  title: string;
  /** The title with its matched words marked. */
  titleMarked: string;
  outlet: string | null;
  published: string | null;
  /** A fragment of the text around its hits, marked. */
  snippet: string;
  /** How many places in the text match. */
  hitCount: number;
}

/** A passage whose quote matched (kind "passages") or whose note matched (kind "notes"). */
export interface PassageHit {
  id: number;
  articleId: number;
  articleTitle: string;
  start: number;
  end: number;
  snippet: string;
}

export interface ClaimHit {
  id: number;
  statement: string;
  snippet: string;
}

/** A memo that matched: an article's (with its title) or the library's (articleId null). */
export interface MemoHit {
  id: number;
  articleId: number | null;
  articleTitle: string | null;
  snippet: string;
}

export type SearchKind = 'articles' | 'passages' | 'notes' | 'claims' | 'memos';
export type SearchCounts = Record<SearchKind, number>;

/** The first hits of every kind, with how many there are of each. */
export interface SearchResults {
  query: string;
  counts: SearchCounts;
  articles: ArticleHit[];
  passages: PassageHit[];
  notes: PassageHit[];
  claims: ClaimHit[];
  memos: MemoHit[];
}

/** A memo in Markdown: an article's, or the library's when articleId is null. Empty text: none written yet. */
export interface Memo {
  articleId: number | null;
  text: string;
  /** When it was last saved; null when there is none. */
  updatedAt: string | null;
}

/** The hit type of each kind. */
export type HitOf<K extends SearchKind> = K extends 'articles' ? ArticleHit : K extends 'claims' ? ClaimHit : PassageHit;

export interface PageOf<K extends SearchKind, H> {
  query: string;
  kind: K;
  offset: number;
  total: number;
  hits: H[];
}

/** Hits of one kind from an offset on (the palette loads them as its list scrolls). */
export type SearchPage =
  | PageOf<'articles', ArticleHit>
  | PageOf<'passages', PassageHit>
  | PageOf<'notes', PassageHit>
  | PageOf<'claims', ClaimHit>
  | PageOf<'memos', MemoHit>;

/** Where a query matches inside one text (UTF-16 offsets), for highlighting in the reader. */
export interface TextHits {
  query: string;
  ranges: Array<{ start: number; end: number }>;
}

/** What "code all hits" tags around each hit: its sentence or its paragraph. */
export type CodingUnit = 'sentence' | 'paragraph';

export interface CodeHitsResult {
  /** Passages made for the hits. */
  created: number;
  /** Passages that gained the tag (the new ones and those already covering exactly a unit). */
  tagged: number;
  /** Articles with at least one hit coded. */
  articles: number;
}

/** How far finding the hits to code has got: `done` of `total` articles. */
export interface CodingProgress {
  jobId: string;
  done: number;
  total: number;
}

export type ChangeKind = 'library' | 'articles' | 'passages' | 'tags' | 'claims' | 'memos' | 'coders';

export interface EditState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Why the last undo or redo was refused (another window or program changed its rows since), until the next step succeeds. */
  refused: string | null;
}

export interface ImportFailure {
  file: string;
  error: string;
}

export interface ImportProgress {
  jobId: string;
  total: number;
  done: number;
  imported: number;
  /** Of the imported, those whose text the library already held under another headline, outlet or date. */
  reprints: number;
  duplicates: number;
  failed: number;
  current: string | null;
  elapsedMs: number;
  /** Articles in the library now (those before the import and those it wrote): views show it as it happens. */
  libraryArticles: number;
  /** The import waits for another program writing to the library. */
  waiting: boolean;
  /** A REFI-QDA project being read (its project.qde streams through a worker), when there is one. */
  project?: QdpxProgress & { file: string };
}

/** How far the reading of a REFI-QDA project's project.qde has come. */
export interface QdpxProgress {
  /** Bytes of project.qde read, of its total (inflated) size. */
  read: number;
  total: number;
  /** Coded selections found so far. */
  selections: number;
}

/** An import whose process ended before it did: its file list is kept in the library until it is resumed or dismissed. */
export interface InterruptedImport {
  jobId: string;
  startedAt: string;
  /** What the analyst asked to import (the files and folders as shown). */
  requested: string[];
  total: number;
  done: number;
  remaining: number;
}

export interface ImportReport {
  jobId: string;
  cancelled: boolean;
  /**
   * Why the import stopped before its end (in words, e.g. "the disk holding the library is full"),
   * or null. What it had written stays; the files it did not reach can be imported with "Import the rest".
   */
  stopped: string | null;
  /** Files the import did not reach (cancelled or stopped); 0 when it ran to its end. */
  notImported: number;
  elapsedMs: number;
  imported: Array<{ file: string; articleId: number; title: string }>;
  /** Imported articles (also listed in `imported`) that reprint a text already there, with its earliest copy. */
  reprints: Array<{ file: string; articleId: number; title: string; copyOfId: number; copyOfTitle: string }>;
  /** True re-imports skipped: the same text with the same title, outlet, URL and date. */
  duplicates: Array<{ file: string; existingId: number; existingTitle: string }>;
  failed: ImportFailure[];
  /** Articles in the library once the import ended. */
  libraryArticles: number;
}

/**
 * One codebook entry. Counts cover direct taggings; the WithChildren counts also cover descendants'
 * (each passage and each article once).
 */
export interface Tag {
  id: number;
  uid: string;
  parentId: number | null;
  name: string;
  /** Names from the root down, joined with " / ". */
  path: string;
  color: string;
  description: string;
  position: number;
  passageCount: number;
  articleCount: number;
  passageCountWithChildren: number;
  articleCountWithChildren: number;
  /** The number key (1–9) the tag is pinned to, for tagging with one key in the reader; null when not pinned. */
  pin: number | null;
}

/** Number keys that tags can be pinned to: 1 to 9. */
export const PIN_SLOTS = 9;

/** What deleting a tag would touch (its subtree included), for the confirmation text. */
export interface TagUsage {
  passages: number;
  articles: number;
  descendants: number;
}

export type AnchorStatus = 'exact' | 'fuzzy' | 'orphan';

export interface Passage {
  id: number;
  uid: string;
  articleId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  anchor: AnchorStatus;
  /** Who marked it (and wrote its note); null for rows from before the library had coders. */
  coderId: number | null;
  tagIds: number[];
  claimIds: number[];
  createdAt: string;
  updatedAt: string;
}

export interface PassageDetail extends Passage {
  articleTitle: string;
}

/** A row of the passages view: the passage with its article's details and its tags' paths. */
export interface PassageRow extends Passage {
  articleTitle: string;
  outlet: string | null;
  published: string | null;
  tags: string[];
}

export interface PassagePage {
  rows: PassageRow[];
  total: number;
}

/** The article list's sort columns: import time, publication date, outlet, title (natural order), passage count. */
export type ArticleSortColumn = 'imported' | 'published' | 'outlet' | 'title' | 'passages';

export type PassageSortColumn = 'quote' | 'article' | 'outlet' | 'published' | 'tags' | 'note' | 'created';

/** How many of an article's passages landed where after its text was edited. */
export interface AnchorCounts {
  exact: number;
  fuzzy: number;
  orphan: number;
}

export interface TextEditResult {
  article: ArticleSummary;
  reanchored: AnchorCounts;
}

/** What importing a REFI-QDA project (.qdpx) brought in, and what it left out and why. */
export interface QdpxImportReport {
  file: string;
  imported: Array<{ articleId: number; title: string }>;
  /** Sources whose text the library already held: that article gained the project's passages. */
  duplicates: Array<{ source: string; existingId: number; existingTitle: string }>;
  /** Codes added to the codebook, and codes whose path was already there (merged). */
  tags: { created: number; existing: number };
  passages: number;
  claims: number;
  links: number;
  /** Memos written or extended from the project's notes on sources and on the project. */
  memos: number;
  skipped: string[];
}

/** What an export to a file wrote. */
export interface ExportResult {
  path: string;
  rows: number;
}

export interface QdpxExportResult {
  path: string;
  articles: number;
  passages: number;
}

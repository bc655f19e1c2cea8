import type { Database } from 'better-sqlite3';
import type { ReportGrouping, ReportScope } from '../../shared/report';
import { MarginaliaError, notFound } from '../errors';
import { pages, PAGE_SIZE } from '../export/paged';
import { filterSql } from '../export/passage-filter';
import type { CodingPause } from '../search/code-hits';
import { loadTree, type Tree } from '../tags/queries';

export interface ReportQuote {
  passageId: number;
  articleId: number;
  quote: string;
  note: string;
  orphan: boolean;
  /** The appearance's stance, in a claim's group. */
  stance?: string;
}

export interface ReportArticle {
  id: number;
  title: string;
  outlet: string | null;
  published: string | null;
  memo: string;
}

export interface ReportGroup {
  title: string;
  /** A claim's kind and speaker, a tag's description. */
  detail: string;
  quotes: ReportQuote[];
}

export interface ReportData {
  title: string;
  /** The filter in words, one line each. */
  scope: string[];
  grouping: ReportGrouping;
  groups: ReportGroup[];
  /** Every article quoted, in the order first quoted, with its memo. */
  articles: Map<number, ReportArticle>;
  counts: { quotes: number; articles: number; outlets: number; groups: number };
  /** The tags and claims the charts are drawn for. */
  tagIds: number[];
  claimIds: number[];
}

export interface JobControl {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Awaited after each page read: by default the event loop's next turn, so other commands run meanwhile. */
  pause?: CodingPause;
}

type Row = [
  id: number,
  articleId: number,
  exact: string,
  note: string,
  anchor: string,
  start: number,
  tagIds: string | null,
  claims: string,
];

const nextTurn: CodingPause = () => new Promise<void>((done) => setImmediate(done));

export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new MarginaliaError('cancelled', 'The report was cancelled; no file was written.');
}

/** Passages of the scope, read page by page (the connection stays free for the app between pages). */
async function readPassages(db: Database, where: { sql: string; params: unknown[] }, job: JobControl): Promise<Row[]> {
  const total = db
    .prepare(`SELECT count(*) FROM passages p JOIN articles a ON a.id = p.article_id WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  const select = db.prepare(
    `SELECT p.id, p.article_id, p.exact, p.note, p.anchor, p.start,
            (SELECT group_concat(tag_id) FROM passage_tags WHERE passage_id = p.id),
            (SELECT json_group_array(json_array(claim_id, stance)) FROM claim_appearances WHERE passage_id = p.id)
     FROM passages p JOIN articles a ON a.id = p.article_id
     WHERE (${where.sql}) AND (p.article_id, p.start, p.id) > (?, ?, ?)
     ORDER BY p.article_id, p.start, p.id LIMIT ${PAGE_SIZE}`,
  );
  const rows: Row[] = [];
  job.onProgress?.(0, total);
  const fetch = (after: [number, number, number] | null) => select.raw().all(...where.params, ...(after ?? [0, -1, 0])) as Row[];
  for (const row of pages<Row, [number, number, number]>(fetch, (r) => [r[1], r[5], r[0]])) {
    rows.push(row);
    if (rows.length % PAGE_SIZE === 0 || rows.length === total) {
      job.onProgress?.(rows.length, total);
      await (job.pause ?? nextTurn)(rows.length, total, job.signal);
      checkCancelled(job.signal);
    }
  }
  return rows;
}

function readArticles(db: Database, ids: number[]): Map<number, ReportArticle> {
  const found = db
    .prepare(
      `SELECT a.id, a.title, a.outlet, a.published, ifnull(m.text, '') AS memo FROM articles a LEFT JOIN memos m ON m.article_id = a.id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as ReportArticle[];
  const byId = new Map(found.map((article) => [article.id, article]));
  const ordered = [...byId.values()].sort(
    (a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') || a.title.localeCompare(b.title) || a.id - b.id,
  );
  return new Map(ordered.map((article) => [article.id, article]));
}

function describeFilter(db: Database, tree: Tree, scope: ReportScope): string[] {
  const filter = scope.filter ?? {};
  const lines: string[] = [];
  if (filter.tagIds?.length) {
    const names = filter.tagIds.filter((id) => tree.byId.has(id)).map((id) => tree.path(id));
    lines.push(`Tags: ${names.join(filter.tagMode === 'all' ? ' and ' : ', ')}${filter.includeChildren ? ' (with their children)' : ''}`);
  }
  if (filter.outlets?.length) lines.push(`Outlets: ${filter.outlets.join(', ')}`);
  if (filter.from || filter.to) lines.push(`Published: ${filter.from ?? '…'} to ${filter.to ?? '…'}`);
  if (filter.articleIds?.length) {
    const count = filter.articleIds.length;
    lines.push(
      count === 1
        ? `Article: ${(db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(filter.articleIds[0]) as string | undefined) ?? '(deleted)'}`
        : `Articles: ${count} chosen`,
    );
  }
  if (filter.text?.trim()) lines.push(`Text: ${filter.text.trim()}`);
  return lines;
}

const byPlace = (articles: Map<number, ReportArticle>) => {
  const rank = new Map([...articles.keys()].map((id, i) => [id, i]));
  return (a: ReportQuote & { start: number }, b: ReportQuote & { start: number }) =>
    rank.get(a.articleId)! - rank.get(b.articleId)! || a.start - b.start || a.passageId - b.passageId;
};

/** Groups by tag (codebook order; the filter's tags when it names some) or by claim; quotes in date order. */
function groupRows(
  db: Database,
  tree: Tree,
  rows: Row[],
  scope: ReportScope,
  grouping: ReportGrouping,
  articles: Map<number, ReportArticle>,
) {
  const sort = byPlace(articles);
  const buckets = new Map<number, Array<ReportQuote & { start: number }>>();
  const loose: Array<ReportQuote & { start: number }> = [];
  const filter = scope.filter ?? {};
  const wanted = filter.tagIds?.length
    ? new Set(filter.tagIds.flatMap((id) => (filter.includeChildren && tree.byId.has(id) ? tree.subtree(id) : [id])))
    : null;
  for (const [passageId, articleId, quote, note, anchor, start, tagIds, claimsJson] of rows) {
    const base = { passageId, articleId, quote, note, orphan: anchor === 'orphan', start };
    const keys: Array<[number, string | undefined]> =
      grouping === 'tag'
        ? (tagIds?.split(',').map(Number) ?? []).filter((id) => !wanted || wanted.has(id)).map((id) => [id, undefined])
        : (JSON.parse(claimsJson) as Array<[number, string]>).filter(([id]) => !scope.claimId || id === scope.claimId);
    if (keys.length === 0) loose.push(base);
    for (const [key, stance] of keys) {
      const list = buckets.get(key) ?? [];
      list.push(stance === undefined ? base : { ...base, stance });
      buckets.set(key, list);
    }
  }
  const strip = (list: Array<ReportQuote & { start: number }>) => list.sort(sort).map(({ start: _start, ...quote }) => quote);
  const groups: ReportGroup[] = [];
  if (grouping === 'tag') {
    const descriptions = new Map(
      (db.prepare(`SELECT id, ifnull(description, '') FROM tags`).raw().all() as Array<[number, string]>).map(([id, text]) => [id, text]),
    );
    for (const node of tree.ordered()) {
      const list = buckets.get(node.id);
      if (list) groups.push({ title: tree.path(node.id), detail: descriptions.get(node.id) ?? '', quotes: strip(list) });
    }
    if (loose.length > 0) groups.push({ title: 'Untagged passages', detail: '', quotes: strip(loose) });
  } else {
    const claims = db
      .prepare(`SELECT id, statement, kind, speaker FROM claims WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify([...buckets.keys()])) as Array<{ id: number; statement: string; kind: string; speaker: string | null }>;
    for (const claim of claims)
      groups.push({
        title: claim.statement,
        detail: [claim.kind, claim.speaker].filter(Boolean).join(' · '),
        quotes: strip(buckets.get(claim.id)!),
      });
    if (loose.length > 0 && !scope.claimId) groups.push({ title: 'Passages in no claim', detail: '', quotes: strip(loose) });
  }
  return { groups, tagIds: grouping === 'tag' ? [...buckets.keys()] : [], claimIds: grouping === 'claim' ? [...buckets.keys()] : [] };
}

/** Everything a report shows, read from the library (passages page by page, cancellable). */
export async function collectReport(db: Database, scope: ReportScope, job: JobControl = {}): Promise<ReportData> {
  const tree = loadTree(db);
  let where: { sql: string; params: unknown[] };
  let title: string;
  let lines: string[];
  if (scope.claimId !== undefined) {
    const claim = db.prepare('SELECT statement FROM claims WHERE id = ?').pluck().get(scope.claimId) as string | undefined;
    if (claim === undefined) throw notFound('Claim', scope.claimId);
    where = { sql: 'p.id IN (SELECT passage_id FROM claim_appearances WHERE claim_id = ?)', params: [scope.claimId] };
    title = `Claim: ${claim}`;
    lines = ['Every appearance of the claim'];
  } else {
    const sql = filterSql(db, scope.filter ?? {});
    where = { sql: sql.where, params: sql.params };
    lines = describeFilter(db, tree, scope);
    title = lines.length === 0 ? 'Every coded passage' : 'Coded passages';
  }
  const grouping: ReportGrouping = scope.claimId !== undefined ? 'claim' : (scope.groupBy ?? 'tag');
  const rows = await readPassages(db, where, job);
  const articles = readArticles(db, [...new Set(rows.map((row) => row[1]))]);
  const { groups, tagIds, claimIds } = groupRows(db, tree, rows, scope, grouping, articles);
  const outlets = new Set([...articles.values()].map((article) => article.outlet ?? ''));
  return {
    title,
    scope: lines,
    grouping,
    groups,
    articles,
    counts: { quotes: rows.length, articles: articles.size, outlets: outlets.size, groups: groups.length },
    tagIds,
    claimIds,
  };
}

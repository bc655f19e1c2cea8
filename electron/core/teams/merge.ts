import type { Database } from 'better-sqlite3';
import { basename } from 'node:path';
import type { CodebookMapping, MergeReport } from '../../shared/merge';
import { among, recordEdit, type Selection } from '../articles/row-changes';
import type { Clock } from '../clock';
import type { Edit } from '../edits';
import { mergeArticles } from './merge-articles';
import { mergeClaims } from './merge-claims';
import { mergeCodebook } from './merge-codebook';
import { mergeCoders } from './merge-coders';
import { mergeMemos } from './merge-memos';

export function emptyReport(file: string, dryRun: boolean): MergeReport {
  return {
    file: basename(file),
    dryRun,
    articles: { matchedByUid: 0, matchedByText: 0, added: 0, reanchored: 0 },
    codebook: { matched: 0, mapped: 0, created: 0, merged: 0, differing: [] },
    coders: { matched: [], added: [] },
    passages: { matched: 0, added: 0, fuzzy: 0, orphaned: 0 },
    tagApplications: { added: 0, already: 0 },
    notes: { added: 0, appended: 0 },
    memos: { added: 0, appended: 0, already: 0 },
    claims: { matched: 0, added: 0 },
    appearances: { added: 0, already: 0 },
    links: { added: 0, already: 0 },
    skipped: [],
    changed: false,
  };
}

/** Of our rows that existed before, the ones a merge may change besides reprint groups: passages (their notes) and memos (of these articles). */
interface Touched {
  passages: number[];
  articles: number[];
}

function run(ours: Database, theirs: Database, clock: Clock, file: string, mappings: readonly CodebookMapping[], dryRun: boolean) {
  const report = emptyReport(file, dryRun);
  const coders = mergeCoders(ours, theirs, report);
  const tags = mergeCodebook(ours, theirs, clock, mappings, report);
  const merged = mergeArticles(ours, theirs, clock, { tags, coders }, report);
  mergeClaims(ours, theirs, clock, merged, coders, report);
  mergeMemos(ours, theirs, clock, merged, coders, report);
  const orphans = report.passages.orphaned;
  if (orphans > 0)
    report.skipped.push(
      `${orphans} passage${orphans === 1 ? '' : 's'} could not be found in this library's text of their article: kept as orphaned, to re-attach`,
    );
  const dropped =
    (theirs.prepare('SELECT count(*) FROM claim_rejections').pluck().get() as number) +
    (theirs.prepare('SELECT count(*) FROM candidate_dismissals').pluck().get() as number);
  if (report.articles.reanchored > 0 && dropped > 0)
    report.skipped.push(
      'rejected suggestions and dismissed candidates in articles whose text differs here: their places do not carry over',
    );
  report.changed =
    report.articles.added +
      report.codebook.created +
      report.coders.added.length +
      report.passages.added +
      report.tagApplications.added +
      report.notes.added +
      report.notes.appended +
      report.memos.added +
      report.memos.appended +
      report.claims.added +
      report.appearances.added +
      report.links.added >
    0;
  return { report, merged };
}

const ROLLBACK = new Error('merge preview: rolled back');

/** The merge carried out and rolled back (a savepoint inside the caller's transaction): its exact report, nothing written. */
function rehearse(ours: Database, theirs: Database, clock: Clock, file: string, mappings: readonly CodebookMapping[]) {
  let result: (ReturnType<typeof run> & { regrouped: number[] }) | undefined;
  // Our articles that a new one joins as its reprints (their group changes).
  const groups = () =>
    new Map(ours.prepare('SELECT id, reprint_group FROM articles WHERE reprint_group IS NOT NULL').raw().all() as Array<[number, number]>);
  try {
    ours.transaction(() => {
      const before = groups();
      const done = run(ours, theirs, clock, file, mappings, true);
      const regrouped = [...groups()].filter(([id, group]) => before.get(id) !== group).map(([id]) => id);
      result = { ...done, regrouped };
      throw ROLLBACK;
    })();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result as NonNullable<typeof result>;
}

/** What a merge would do, in the caller's write transaction, leaving the library as it was. */
export function previewMerge(
  ours: Database,
  theirs: Database,
  clock: Clock,
  file: string,
  mappings: readonly CodebookMapping[],
): MergeReport {
  return rehearse(ours, theirs, clock, file, mappings).report;
}

const highest = (db: Database, table: string, column = 'id'): number =>
  db.prepare(`SELECT ifnull(max(${column}), 0) FROM ${table}`).pluck().get() as number;

/**
 * Merges the other library into ours as one edit (one transaction, one undo step that takes the
 * whole merge back). A rehearsal first finds which of our existing rows it changes, so the undo
 * covers exactly those and every row it adds.
 */
export function mergeLibrary(
  ours: Database,
  theirs: Database,
  clock: Clock,
  file: string,
  mappings: readonly CodebookMapping[],
): Edit<MergeReport> {
  const { merged, regrouped } = rehearse(ours, theirs, clock, file, mappings);
  const [articles, passages] = [highest(ours, 'articles'), highest(ours, 'passages')];
  const touched: Touched = {
    passages: [...merged.passages.values()].filter((id) => id <= passages),
    articles: [...merged.articles.values()].filter((id) => id <= articles),
  };
  const above = (table: Selection['table'], column = 'id'): Selection => ({
    table,
    where: `"${column}" > ?`,
    params: [highest(ours, table, column)],
  });
  const fixed: Selection[] = [
    { ...above('articles'), where: 'id > ? OR id IN (SELECT value FROM json_each(?))', params: [articles, JSON.stringify(regrouped)] },
    above('article_sources', 'article_id'),
    above('tags'),
    above('coders'),
    above('claims'),
    above('claim_appearances'),
    above('claim_links'),
    above('claim_rejections'),
    above('candidate_dismissals'),
    {
      ...above('passages'),
      where: `id > ? OR id IN (SELECT value FROM json_each(?))`,
      params: [passages, JSON.stringify(touched.passages)],
    },
    {
      table: 'passage_tags',
      where: `passage_id > ? OR passage_id IN (SELECT value FROM json_each(?))`,
      params: [passages, JSON.stringify(touched.passages)],
    },
    above('memos'),
    { ...among('memos', 'article_id', touched.articles) },
    { table: 'memos', where: 'article_id IS NULL' },
  ];
  return recordEdit(
    ours,
    () => fixed,
    () => run(ours, theirs, clock, file, mappings, false).report,
    () => ({ label: `Merge ${basename(file)}`, changes: ['articles', 'passages', 'tags', 'claims', 'memos'] }),
  );
}

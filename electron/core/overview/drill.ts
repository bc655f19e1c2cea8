import type { Database } from 'better-sqlite3';
import type { Bucket, ChartName, OverviewDrill, OverviewFilter, OverviewMark } from '../../shared/overview';
import { NO_OUTLET } from '../../shared/overview';
import { DAY, MONTH, periodOf, scopeOf, taggedArticle, taggedPassage, where } from './scope';

type Condition = [string, ...unknown[]];
const SHOWN = 200;
/** The Passages view takes at most this many article ids. */
const MAX_IDS = 100_000;

const withTag = (tagId: number): Condition => [
  `a.id IN (SELECT p.article_id FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id WHERE pt.tag_id = ?)`,
  tagId,
];

/** Articles where a passage with one tag overlaps (or is) a passage with the other. */
const withBoth = (tagId: number, otherTagId: number): Condition => [
  `a.id IN (SELECT p1.article_id FROM passages p1 JOIN passage_tags t1 ON t1.passage_id = p1.id AND t1.tag_id = ?
            JOIN passages p2 ON p2.article_id = p1.article_id AND p2.start < p1."end" AND p1.start < p2."end"
            JOIN passage_tags t2 ON t2.passage_id = p2.id AND t2.tag_id = ?)`,
  tagId,
  otherTagId,
];

/** The article conditions a clicked mark adds to the chart's filter. */
function markConditions(chart: ChartName, mark: OverviewMark, bucket: Bucket, tagged: { article: Condition[]; passage: Condition[] }) {
  const out: Condition[] = [];
  if (mark.outlet !== undefined) {
    out.push(mark.outlet === NO_OUTLET ? [`(a.outlet IS NULL OR a.outlet = '')`] : [`a.outlet = ?`, mark.outlet]);
  }
  if (mark.period !== undefined) out.push([`${periodOf(bucket)} = ?`, mark.period]);
  if (mark.month !== undefined) out.push([`${MONTH} = ?`, mark.month]);
  if (mark.day !== undefined) out.push([`${DAY} = ?`, mark.day]);
  if (mark.claimId !== undefined) {
    const passage = tagged.passage.map(([clause]) => clause).join(' AND ') || '1';
    out.push([
      `a.id IN (SELECT p.article_id FROM claim_appearances ca JOIN passages p ON p.id = ca.passage_id WHERE ca.claim_id = ? AND ${passage})`,
      mark.claimId,
      ...tagged.passage.flatMap(([, ...values]) => values),
    ]);
  }
  if (chart === 'tag-cooccurrence' && mark.tagId !== undefined && mark.otherTagId !== undefined)
    out.push(withBoth(mark.tagId, mark.otherTagId));
  else if (mark.tagId !== undefined) out.push(withTag(mark.tagId));
  else if (chart !== 'claim-timeline') out.push(...tagged.article);
  return out;
}

/** The articles behind a mark of a chart, and the Passages view's filter that shows their passages. */
export function drill(db: Database, chart: ChartName, filter: OverviewFilter, mark: OverviewMark, bucket: Bucket = 'month'): OverviewDrill {
  const scope = scopeOf(db, filter);
  const w = where(scope.articles, ...markConditions(chart, mark, bucket, { article: taggedArticle(scope), passage: taggedPassage(scope) }));
  const ids = (
    db.prepare(`SELECT a.id FROM articles a WHERE ${w.sql} ORDER BY a.published, a.title_key, a.id`).all(...w.params) as Array<{
      id: number;
    }>
  ).map((row) => row.id);
  const articles = db
    .prepare(
      `SELECT id, title, outlet, published FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY published, title_key, id`,
    )
    .all(JSON.stringify(ids.slice(0, SHOWN))) as OverviewDrill['articles'];
  const markTags = [mark.tagId, mark.otherTagId].filter((id): id is number => id !== undefined);
  const tagIds = markTags.length > 0 ? markTags : (filter.tagIds ?? []);
  return { total: ids.length, articles, passages: { articleIds: ids.slice(0, MAX_IDS), ...(tagIds.length > 0 ? { tagIds } : {}) } };
}

import type { Database } from 'better-sqlite3';
import type { ClaimTimeline, OverviewFilter } from '../../shared/overview';
import { describeValue, parseFigures } from '../claims/figures';
import { DAY, OUTLET, scopeOf, taggedPassage, where } from './scope';

/**
 * Where each claim's figure changes: the (claim, day, outlet) marks holding an appearance whose
 * quote states a figure other than the one the claim's appearances stated before it (by date),
 * with the new figure in words, as the claim's page marks them.
 */
function figureChanges(db: Database, sql: string, params: unknown[]): Map<string, string> {
  const appearances = db
    .prepare(
      `SELECT ca.claim_id, ${DAY} AS day, ${OUTLET} AS outlet, p.exact
       FROM claim_appearances ca JOIN passages p ON p.id = ca.passage_id JOIN articles a ON a.id = p.article_id
       WHERE ${sql} AND ${DAY} IS NOT NULL ORDER BY ca.claim_id, 2, ca.id`,
    )
    .raw()
    .all(...params) as Array<[number, string, string, string]>;
  const changes = new Map<string, string>();
  let claim = 0;
  let previous: string | null = null;
  for (const [claimId, day, outlet, quote] of appearances) {
    if (claimId !== claim) [claim, previous] = [claimId, null];
    const figure = parseFigures(quote)[0];
    if (!figure) continue;
    const value = `${figure.value}|${figure.high ?? ''}|${figure.unit ?? ''}`;
    const key = `${claimId}|${day}|${outlet}`;
    if (previous !== null && value !== previous && !changes.has(key)) changes.set(key, describeValue(figure));
    previous = value;
  }
  return changes;
}

/** Each claim's appearances per day and outlet (their articles' dates), first appearances first. */
export function claimTimeline(db: Database, filter: OverviewFilter = {}): ClaimTimeline {
  const scope = scopeOf(db, filter);
  const w = where(scope.articles, ...taggedPassage(scope));
  const grouped = db
    .prepare(
      `SELECT c.id AS claimId, c.statement AS claim, ${DAY} AS day, ${OUTLET} AS outlet, count(*) AS count
       FROM claim_appearances ca JOIN claims c ON c.id = ca.claim_id JOIN passages p ON p.id = ca.passage_id
       JOIN articles a ON a.id = p.article_id WHERE ${w.sql}
       GROUP BY c.id, 3, 4`,
    )
    .all(...w.params) as Array<{ claimId: number; claim: string; day: string | null; outlet: string; count: number }>;
  const changes = figureChanges(db, w.sql, w.params);
  const dated = grouped
    .filter((row): row is Omit<ClaimTimeline['rows'][number], 'figureChange'> => row.day !== null)
    .map((row) => ({ ...row, figureChange: changes.get(`${row.claimId}|${row.day}|${row.outlet}`) ?? '' }));
  const first = new Map<number, string>();
  for (const row of dated) if (!first.has(row.claimId) || row.day < first.get(row.claimId)!) first.set(row.claimId, row.day);
  const rows = dated.sort(
    (a, b) =>
      first.get(a.claimId)!.localeCompare(first.get(b.claimId)!) ||
      a.claimId - b.claimId ||
      a.day.localeCompare(b.day) ||
      a.outlet.localeCompare(b.outlet),
  );
  return { rows, undated: grouped.filter((row) => row.day === null).reduce((sum, row) => sum + row.count, 0) };
}

import type { Database } from 'better-sqlite3';
import type { ClaimTimeline, OverviewFilter } from '../../shared/overview';
import { DAY, OUTLET, scopeOf, taggedPassage, where } from './scope';

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
  const dated = grouped.filter((row): row is ClaimTimeline['rows'][number] => row.day !== null);
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

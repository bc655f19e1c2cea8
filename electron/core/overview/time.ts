import type { Database } from 'better-sqlite3';
import type { ArticlesOverTime, Bucket, OverviewFilter } from '../../shared/overview';
import { DAY, OUTLET, periodOf, scopeOf, taggedArticle, where } from './scope';

/** The bucket that fits the span of the articles' days: days up to two months, weeks up to a year, else months. */
export function bucketFor(firstDay: string | null, lastDay: string | null): Bucket {
  if (!firstDay || !lastDay) return 'month';
  const days = (Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000;
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** Articles per period and outlet, counted in SQL. */
export function articlesOverTime(db: Database, filter: OverviewFilter = {}, bucket?: Bucket): ArticlesOverTime {
  const scope = scopeOf(db, filter);
  const w = where(scope.articles, ...taggedArticle(scope));
  if (!bucket) {
    const span = db.prepare(`SELECT min(${DAY}) AS first, max(${DAY}) AS last FROM articles a WHERE ${w.sql}`).get(...w.params) as {
      first: string | null;
      last: string | null;
    };
    bucket = bucketFor(span.first, span.last);
  }
  const grouped = db
    .prepare(
      `SELECT ${periodOf(bucket)} AS period, ${OUTLET} AS outlet, count(*) AS count FROM articles a WHERE ${w.sql}
       GROUP BY 1, 2 ORDER BY 1, 2 COLLATE NOCASE`,
    )
    .all(...w.params) as Array<{ period: string | null; outlet: string; count: number }>;
  const rows = grouped.filter((row): row is { period: string; outlet: string; count: number } => row.period !== null);
  const undated = grouped.filter((row) => row.period === null).reduce((sum, row) => sum + row.count, 0);
  return { bucket, rows, undated };
}

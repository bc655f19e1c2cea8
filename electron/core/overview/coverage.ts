import type { Database } from 'better-sqlite3';
import type { Coverage, OverviewFilter } from '../../shared/overview';
import { OUTLET, scopeOf, taggedPassage, where } from './scope';

/**
 * Per outlet: its articles, those with a passage, and the share of their characters inside a
 * passage. Overlapping passages are merged first (islands of passages ordered by start), so a
 * character coded twice counts once.
 */
export function coverage(db: Database, filter: OverviewFilter = {}): Coverage {
  const scope = scopeOf(db, filter);
  const w = where(scope.articles);
  const passages = where({ clauses: [], params: [] }, ...taggedPassage(scope));
  const rows = db
    .prepare(
      `WITH fa AS MATERIALIZED (SELECT a.id, ${OUTLET} AS outlet, length(a.text) AS characters FROM articles a WHERE ${w.sql}),
            fp AS (SELECT p.article_id, p.start, p."end" FROM passages p JOIN fa ON fa.id = p.article_id WHERE ${passages.sql}),
            ordered AS (SELECT article_id, start, "end", max("end") OVER (PARTITION BY article_id ORDER BY start, "end"
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach FROM fp),
            islands AS (SELECT article_id, start, "end", sum(CASE WHEN reach IS NULL OR start > reach THEN 1 ELSE 0 END)
                          OVER (PARTITION BY article_id ORDER BY start, "end" ROWS UNBOUNDED PRECEDING) AS island FROM ordered),
            spans AS (SELECT article_id, max("end") - min(start) AS length FROM islands GROUP BY article_id, island),
            coded AS (SELECT article_id, sum(length) AS characters FROM spans GROUP BY article_id)
       SELECT fa.outlet AS outlet, count(*) AS articles, count(coded.article_id) AS count, sum(fa.characters) AS characters,
              ifnull(sum(coded.characters), 0) AS codedCharacters
       FROM fa LEFT JOIN coded ON coded.article_id = fa.id GROUP BY fa.outlet ORDER BY fa.outlet COLLATE NOCASE`,
    )
    .all(...w.params, ...passages.params) as Array<Omit<Coverage['rows'][number], 'share'>>;
  return { rows: rows.map((row) => ({ ...row, share: row.characters > 0 ? row.codedCharacters / row.characters : 0 })) };
}

import type { Database } from 'better-sqlite3';
import type { OverviewFilter, TagCell, TagCooccurrence, TagsByMonth, TagsByOutlet } from '../../shared/overview';
import { MONTH, OUTLET, type Scope, scopeOf, tagCondition, tagOrder, where } from './scope';

interface Grouped {
  tagId: number;
  key: string | null;
  count: number;
  articles: number;
  total: number;
}

/**
 * Passages per tag (as applied, not rolled up to parents) and per `key` (outlet or month), the
 * articles among them, and the key's article count as the share's denominator.
 */
function tagsBy(db: Database, scope: Scope, key: string): Grouped[] {
  const w = where(scope.articles);
  const tags = where({ clauses: [], params: [] }, ...tagCondition(scope));
  return db
    .prepare(
      `WITH fa AS MATERIALIZED (SELECT a.id, ${key} AS key FROM articles a WHERE ${w.sql}),
            totals AS (SELECT key, count(*) AS total FROM fa GROUP BY key)
       SELECT pt.tag_id AS tagId, fa.key AS key, count(*) AS count, count(DISTINCT p.article_id) AS articles, totals.total AS total
       FROM fa JOIN passages p ON p.article_id = fa.id JOIN passage_tags pt ON pt.passage_id = p.id
       JOIN totals ON totals.key IS fa.key
       WHERE ${tags.sql}
       GROUP BY pt.tag_id, fa.key`,
    )
    .all(...w.params, ...tags.params) as Grouped[];
}

function cell(scope: Scope, row: Grouped): TagCell {
  return { tagId: row.tagId, tag: scope.tree.path(row.tagId), count: row.count, articles: row.articles, share: row.articles / row.total };
}

function byTagThen<T extends TagCell>(order: Map<number, number>, key: (row: T) => string) {
  return (a: T, b: T) => (order.get(a.tagId) ?? 0) - (order.get(b.tagId) ?? 0) || key(a).localeCompare(key(b));
}

export function tagsByOutlet(db: Database, filter: OverviewFilter = {}): TagsByOutlet {
  const scope = scopeOf(db, filter);
  const rows = tagsBy(db, scope, OUTLET).map((row) => ({ ...cell(scope, row), outlet: row.key! }));
  return { rows: rows.sort(byTagThen(tagOrder(scope.tree), (row) => row.outlet)) };
}

export function tagsByMonth(db: Database, filter: OverviewFilter = {}): TagsByMonth {
  const scope = scopeOf(db, filter);
  const grouped = tagsBy(db, scope, MONTH);
  const rows = grouped.filter((row) => row.key !== null).map((row) => ({ ...cell(scope, row), month: row.key! }));
  const undated = grouped.filter((row) => row.key === null).reduce((sum, row) => sum + row.count, 0);
  return { rows: rows.sort(byTagThen(tagOrder(scope.tree), (row) => row.month)), undated };
}

/**
 * For each pair of tags, the places where they code the same text: a passage carrying both, or
 * two overlapping passages of one article carrying one each. Each pair of passages counts once.
 */
export function tagCooccurrence(db: Database, filter: OverviewFilter = {}): TagCooccurrence {
  const scope = scopeOf(db, filter);
  const w = where(scope.articles);
  const tags = where({ clauses: [], params: [] }, ...tagCondition(scope));
  const pairs = db
    .prepare(
      `WITH fp AS MATERIALIZED (SELECT p.id, p.article_id, p.start, p."end" FROM passages p JOIN articles a ON a.id = p.article_id WHERE ${w.sql}),
            ft AS MATERIALIZED (SELECT pt.passage_id, pt.tag_id FROM passage_tags pt WHERE pt.passage_id IN (SELECT id FROM fp) AND ${tags.sql}),
            pairs AS (SELECT p1.id AS a, p2.id AS b FROM fp p1 JOIN fp p2
                      ON p2.article_id = p1.article_id AND p2.id >= p1.id AND p2.start < p1."end" AND p1.start < p2."end")
       SELECT min(t1.tag_id, t2.tag_id) AS x, max(t1.tag_id, t2.tag_id) AS y, count(DISTINCT pairs.a * 4294967296 + pairs.b) AS count
       FROM pairs JOIN ft t1 ON t1.passage_id = pairs.a JOIN ft t2 ON t2.passage_id = pairs.b
       WHERE t1.tag_id <> t2.tag_id GROUP BY x, y`,
    )
    .all(...w.params, ...tags.params) as Array<{ x: number; y: number; count: number }>;
  const order = tagOrder(scope.tree);
  const rank = (id: number) => order.get(id) ?? 0;
  const rows = pairs.map(({ x, y, count }) => {
    // The pair reads in codebook order: the tag listed first comes first.
    const [tagId, otherTagId] = rank(x) <= rank(y) ? [x, y] : [y, x];
    return { tagId, tag: scope.tree.path(tagId), otherTagId, otherTag: scope.tree.path(otherTagId), count };
  });
  return { rows: rows.sort((a, b) => rank(a.tagId) - rank(b.tagId) || rank(a.otherTagId) - rank(b.otherTagId)) };
}

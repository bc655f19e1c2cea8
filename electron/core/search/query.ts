import type { Database } from 'better-sqlite3';
import { MATCH_END, MATCH_START, type SearchResults } from '../../shared/types';
import { ftsQuery } from './fts-query';

/** One search over articles, passages (quotes and notes) and claims, grouped by kind. */
export function search(db: Database, query: string, limit = 50): SearchResults {
  const match = ftsQuery(query);
  const results: SearchResults = { query, articles: [], passages: [], claims: [] };
  if (!match) return results;
  const mark = `'${MATCH_START}', '${MATCH_END}'`;
  results.articles = db
    .prepare(
      `SELECT a.id, a.title, a.outlet, a.published, snippet(articles_fts, 3, ${mark}, '…', 24) AS snippet
       FROM articles_fts f JOIN articles a ON a.id = f.rowid
       WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit) as SearchResults['articles'];
  results.passages = db
    .prepare(
      `SELECT p.id, p.article_id AS articleId, a.title AS articleTitle, p.start, p."end" AS "end",
              CASE WHEN p.note <> '' AND instr(highlight(passages_fts, 0, ${mark}), '${MATCH_START}') = 0
                   THEN snippet(passages_fts, 1, ${mark}, '…', 24)
                   ELSE highlight(passages_fts, 0, ${mark}) END AS snippet
       FROM passages_fts f JOIN passages p ON p.id = f.rowid JOIN articles a ON a.id = p.article_id
       WHERE passages_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit) as SearchResults['passages'];
  results.claims = db
    .prepare(
      `SELECT c.id, c.statement, highlight(claims_fts, 0, ${mark}) AS snippet
       FROM claims_fts f JOIN claims c ON c.id = f.rowid
       WHERE claims_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit) as SearchResults['claims'];
  return results;
}

import type { Database } from 'better-sqlite3';
import { MATCH_END, MATCH_START, type SearchResults } from '../../shared/types';
import { ftsQuery } from './fts-query';
import { findNumbers, numberToken } from './numbers';

/** One search over articles, passages (quotes and notes), claims and memos, grouped by kind. */
export function search(db: Database, query: string, limit = 50): SearchResults {
  const match = ftsQuery(query);
  const results: SearchResults = { query, articles: [], passages: [], claims: [], memos: [] };
  if (!match) return results;
  const mark = `'${MATCH_START}', '${MATCH_END}'`;
  results.articles = db
    .prepare(
      `SELECT a.id, a.title, a.outlet, a.published, snippet(articles_fts, 3, ${mark}, '…', 24) AS snippet
       FROM articles_fts f JOIN articles a ON a.id = f.rowid
       WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit) as SearchResults['articles'];
  // A passage shows its quote, unless only its note matched: then the note's matching fragment.
  const passages = db
    .prepare(
      `SELECT p.id, p.article_id AS articleId, a.title AS articleTitle, p.start, p."end" AS "end",
              highlight(passages_fts, 0, ${mark}) AS quote, snippet(passages_fts, 1, ${mark}, '…', 24) AS note
       FROM passages_fts f JOIN passages p ON p.id = f.rowid JOIN articles a ON a.id = p.article_id
       WHERE passages_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit) as Array<Omit<SearchResults['passages'][number], 'snippet'> & { quote: string; note: string }>;
  results.passages = passages.map(({ quote, note, ...hit }) => ({
    ...hit,
    snippet: !quote.includes(MATCH_START) && note.includes(MATCH_START) ? note : quote,
  }));
  results.claims = db
    .prepare(
      `SELECT c.id, c.statement, highlight(claims_fts, 0, ${mark}) AS snippet
       FROM claims_fts f JOIN claims c ON c.id = f.rowid
       WHERE claims_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit) as SearchResults['claims'];
  results.memos = db
    .prepare(
      `SELECT m.article_id AS articleId, a.title AS articleTitle, snippet(memos_fts, 0, ${mark}, '…', 24) AS snippet
       FROM memos_fts f JOIN memos m ON m.id = f.rowid LEFT JOIN articles a ON a.id = m.article_id
       WHERE memos_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit) as SearchResults['memos'];
  // A statistic found through its number token ("6.5 mln" for "6.5 million") is marked too.
  const wanted = new Set(findNumbers(query).map((n) => numberToken(n.value)));
  if (wanted.size > 0) {
    for (const hit of [...results.articles, ...results.passages, ...results.claims, ...results.memos])
      hit.snippet = markNumbers(hit.snippet, wanted);
  }
  return results;
}

/** Wraps number mentions whose value is wanted in match markers, where not marked already. */
function markNumbers(snippet: string, wanted: Set<string>): string {
  if (snippet.includes(MATCH_START)) return snippet;
  let out = '';
  let last = 0;
  for (const n of findNumbers(snippet)) {
    if (!wanted.has(numberToken(n.value))) continue;
    out += snippet.slice(last, n.start) + MATCH_START + snippet.slice(n.start, n.end) + MATCH_END;
    last = n.end;
  }
  return out + snippet.slice(last);
}

import type { Database } from 'better-sqlite3';
import { findNumbers, mentionTokens } from './numbers';
import type { Term } from './terms';

/** How many of the best articles by bm25 a number query re-ranks. */
export const NUMBER_WINDOW = 500;

/**
 * How often a text states the figures asked for, in the unit the query gives (a plain count for
 * "6,500,000", pounds for "£6.5m"). The index keeps each number token once per text, so bm25
 * alone sees only length: a short piece that mentions the figure once in passing beat the TASS
 * article that states it twice.
 */
function mentionsOf(text: string, numbers: ReadonlyArray<Extract<Term, { kind: 'number' }>>): number {
  // The most specific token of each term: value and unit when it has one, else the value.
  const wanted = new Set(numbers.map((term) => term.tokens.at(-1)!));
  let n = 0;
  for (const mention of findNumbers(text)) if (mentionTokens(mention).some((token) => wanted.has(token))) n++;
  return n;
}

/**
 * The ids of a page of article hits for a query with numbers: the best NUMBER_WINDOW by bm25
 * re-ranked by how often each states the figure (bm25 order among equals), then the rest by bm25.
 * Any page inside the window sees the same order, so paging shows every hit once.
 */
export function numberRankedIds(
  db: Database,
  terms: readonly Term[],
  byRank: (limit: number, offset: number) => number[],
  offset: number,
  limit: number,
): number[] {
  const numbers = terms.filter((term): term is Extract<Term, { kind: 'number' }> => term.kind === 'number');
  if (numbers.length === 0 || offset >= NUMBER_WINDOW) return byRank(limit, offset);
  const head = byRank(NUMBER_WINDOW, 0);
  const texts = new Map(
    (
      db.prepare('SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(head)) as Array<{
        id: number;
        title: string;
        text: string;
      }>
    ).map((row) => [row.id, mentionsOf(row.title, numbers) + mentionsOf(row.text, numbers)]),
  );
  const ranked = head.map((id, i) => ({ id, i, n: texts.get(id) ?? 0 })).sort((a, b) => b.n - a.n || a.i - b.i);
  const ids = ranked.slice(offset, offset + limit).map((r) => r.id);
  if (ids.length < limit && head.length === NUMBER_WINDOW)
    ids.push(...byRank(limit - ids.length, NUMBER_WINDOW + Math.max(0, offset - NUMBER_WINDOW)));
  return ids;
}

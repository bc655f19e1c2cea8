import type { Database } from 'better-sqlite3';
import type {
  ArticleHit,
  ClaimHit,
  MemoHit,
  PassageHit,
  SearchCounts,
  SearchKind,
  SearchPage,
  SearchResults,
  TextHits,
} from '../../shared/types';
import { notFound } from '../errors';
import { LAYOUTS, RANKS } from './fts-query';
import { findHits, markRanges, snippet } from './hits';
import { numberRankedIds } from './number-rank';
import { ftsMatch, parseQuery, type Term } from './terms';

/**
 * Search over articles, passages (their quotes), notes, claims and memos: the true number of hits of each
 * kind, and pages of hits best first, each with its matched words marked (exact forms, stems and
 * number readings alike: the marks come from findHits, which matches as the index does).
 */

interface Kind<H> {
  table: 'articles_fts' | 'passages_fts' | 'claims_fts' | 'memos_fts';
  layout: keyof typeof LAYOUTS;
  /** Hits for the ids of one page, in the order given. */
  rows(db: Database, ids: number[], terms: readonly Term[]): H[];
}

const ids = (list: number[]): string => JSON.stringify(list);
function inOrder<R extends { id: number }>(rows: R[], order: number[]): R[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return order.flatMap((id) => byId.get(id) ?? []);
}

const articles: Kind<ArticleHit> = {
  table: 'articles_fts',
  layout: 'articles',
  rows(db, order, terms) {
    const rows = db
      .prepare('SELECT id, title, outlet, published, text FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .all(ids(order)) as Array<Omit<ArticleHit, 'snippet' | 'titleMarked' | 'hitCount'> & { text: string }>;
    return inOrder(rows, order).map(({ text, ...row }) => {
      const hits = findHits(text, terms);
      return {
        ...row,
        titleMarked: markRanges(row.title, findHits(row.title, terms)),
        snippet: snippet(text, hits),
        hitCount: hits.length,
      };
    });
  },
};

function passageRows(column: 'exact' | 'note') {
  return (db: Database, order: number[], terms: readonly Term[]): PassageHit[] => {
    const rows = db
      .prepare(
        `SELECT p.id, p.article_id AS articleId, a.title AS articleTitle, p.start, p."end" AS "end", p.${column} AS body
         FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids(order)) as Array<Omit<PassageHit, 'snippet'> & { body: string }>;
    return inOrder(rows, order).map(({ body, ...row }) => ({ ...row, snippet: snippet(body, findHits(body, terms)) }));
  };
}

const claims: Kind<ClaimHit> = {
  table: 'claims_fts',
  layout: 'claims',
  rows(db, order, terms) {
    const rows = db.prepare('SELECT id, statement FROM claims WHERE id IN (SELECT value FROM json_each(?))').all(ids(order)) as Array<{
      id: number;
      statement: string;
    }>;
    return inOrder(rows, order).map((row) => ({ ...row, snippet: markRanges(row.statement, findHits(row.statement, terms)) }));
  },
};

const memos: Kind<MemoHit> = {
  table: 'memos_fts',
  layout: 'memos',
  rows(db, order, terms) {
    const rows = db
      .prepare(
        `SELECT m.id, m.article_id AS articleId, a.title AS articleTitle, m.text FROM memos m LEFT JOIN articles a ON a.id = m.article_id
         WHERE m.id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids(order)) as Array<Omit<MemoHit, 'snippet'> & { text: string }>;
    return inOrder(rows, order).map(({ text, ...row }) => ({ ...row, snippet: snippet(text, findHits(text, terms)) }));
  },
};

const KINDS = {
  articles,
  passages: { table: 'passages_fts', layout: 'quotes', rows: passageRows('exact') } satisfies Kind<PassageHit>,
  notes: { table: 'passages_fts', layout: 'notes', rows: passageRows('note') } satisfies Kind<PassageHit>,
  claims,
  memos,
} as const;

export const SEARCH_KINDS = Object.keys(KINDS) as SearchKind[];

function count(db: Database, kind: SearchKind, terms: readonly Term[]): number {
  const { table, layout } = KINDS[kind];
  const match = ftsMatch(terms, LAYOUTS[layout], true);
  if (!match) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`).get(match) as { n: number }).n;
}

function pageOf(db: Database, kind: SearchKind, terms: readonly Term[], offset: number, limit: number) {
  const { table, layout, rows } = KINDS[kind];
  const match = ftsMatch(terms, LAYOUTS[layout]);
  if (!match) return [];
  // Ids first, ranked inside the index; the rows (article texts) are read for this page only.
  const ranked = db
    .prepare(
      `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY ${RANKS[table.replace('_fts', '') as keyof typeof RANKS]}, rowid LIMIT ? OFFSET ?`,
    )
    .pluck();
  const byRank = (n: number, from: number) => ranked.all(match, n, from) as number[];
  const order = kind === 'articles' ? numberRankedIds(db, terms, byRank, offset, limit) : byRank(limit, offset);
  return (rows as Kind<unknown>['rows'])(db, order, terms);
}

/** The first page of every kind with the count of each. */
export function search(db: Database, query: string, limit = 20): SearchResults {
  const terms = parseQuery(query);
  const counts = Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, terms.length ? count(db, kind, terms) : 0])) as SearchCounts;
  const page = <K extends SearchKind>(kind: K) => (counts[kind] ? pageOf(db, kind, terms, 0, limit) : []) as SearchResults[K];
  return {
    query,
    counts,
    articles: page('articles'),
    passages: page('passages'),
    notes: page('notes'),
    claims: page('claims'),
    memos: page('memos'),
  };
}

/** Where the query matches in one article's text. */
export function articleHits(db: Database, query: string, articleId: number): TextHits {
  const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string | undefined;
  if (text === undefined) throw notFound('Article', articleId);
  return { query, ranges: findHits(text, parseQuery(query)) };
}

/** Hits of one kind from `offset` on, with the kind's count (the list loads these as it scrolls). */
export function searchPage(db: Database, query: string, kind: SearchKind, offset: number, limit: number): SearchPage {
  const terms = parseQuery(query);
  const total = terms.length ? count(db, kind, terms) : 0;
  const hits = offset < total ? pageOf(db, kind, terms, offset, limit) : [];
  return { query, kind, offset, total, hits } as SearchPage;
}

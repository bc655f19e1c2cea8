import type { Database } from 'better-sqlite3';
import type { Claim, RelatedItem, Relation } from '../../shared/claims';
import { notFound } from '../errors';
import { getClaim } from './queries';
import { overlapsAny, reprintAppearances } from './reprint-appearances';
import { indexQueued } from './sentence-index';
import { type ClaimProfile, compare, type Comparison, profileOf } from './similarity';

/**
 * "Where else" for a claim: sentences of other articles that state it or a varied version, and
 * other claims that may support, contradict or vary it. Candidates come from the sentence index
 * (bm25 over the claim's rarer terms) and the figure index (same value, or the same counted thing);
 * each is then compared with the claim (similarity.ts) and ranked, with its reasons; the claim's
 * quotes in reprints of its articles come first, the reprint their reason. Never the
 * claim's own appearances, nor anything the analyst rejected or already linked.
 */

const FTS_CANDIDATES = 200;
const FIGURE_CANDIDATES = 100;
const QUERY_TERMS = 8;
const COMMON_SHARE = 0.02;
const COMMON_DOCUMENTS = 500;

interface SentenceHit {
  id: number;
  articleId: number;
  start: number;
  end: number;
}

/** Inverse document frequencies of terms over the sentence index. */
interface Idf {
  (term: string): number;
  /** Whether so many sentences hold the term (more than 500, and more than a fiftieth) that it ranks nothing. */
  common(term: string): boolean;
}

function idfFor(db: Database, terms: readonly string[]): Idf {
  const total = (db.prepare('SELECT max(id) AS n FROM article_sentences').get() as { n: number | null }).n ?? 0;
  const df = new Map<string, number>();
  const lookup = db.prepare('SELECT doc FROM sentences_vocab WHERE term = ?');
  for (const term of terms) df.set(term, (lookup.get(term) as { doc: number } | undefined)?.doc ?? 0);
  const idf = ((term: string) => Math.log(1 + (total + 1) / ((df.get(term) ?? 0) + 1))) as Idf;
  idf.common = (term) => (df.get(term) ?? 0) > Math.max(COMMON_DOCUMENTS, total * COMMON_SHARE);
  return idf;
}

/** The claim as compared: its statement, with the figure its fields record when the text has none. */
function claimProfile(claim: Claim): ClaimProfile {
  const profile = profileOf(claim.statement);
  if (profile.figures.length === 0 && claim.value !== null) {
    profile.figures.push({
      value: claim.value,
      high: null,
      unit: claim.unit,
      counted: claim.counted,
      countedText: claim.counted,
      qualifier: null,
      hedged: false,
      start: 0,
      end: 0,
    });
  }
  return profile;
}

function quoteTerm(term: string): string {
  return `"${term.replaceAll('"', '')}"`;
}

/**
 * The rarest of the claim's terms (names and words) for the bm25 query: a term found in more than
 * a fiftieth of all sentences ranks nothing and makes the query scan a long posting list.
 */
function queryTerms(profile: ClaimProfile, idf: (t: string) => number): string[] {
  return [...profile.terms]
    .filter((t) => !/^n\d/.test(t))
    .sort((a, b) => idf(b) - idf(a))
    .slice(0, QUERY_TERMS);
}

function sentenceCandidates(db: Database, profile: ClaimProfile, idf: Idf): SentenceHit[] {
  const hits = new Map<number, SentenceHit>();
  const terms = queryTerms(profile, idf).filter((t) => !idf.common(t));
  const select = 'SELECT s.id, s.article_id AS articleId, s.start, s."end" AS "end" FROM article_sentences s';
  if (terms.length > 0) {
    const rows = db
      .prepare(`${select} JOIN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?) f ON f.rowid = s.id`)
      .all(terms.map(quoteTerm).join(' OR '), FTS_CANDIDATES) as SentenceHit[];
    for (const row of rows) hits.set(row.id, row);
  }
  for (const figure of profile.figures) {
    const margin = Math.abs(figure.value) * 0.005;
    const byValue = db
      .prepare(`${select} WHERE s.id IN (SELECT sentence_id FROM sentence_figures WHERE value BETWEEN ? AND ? LIMIT ?)`)
      .all(figure.value - margin, figure.value + margin, FIGURE_CANDIDATES) as SentenceHit[];
    const byCounted =
      figure.counted === null
        ? []
        : (db
            .prepare(`${select} WHERE s.id IN (SELECT sentence_id FROM sentence_figures WHERE counted = ? LIMIT ?)`)
            .all(figure.counted, FIGURE_CANDIDATES) as SentenceHit[]);
    for (const row of [...byValue, ...byCounted]) hits.set(row.id, row);
  }
  return [...hits.values()];
}

function tierOf(comparison: Comparison): 'strong' | 'weak' {
  return comparison.strong ? 'strong' : 'weak';
}

/** Strong suggestions first (each tier by score): the analyst sees those, weak ones folded. */
function ranked(items: RelatedItem[]): RelatedItem[] {
  return items.sort((a, b) => (a.tier === b.tier ? b.score - a.score : a.tier === 'strong' ? -1 : 1));
}

/** Sentences in other places that state the claim or a varied version of it. */
export function whereElse(db: Database, claimId: number, limit = 20): RelatedItem[] {
  indexQueued(db);
  const claim = getClaim(db, claimId);
  const profile = claimProfile(claim);
  const idf = idfFor(db, [...profile.terms]);
  const own = claim.appearances;
  const rejected = db
    .prepare('SELECT article_id AS articleId, start, "end" FROM claim_rejections WHERE claim_id = ?')
    .all(claimId) as Array<{
    articleId: number;
    start: number;
    end: number;
  }>;
  const texts = new Map<number, string>();
  const textOf = db.prepare('SELECT text FROM articles WHERE id = ?');
  const reprinted = reprintAppearances(db, claim, rejected);
  const items: RelatedItem[] = [...reprinted];
  const compared = new Map<string, Comparison>();
  // Other articles only: the claim's own articles are where the analyst found it.
  const ownArticles = new Set(own.map((a) => a.articleId));
  const taken = reprinted as Array<RelatedItem & { articleId: number; start: number; end: number }>;
  for (const hit of sentenceCandidates(db, profile, idf)) {
    if (ownArticles.has(hit.articleId) || overlapsAny(rejected, hit) || overlapsAny(taken, hit)) continue;
    let text = texts.get(hit.articleId);
    if (text === undefined) {
      text = (textOf.get(hit.articleId) as { text: string } | undefined)?.text ?? '';
      texts.set(hit.articleId, text);
    }
    const sentence = text.slice(hit.start, hit.end);
    // Reprints repeat sentences word for word: compare each text once.
    let comparison = compared.get(sentence);
    if (!comparison) compared.set(sentence, (comparison = compare(profile, sentence, idf)));
    if (!comparison.eligible) continue;
    items.push({
      type: 'appearance',
      articleId: hit.articleId,
      start: hit.start,
      end: hit.end,
      text: sentence,
      claimId: null,
      relation: comparison.relation,
      tier: tierOf(comparison),
      score: comparison.score,
      reasons: comparison.reasons,
    });
  }
  return ranked(items).slice(0, limit);
}

function proposedRelation(comparison: Comparison): Relation {
  if (comparison.reasons.includes('one denies what the other states')) return 'contradicts';
  if (comparison.relation === 'varies') return 'varies';
  if (comparison.relation === 'same') return 'supports';
  return 'related';
}

/** Other claims that may support, contradict or vary this one (never ones already linked or rejected). */
export function relatedClaims(db: Database, claimId: number, limit = 20): RelatedItem[] {
  const claim = getClaim(db, claimId);
  const profile = claimProfile(claim);
  const terms = queryTerms(profile, () => 1);
  const linked = new Set(
    (
      db
        .prepare('SELECT from_claim_id AS f, to_claim_id AS t FROM claim_links WHERE from_claim_id = ? OR to_claim_id = ?')
        .all(claimId, claimId) as Array<{ f: number; t: number }>
    ).flatMap(({ f, t }) => [f, t]),
  );
  const ids = new Set<number>();
  if (terms.length > 0) {
    const rows = db
      .prepare('SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?')
      .all(`terms : (${terms.map(quoteTerm).join(' OR ')})`, FTS_CANDIDATES) as Array<{ id: number }>;
    for (const row of rows) ids.add(row.id);
  }
  if (claim.counted !== null) {
    for (const row of db.prepare('SELECT id FROM claims WHERE counted = ? LIMIT ?').all(claim.counted, FIGURE_CANDIDATES) as Array<{
      id: number;
    }>) {
      ids.add(row.id);
    }
  }
  const idf = idfFor(db, [...profile.terms]);
  const statement = db.prepare('SELECT statement FROM claims WHERE id = ?');
  const items: RelatedItem[] = [];
  for (const id of ids) {
    if (id === claimId || linked.has(id)) continue;
    const row = statement.get(id) as { statement: string } | undefined;
    if (!row) continue;
    const comparison = compare(profile, row.statement, idf);
    if (!comparison.eligible) continue;
    items.push({
      type: 'claim',
      articleId: null,
      start: null,
      end: null,
      text: row.statement,
      claimId: id,
      relation: proposedRelation(comparison),
      tier: tierOf(comparison),
      score: comparison.score,
      reasons: comparison.reasons,
    });
  }
  return ranked(items).slice(0, limit);
}

/** Both kinds of suggestion for a claim, best first. */
export function suggestionsFor(db: Database, claimId: number, limit = 20): RelatedItem[] {
  if (!db.prepare('SELECT 1 FROM claims WHERE id = ?').get(claimId)) throw notFound('Claim', claimId);
  return ranked([...whereElse(db, claimId, limit), ...relatedClaims(db, claimId, limit)]).slice(0, limit);
}

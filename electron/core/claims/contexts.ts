import type { Database } from 'better-sqlite3';
import type { ClaimContext, RelatedItem, RelatedSuggestion } from '../../shared/claims';
import { splitSentences, type Span } from '../text/sentences';
import { claimExists } from './edits';
import { describeValue, parseFigures } from './figures';

interface Row {
  appearanceId: number;
  articleId: number;
  start: number;
  end: number;
  text: string;
}

/** The sentences a range touches, from the article's sentence index, else split now (not indexed yet). */
function sentenceAround(db: Database, row: Row): Span {
  const indexed = db
    .prepare(`SELECT min(start) AS start, max("end") AS "end" FROM article_sentences WHERE article_id = ? AND start < ? AND "end" > ?`)
    .get(row.articleId, Math.max(row.end, row.start + 1), row.start) as { start: number | null; end: number | null };
  if (indexed.start !== null && indexed.end !== null) return { start: indexed.start, end: indexed.end };
  const touched = splitSentences(row.text).filter((s) => s.start < Math.max(row.end, row.start + 1) && s.end > row.start);
  return touched.length > 0 ? { start: touched[0]!.start, end: touched.at(-1)!.end } : { start: row.start, end: row.end };
}

/** Each appearance of a claim in its sentence, with the first figure its quote states (the timeline marks changes). */
export function claimContexts(db: Database, claimId: number): ClaimContext[] {
  claimExists(db, claimId);
  const rows = db
    .prepare(
      `SELECT ca.id AS appearanceId, p.article_id AS articleId, p.start, p."end" AS "end", a.text
       FROM claim_appearances ca JOIN passages p ON p.id = ca.passage_id JOIN articles a ON a.id = p.article_id
       WHERE ca.claim_id = ? ORDER BY ca.id`,
    )
    .all(claimId) as Row[];
  return rows.map((row) => {
    const sentence = sentenceAround(db, row);
    const quote = row.text.slice(row.start, row.end);
    const figure = parseFigures(quote)[0];
    return {
      appearanceId: row.appearanceId,
      before: row.text.slice(Math.min(sentence.start, row.start), row.start),
      after: row.text.slice(row.end, Math.max(sentence.end, row.end)),
      figure: figure ? { text: describeValue(figure), value: figure.value, unit: figure.unit, qualifier: figure.qualifier } : null,
    };
  });
}

/** Suggestions with the title, outlet and date of the article each suggested sentence is in. */
export function withArticles(db: Database, items: readonly RelatedItem[]): RelatedSuggestion[] {
  const ids = [...new Set(items.flatMap((i) => (i.articleId === null ? [] : [i.articleId])))];
  const rows = db
    .prepare('SELECT id, title, outlet, published FROM articles WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Array<{ id: number; title: string; outlet: string | null; published: string | null }>;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return items.map((item) => {
    const article = item.articleId === null ? undefined : byId.get(item.articleId);
    return { ...item, articleTitle: article?.title ?? null, outlet: article?.outlet ?? null, published: article?.published ?? null };
  });
}

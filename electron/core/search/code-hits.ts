import type { Database } from 'better-sqlite3';
import type { Block } from '../../shared/article';
import { plural } from '../../shared/counts';
import type { CodeHitsResult, CodingUnit } from '../../shared/types';
import { among, recordEdit } from '../articles/row-changes';
import type { Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError, notFound } from '../errors';
import { insertPassageRow } from '../passages/edits';
import { splitSentences, type Span } from '../text/sentences';
import { LAYOUTS } from './fts-query';
import { findHits, type Range } from './hits';
import { ftsMatch, parseQuery } from './terms';

/**
 * Coding every hit of a search at once: the sentences (or paragraphs) of the chosen articles
 * where the query matches become passages tagged with one tag, in one undoable edit. Finding the
 * ranges reads and splits every article, so it runs first, in slices with progress and a cancel;
 * the edit then writes them in one transaction. A sentence holding several hits is one passage;
 * a passage already there with exactly that range gains the tag instead of a twin.
 */

export interface CodingPlan {
  query: string;
  unit: CodingUnit;
  articles: number;
  ranges: Array<{ articleId: number; start: number; end: number; text: string }>;
}

const SLICE = 50;

/** Units of a text around its hits: sentences, or paragraphs (the article's blocks, else blank-line runs). */
function unitsAround(text: string, blocks: Block[], hits: Range[], unit: CodingUnit): Span[] {
  const units = unit === 'sentence' ? splitSentences(text) : paragraphsOf(text, blocks);
  const chosen: Span[] = [];
  let u = 0;
  for (const hit of hits) {
    while (u < units.length && units[u]!.end <= hit.start) u++;
    const span = units[u];
    // A hit between units (a title line outside every block) is coded alone.
    const picked = span && span.start <= hit.start ? span : hit;
    if (chosen.at(-1)?.start !== picked.start) chosen.push({ start: picked.start, end: Math.max(picked.end, hit.end) });
  }
  return chosen;
}

function paragraphsOf(text: string, blocks: Block[]): Span[] {
  if (blocks.length > 0) return blocks.map(({ start, end }) => ({ start, end }));
  const spans: Span[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/gu)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** The ids of the articles a query matches, within `articleIds` when given, without `except`. */
function matchingArticles(db: Database, query: string, articleIds: number[] | undefined, except: number[] | undefined): number[] {
  const match = ftsMatch(parseQuery(query), LAYOUTS.articles);
  if (!match) throw new MarginaliaError('invalid-arguments', 'Type words to search for before coding their hits.');
  const all = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(match) as number[];
  const wanted = articleIds ? new Set(articleIds) : null;
  const unwanted = new Set(except ?? []);
  return all.filter((id) => (wanted === null || wanted.has(id)) && !unwanted.has(id));
}

/** Finds the ranges to code, SLICE articles at a time, yielding in between (progress, cancel). */
/**
 * What a coding job awaits after each slice of articles: by default the event loop's next turn
 * (so other commands run meanwhile); a test host may hold the job there (tests/coding-hold.ts).
 */
export type CodingPause = (done: number, total: number, signal: AbortSignal | undefined) => Promise<void>;

const nextTurn: CodingPause = () => new Promise((resolve) => setImmediate(resolve));

export async function planCoding(
  db: Database,
  args: { query: string; unit: CodingUnit; articleIds?: number[] | undefined; exceptArticleIds?: number[] | undefined },
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; pause?: CodingPause } = {},
): Promise<CodingPlan> {
  const terms = parseQuery(args.query);
  const ids = matchingArticles(db, args.query, args.articleIds, args.exceptArticleIds);
  const read = db.prepare('SELECT id, text, blocks FROM articles WHERE id IN (SELECT value FROM json_each(?))');
  const plan: CodingPlan = { query: args.query, unit: args.unit, articles: 0, ranges: [] };
  for (let from = 0; from < ids.length; from += SLICE) {
    if (options.signal?.aborted) throw new MarginaliaError('cancelled', 'Coding the hits was cancelled; nothing was changed.');
    const rows = read.all(JSON.stringify(ids.slice(from, from + SLICE))) as Array<{ id: number; text: string; blocks: string }>;
    for (const row of rows) {
      const hits = findHits(row.text, terms);
      const spans = unitsAround(row.text, JSON.parse(row.blocks) as Block[], hits, args.unit);
      if (spans.length > 0) plan.articles++;
      for (const span of spans) plan.ranges.push({ articleId: row.id, ...span, text: row.text });
    }
    const done = Math.min(ids.length, from + SLICE);
    options.onProgress?.(done, ids.length);
    await (options.pause ?? nextTurn)(done, ids.length, options.signal);
  }
  return plan;
}

/** Writes a plan as passages tagged with `tagId`: one edit, undone in one step. */
export function codePlan(db: Database, clock: Clock, plan: CodingPlan, tagId: number): Edit<CodeHitsResult> {
  const tag = db.prepare('SELECT name FROM tags WHERE id = ?').pluck().get(tagId) as string | undefined;
  if (tag === undefined) throw notFound('Tag', tagId);
  const findSame = db.prepare('SELECT id FROM passages WHERE article_id = ? AND start = ? AND "end" = ?').pluck();
  const existing = plan.ranges.map((r) => findSame.get(r.articleId, r.start, r.end) as number | undefined);
  const touched = existing.filter((id): id is number => id !== undefined);
  const created: number[] = [];
  return recordEdit(
    db,
    () => [
      among('passages', 'id', [...touched, ...created]),
      {
        table: 'passage_tags',
        where: 'tag_id = ? AND passage_id IN (SELECT value FROM json_each(?))',
        params: [tagId, JSON.stringify([...touched, ...created])],
      },
    ],
    () => {
      const link = db.prepare('INSERT OR IGNORE INTO passage_tags (passage_id, tag_id) VALUES (?, ?)');
      let tagged = 0;
      plan.ranges.forEach((range, i) => {
        let id = existing[i];
        if (id === undefined) {
          id = insertPassageRow(db, clock, range.text, range);
          created.push(id);
        }
        tagged += link.run(id, tagId).changes;
      });
      return { created: created.length, tagged, articles: plan.articles };
    },
    (result) => ({
      label: `Tag ${plural(result.tagged, plan.unit === 'sentence' ? 'matching sentence' : 'matching paragraph')} with ${tag}`,
      changes: ['passages', 'articles', 'tags'],
    }),
  );
}

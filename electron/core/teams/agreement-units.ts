import type { Database } from 'better-sqlite3';
import type { Block } from '../../shared/article';
import type { AgreementUnit } from '../../shared/agreement';
import { analyseSentences } from '../claims/terms';
import type { CoderCoding, Spans } from './agreement-coding';
import { addTally, type MaskTally } from './agreement-stats';

/**
 * Units of comparison, counted by sweeping over spans (never one row per character): a character
 * of an article's text, or a segment (a sentence of the library's sentence index, or a paragraph:
 * a block of the article). A segment counts as coded by a coder when one of the coder's passages
 * with the tag covers at least one of its characters.
 */
export type ArticleUnits = { length: number; segments: Spans | null };

/** A coder's spans in one article, clipped to the text and merged where they overlap or touch. */
export function mergeSpans(spans: Spans | undefined, length: number): Spans {
  const merged: Spans = [];
  for (const [s, e] of spans ?? []) {
    const start = Math.max(0, s);
    const end = Math.min(length, e);
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * The stretches of one article between consecutive span boundaries, each with the set of coders
 * whose spans cover it: a sweep over the coders' boundaries in order.
 */
export function forEachRun(perCoder: Spans[], length: number, run: (mask: number, start: number, end: number) => void): void {
  const next = new Array<number>(perCoder.length).fill(0);
  let mask = 0;
  let at = 0;
  for (;;) {
    let position = Infinity;
    perCoder.forEach((spans, i) => {
      const k = next[i]!;
      if (k < spans.length * 2) position = Math.min(position, spans[k >> 1]![k & 1]!);
    });
    if (position === Infinity) break;
    if (position > at) run(mask, at, position);
    at = position;
    // A coder's merged spans neither overlap nor touch: at most one of its boundaries is here.
    perCoder.forEach((spans, i) => {
      const k = next[i]!;
      if (k < spans.length * 2 && spans[k >> 1]![k & 1] === position) {
        mask ^= 1 << i;
        next[i] = k + 1;
      }
    });
  }
  if (length > at) run(mask, at, length);
}

/** Characters of one article by the set of coders that coded each. */
function sweepCharacters(perCoder: Spans[], length: number, counts: Float64Array): void {
  forEachRun(perCoder, length, (mask, start, end) => (counts[mask]! += end - start));
}

/** Segments of one article by the set of coders whose spans reach into each. */
function sweepSegments(perCoder: Spans[], segments: Spans, counts: Float64Array): void {
  const masks = new Array<number>(segments.length).fill(0);
  perCoder.forEach((spans, i) => {
    let j = 0;
    for (let s = 0; s < segments.length; s++) {
      const [start, end] = segments[s]!;
      while (j < spans.length && spans[j]![1] <= start) j++;
      if (j < spans.length && spans[j]![0] < end) masks[s]! |= 1 << i;
    }
  });
  for (const mask of masks) counts[mask]!++;
}

/** The tally of one tag's units over the articles given. */
export function tallyTag(perCoder: readonly CoderCoding[], articles: ReadonlyMap<number, ArticleUnits>): MaskTally {
  // One count per coder set (at most 2^16), summed in place: a map per stretch costs more than the sweep.
  const counts = new Float64Array(1 << perCoder.length);
  for (const [articleId, units] of articles) {
    const spans = perCoder.map((coding) => mergeSpans(coding.get(articleId), units.length));
    if (units.segments) sweepSegments(spans, units.segments, counts);
    else sweepCharacters(spans, units.length, counts);
  }
  const tally: MaskTally = new Map();
  counts.forEach((n, mask) => addTally(tally, mask, n));
  return tally;
}

/** Paragraph units: the article's blocks; text without blocks is split at its blank lines. */
function paragraphs(text: string, blocks: Block[]): Spans {
  if (blocks.length > 0) return blocks.map((b) => [b.start, b.end] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: Spans = [];
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const match of text.matchAll(pattern)) if (match[0].trim()) out.push([match.index, match.index + match[0].length]);
  return out;
}

/**
 * Each article's length (UTF-16 code units) and, at the segment levels, its segments. Sentences
 * come from the sentence index; an article still waiting in its queue is split here the same way,
 * without writing (agreement only reads the library).
 */
export function loadArticleUnits(db: Database, articleIds: readonly number[], unit: AgreementUnit): Map<number, ArticleUnits> {
  const out = new Map<number, ArticleUnits>();
  const article = db.prepare(
    'SELECT text, blocks, EXISTS (SELECT 1 FROM sentence_queue q WHERE q.article_id = a.id) AS queued FROM articles a WHERE id = ?',
  );
  const sentences = db.prepare('SELECT start, "end" FROM article_sentences WHERE article_id = ? ORDER BY start').raw();
  for (const id of articleIds) {
    const row = article.get(id) as { text: string; blocks: string; queued: number } | undefined;
    if (!row) continue;
    let segments: Spans | null = null;
    if (unit === 'paragraph') segments = paragraphs(row.text, JSON.parse(row.blocks) as Block[]);
    else if (unit === 'sentence')
      segments = row.queued
        ? analyseSentences(row.text).map((s) => [s.start, s.end] as [number, number])
        : (sentences.all(id) as Array<[number, number]>);
    out.set(id, { length: row.text.length, segments });
  }
  return out;
}

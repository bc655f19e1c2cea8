import type { Database } from 'better-sqlite3';
import type { AnchorCounts, TextEditResult } from '../../shared/types';
import { clampToBoundaries, describeRange, reanchor, type StoredAnchor } from '../anchoring';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError, notFound } from '../errors';
import { normalizeText } from '../import/normalize';
import { sha256 } from '../import/prepare';
import type { Block } from '../../shared/article';
import { among, recordEdit } from './row-changes';
import { getSummary } from './queries';

/** Ranges of the runs of non-blank lines: the text's blocks, as the importers separate them. */
function blockRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let current: { start: number; end: number } | null = null;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    if (line.trim() === '') {
      current = null;
    } else if (current) {
      current.end = lineEnd;
    } else {
      current = { start: lineStart, end: lineEnd };
      ranges.push(current);
    }
    lineStart = lineEnd + 1;
  }
  return ranges;
}

/**
 * Blocks of an edited text. A block whose text is unchanged keeps its kind (heading, quote, list
 * item…); when the number of blocks is unchanged, edited blocks keep the kind of the block at the
 * same place; anything else is a paragraph.
 */
export function rebuildBlocks(oldText: string, oldBlocks: Block[], newText: string): Block[] {
  const unchanged = new Map<string, Block[]>();
  for (const block of oldBlocks) {
    const key = oldText.slice(block.start, block.end);
    unchanged.set(key, [...(unchanged.get(key) ?? []), block]);
  }
  const ranges = blockRanges(newText);
  const sameCount = ranges.length === oldBlocks.length;
  return ranges.map((range, index) => {
    const model = unchanged.get(newText.slice(range.start, range.end))?.shift() ?? (sameCount ? oldBlocks[index] : undefined);
    const block: Block = { kind: model?.kind ?? 'paragraph', ...range };
    if (model?.level !== undefined) block.level = model.level;
    return block;
  });
}

/** An orphan keeps its old offsets clamped into the new text, widened to at least one character (the schema wants end > start). */
function orphanRange(text: string, start: number, end: number): { start: number; end: number } {
  if (end > start) return { start, end };
  return start < text.length ? clampToBoundaries(text, start, start + 1) : clampToBoundaries(text, text.length - 1, text.length);
}

/**
 * Replaces an article's text (fixing OCR or import errors): normalises it, rebuilds its blocks and
 * moves every passage with it — exact where its quote still stands, fuzzy where it was found
 * again, orphan otherwise. Undo restores the old text, blocks and every passage's anchor.
 */
export function editArticleText(db: Database, clock: Clock, id: number, input: string): Edit<TextEditResult> {
  const old = db.prepare('SELECT text, blocks FROM articles WHERE id = ?').get(id) as { text: string; blocks: string } | undefined;
  if (!old) throw notFound('Article', id);
  const text = normalizeText(input);
  if (text.trim() === '') throw new MarginaliaError('invalid-arguments', 'The text cannot be empty; delete the article instead.');
  const anchors = db.prepare('SELECT id, start, "end", exact, prefix, suffix, anchor FROM passages WHERE article_id = ?').all(id) as Array<
    StoredAnchor<number> & { anchor: string }
  >;
  return recordEdit(
    db,
    () => [among('articles', 'id', [id]), { table: 'passages', where: 'article_id = ?', params: [id] }],
    () => {
      db.prepare('UPDATE articles SET text = ?, blocks = ?, sha256 = ?, updated_at = ? WHERE id = ?').run(
        text,
        JSON.stringify(rebuildBlocks(old.text, JSON.parse(old.blocks) as Block[], text)),
        sha256(text),
        isoNow(clock),
        id,
      );
      const counts: AnchorCounts = { exact: 0, fuzzy: 0, orphan: 0 };
      // Setting exact re-indexes the passage for search (a trigger), so only moved quotes that changed set it.
      const move = db.prepare('UPDATE passages SET start = ?, "end" = ?, prefix = ?, suffix = ?, anchor = ? WHERE id = ?');
      const requote = db.prepare('UPDATE passages SET start = ?, "end" = ?, prefix = ?, suffix = ?, anchor = ?, exact = ? WHERE id = ?');
      const byId = new Map(anchors.map((anchor) => [anchor.id, anchor]));
      for (const result of reanchor(old.text, text, anchors)) {
        const anchor = byId.get(result.id)!;
        const status = result.end > result.start ? result.status : 'orphan';
        counts[status]++;
        // Orphans keep their old quote selector: it is what the analyst marked and what re-attaching looks for.
        const next =
          status === 'orphan'
            ? { ...anchor, ...orphanRange(text, result.start, result.end) }
            : describeRange(text, result.start, result.end);
        const values = [next.start, next.end, next.prefix, next.suffix, status] as const;
        if (next.exact !== anchor.exact) requote.run(...values, next.exact, result.id);
        else if (status !== anchor.anchor || (['start', 'end', 'prefix', 'suffix'] as const).some((key) => next[key] !== anchor[key]))
          move.run(...values, result.id);
      }
      return { article: getSummary(db, id), reanchored: counts };
    },
    () => ({ label: 'Edit article text', changes: ['articles', 'passages'] }),
  );
}

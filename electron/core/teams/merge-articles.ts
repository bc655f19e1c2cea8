import type { Database } from 'better-sqlite3';
import type { MergeReport } from '../../shared/merge';
import { describeRange, reanchor } from '../anchoring';
import { isoNow, type Clock } from '../clock';
import { type ArticleRow, articlePlacer } from './merge-article-rows';
import { coderOf } from './merge-coders';
import { combineText } from './merge-text';

interface PassageRow {
  id: number;
  uid: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  anchor: string;
  created_at: string;
  updated_at: string;
  coder_id: number | null;
}

export interface ArticleMerge {
  /** Their article id → ours. */
  articles: Map<number, number>;
  /** Their articles whose text is ours verbatim (offsets carry over unchanged). */
  sameText: Set<number>;
  /** Their passage id → ours. */
  passages: Map<number, number>;
}

/** Their passages placed on our text: unchanged where the texts are the same, else re-anchored (exact, fuzzy or orphan). */
function placed(theirs: ArticleRow, ourText: string, passages: PassageRow[], report: MergeReport): PassageRow[] {
  if (ourText === theirs.text) return passages;
  const moved = new Map(reanchor(theirs.text, ourText, passages).map((r) => [r.id, r]));
  return passages.map((p) => {
    const r = moved.get(p.id)!;
    if (r.status === 'orphan') {
      report.passages.orphaned++;
      const start = Math.min(r.start, Math.max(0, ourText.length - 1));
      return { ...p, start, end: Math.max(start + 1, r.end), anchor: 'orphan' };
    }
    if (r.status === 'fuzzy') report.passages.fuzzy++;
    return { ...p, ...describeRange(ourText, r.start, r.end), anchor: r.status };
  });
}

/**
 * Their articles, passages (with notes) and tag applications into ours: an article is ours when its
 * uid is, else when its text hash is (never a second copy); a passage is ours when its uid is, or
 * when the same coder marked the same words; everything else is added with its coder.
 */
export function mergeArticles(
  ours: Database,
  theirs: Database,
  clock: Clock,
  maps: { tags: Map<number, number>; coders: Map<number, number> },
  report: MergeReport,
): ArticleMerge {
  const now = isoNow(clock);
  const result: ArticleMerge = { articles: new Map(), sameText: new Set(), passages: new Map() };
  const place = articlePlacer(ours, theirs, clock, report);
  const theirPassages = theirs.prepare('SELECT * FROM passages WHERE article_id = ? ORDER BY start, id');
  const passageByUid = ours.prepare('SELECT id, note FROM passages WHERE uid = ?');
  const passageAt = ours.prepare(
    'SELECT id, note FROM passages WHERE article_id = ? AND start = ? AND "end" = ? AND coder_id IS ? LIMIT 1',
  );
  const insertPassage = ours.prepare(
    `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, anchor, created_at, updated_at, coder_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setNote = ours.prepare('UPDATE passages SET note = ?, updated_at = ? WHERE id = ?');

  for (const article of theirs.prepare('SELECT * FROM articles ORDER BY id').iterate() as Iterable<ArticleRow>) {
    const { id, text } = place(article);
    result.articles.set(article.id, id);
    if (text === article.text) result.sameText.add(article.id);

    for (const p of placed(article, text, theirPassages.all(article.id) as PassageRow[], report)) {
      const coder = coderOf(maps.coders, p.coder_id);
      const found = (passageByUid.get(p.uid) ?? passageAt.get(id, p.start, p.end, coder)) as { id: number; note: string } | undefined;
      if (found) {
        report.passages.matched++;
        const note = combineText(found.note, p.note);
        if (note.outcome !== 'same') {
          setNote.run(note.text, now, found.id);
          report.notes[note.outcome]++;
        }
        result.passages.set(p.id, found.id);
        continue;
      }
      const { lastInsertRowid } = insertPassage.run(
        p.uid,
        id,
        p.start,
        p.end,
        p.exact,
        p.prefix,
        p.suffix,
        p.note,
        p.anchor,
        p.created_at,
        p.updated_at,
        coder,
      );
      result.passages.set(p.id, Number(lastInsertRowid));
      report.passages.added++;
      if (p.note.trim() !== '') report.notes.added++;
    }
  }

  const tagPassage = ours.prepare('INSERT OR IGNORE INTO passage_tags (passage_id, tag_id, coder_id) VALUES (?, ?, ?)');
  for (const t of theirs.prepare('SELECT passage_id, tag_id, coder_id FROM passage_tags').iterate() as Iterable<{
    passage_id: number;
    tag_id: number;
    coder_id: number | null;
  }>) {
    const passage = result.passages.get(t.passage_id);
    const tag = maps.tags.get(t.tag_id);
    if (passage === undefined || tag === undefined) continue;
    if (tagPassage.run(passage, tag, coderOf(maps.coders, t.coder_id)).changes > 0) report.tagApplications.added++;
    else report.tagApplications.already++;
  }
  return result;
}

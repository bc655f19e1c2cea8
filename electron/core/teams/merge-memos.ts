import type { Database } from 'better-sqlite3';
import type { MergeReport } from '../../shared/merge';
import { isoNow, type Clock } from '../clock';
import { newUid } from '../uid';
import type { ArticleMerge } from './merge-articles';
import { coderOf } from './merge-coders';
import { combineText } from './merge-text';

interface MemoRow {
  uid: string;
  article_id: number | null;
  text: string;
  created_at: string;
  updated_at: string;
  coder_id: number | null;
}

/**
 * Their memos (the library's and each article's) beside ours (combineText: ours is never
 * replaced), and the candidate claims they dismissed, where the article's text is the same.
 */
export function mergeMemos(
  ours: Database,
  theirs: Database,
  clock: Clock,
  merged: ArticleMerge,
  coders: Map<number, number>,
  report: MergeReport,
): void {
  const now = isoNow(clock);
  const mine = ours.prepare('SELECT id, text FROM memos WHERE ifnull(article_id, 0) = ifnull(?, 0)');
  const uidTaken = ours.prepare('SELECT 1 FROM memos WHERE uid = ?').pluck();
  const insert = ours.prepare('INSERT INTO memos (uid, article_id, text, created_at, updated_at, coder_id) VALUES (?, ?, ?, ?, ?, ?)');
  const update = ours.prepare('UPDATE memos SET text = ?, updated_at = ? WHERE id = ?');
  for (const memo of theirs.prepare('SELECT * FROM memos ORDER BY id').iterate() as Iterable<MemoRow>) {
    const articleId = memo.article_id === null ? null : (merged.articles.get(memo.article_id) as number);
    const existing = mine.get(articleId) as { id: number; text: string } | undefined;
    if (!existing) {
      const uid = uidTaken.get(memo.uid) ? newUid() : memo.uid;
      insert.run(uid, articleId, memo.text, memo.created_at, memo.updated_at, coderOf(coders, memo.coder_id));
      report.memos.added++;
      continue;
    }
    const combined = combineText(existing.text, memo.text);
    if (combined.outcome === 'same') report.memos.already++;
    else {
      update.run(combined.text, now, existing.id);
      report.memos[combined.outcome === 'added' ? 'added' : 'appended']++;
    }
  }

  const dismiss = ours.prepare('INSERT OR IGNORE INTO candidate_dismissals (article_id, start, "end", created_at) VALUES (?, ?, ?, ?)');
  for (const d of theirs.prepare('SELECT * FROM candidate_dismissals').iterate() as Iterable<{
    article_id: number;
    start: number;
    end: number;
    created_at: string;
  }>) {
    if (merged.sameText.has(d.article_id)) dismiss.run(merged.articles.get(d.article_id), d.start, d.end, d.created_at);
  }
}

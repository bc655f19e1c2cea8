import type { Database } from 'better-sqlite3';
import type { ClaimCandidate } from '../../shared/claims';
import { recordEdit } from '../articles/row-changes';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { articleText } from '../passages/edits';
import { checkRange } from '../passages/range';
import { findCandidates } from './candidates';

/**
 * The candidate claims the reader marks: those the analyst has neither dismissed nor already
 * made a claim of (a candidate overlapping a claim's appearance is that claim's to show).
 */
export function readerCandidates(db: Database, articleId: number): ClaimCandidate[] {
  const text = articleText(db, articleId);
  const dismissed = new Set(
    (
      db.prepare('SELECT start, "end" FROM candidate_dismissals WHERE article_id = ?').all(articleId) as Array<{
        start: number;
        end: number;
      }>
    ).map((d) => `${d.start}:${d.end}`),
  );
  const appearances = db
    .prepare('SELECT DISTINCT p.start, p."end" FROM passages p JOIN claim_appearances ca ON ca.passage_id = p.id WHERE p.article_id = ?')
    .all(articleId) as Array<{ start: number; end: number }>;
  return findCandidates(text).filter(
    (c) => !dismissed.has(`${c.start}:${c.end}`) && !appearances.some((a) => a.start < c.end && a.end > c.start),
  );
}

export function isDismissed(db: Database, articleId: number, start: number, end: number): boolean {
  return (
    db.prepare('SELECT 1 FROM candidate_dismissals WHERE article_id = ? AND start = ? AND "end" = ?').get(articleId, start, end) !==
    undefined
  );
}

/** Hides a candidate claim from the reader's marks; undo shows it again. */
export function dismissCandidate(db: Database, clock: Clock, articleId: number, start: number, end: number): Edit<{ dismissed: true }> {
  checkRange(articleText(db, articleId), start, end);
  return recordEdit(
    db,
    () => [{ table: 'candidate_dismissals', where: 'article_id = ? AND start = ? AND "end" = ?', params: [articleId, start, end] }],
    () => {
      db.prepare('INSERT OR IGNORE INTO candidate_dismissals (article_id, start, "end", created_at) VALUES (?, ?, ?, ?)').run(
        articleId,
        start,
        end,
        isoNow(clock),
      );
      return { dismissed: true as const };
    },
    () => ({ label: 'Dismiss candidate claim', changes: ['claims'] }),
  );
}

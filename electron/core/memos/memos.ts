import type { Database } from 'better-sqlite3';
import { ACTING_CODER } from '../teams/acting';
import { MAX_MEMO_LENGTH } from '../../shared/contract';
import type { Memo } from '../../shared/types';
import { recordEdit } from '../articles/row-changes';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError, notFound } from '../errors';
import { newUid } from '../uid';
import { plural } from '../../shared/counts';

/** A memo's scope: an article's id, or null for the library's own memo. */
export type MemoScope = number | null;

interface MemoRow {
  text: string;
  updated_at: string;
}

function refuseMissingArticle(db: Database, articleId: MemoScope): void {
  if (articleId !== null && db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId) === undefined)
    throw notFound('Article', articleId);
}

/** The memo of an article or of the library; empty text when none was written. */
export function getMemo(db: Database, articleId: MemoScope): Memo {
  refuseMissingArticle(db, articleId);
  const row = db.prepare('SELECT text, updated_at FROM memos WHERE ifnull(article_id, 0) = ?').get(articleId ?? 0) as MemoRow | undefined;
  return { articleId, text: row?.text ?? '', updatedAt: row?.updated_at ?? null };
}

/**
 * Writes the memo of an article or of the library (Markdown, kept as typed but for line ends);
 * empty text removes it. Undo puts back the memo as it was, or none.
 */
export function setMemo(db: Database, clock: Clock, articleId: MemoScope, input: string): Edit<Memo> {
  refuseMissingArticle(db, articleId);
  if (input.length > MAX_MEMO_LENGTH) {
    throw new MarginaliaError('invalid-arguments', `A memo holds at most ${plural(MAX_MEMO_LENGTH, 'character')}.`);
  }
  const text = input.replace(/\r\n?/g, '\n');
  const scope = articleId ?? 0;
  return recordEdit(
    db,
    () => [{ table: 'memos', where: 'ifnull(article_id, 0) = ?', params: [scope] }],
    () => {
      const now = isoNow(clock);
      if (text === getMemo(db, articleId).text) {
        // Saved as it stands: nothing is written (the undo step changes nothing).
      } else if (text.trim() === '') {
        db.prepare('DELETE FROM memos WHERE ifnull(article_id, 0) = ?').run(scope);
      } else {
        const updated = db
          .prepare(`UPDATE memos SET text = ?, updated_at = ?, ${ACTING_CODER} WHERE ifnull(article_id, 0) = ?`)
          .run(text, now, scope);
        if (updated.changes === 0) {
          db.prepare('INSERT INTO memos (uid, article_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
            newUid(),
            articleId,
            text,
            now,
            now,
          );
        }
      }
      return getMemo(db, articleId);
    },
    () => ({ label: articleId === null ? 'Edit library memo' : 'Edit article memo', changes: ['memos'] }),
  );
}

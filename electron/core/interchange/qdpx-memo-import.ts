import type { Database } from 'better-sqlite3';
import { newUid } from '../uid';

/** A source's or the project's notes, to become the memo of an article or of the library (null). */
export interface MemoTarget {
  articleId: number | null;
  noteRefs: string[];
}

/**
 * Memos from a project's notes: the notes a source refers to become its article's memo, the
 * notes the project refers to the library's, several joined by a blank line. A memo already in
 * the library keeps its text and gains what it does not hold yet, so importing a project twice
 * (or one exported from here) changes nothing. Returns how many memos were written or extended.
 */
export function writeMemos(db: Database, targets: readonly MemoTarget[], notes: Map<string, string>, now: string): number {
  const existing = db.prepare('SELECT id, text FROM memos WHERE ifnull(article_id, 0) = ?');
  const uidTaken = db.prepare('SELECT 1 FROM memos WHERE uid = ?');
  const insert = db.prepare('INSERT INTO memos (uid, article_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE memos SET text = ?, updated_at = ? WHERE id = ?');
  let written = 0;
  for (const { articleId, noteRefs } of targets) {
    const texts = noteRefs.map((guid) => notes.get(guid)?.replace(/\r\n?/g, '\n').trim() ?? '').filter((text) => text !== '');
    if (texts.length === 0) continue;
    const memo = existing.get(articleId ?? 0) as { id: number; text: string } | undefined;
    if (!memo) {
      // The note's GUID stays the memo's identity when it is one note, so a round trip keeps it.
      const guid = noteRefs.length === 1 ? noteRefs[0]! : null;
      insert.run(guid !== null && !uidTaken.get(guid) ? guid : newUid(), articleId, texts.join('\n\n'), now, now);
      written++;
      continue;
    }
    const missing = texts.filter((text) => !memo.text.includes(text));
    if (missing.length === 0) continue;
    update.run([memo.text.trimEnd(), ...missing].join('\n\n'), now, memo.id);
    written++;
  }
  return written;
}

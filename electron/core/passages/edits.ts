import { newUid } from '../uid';
import { ACTING_CODER } from '../teams/acting';
import type { Database } from 'better-sqlite3';
import type { Passage } from '../../shared/types';
import { describeRange } from '../anchoring';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError, notFound } from '../errors';
import { checkRange } from './range';
import { getPassage } from './queries';
import { among, recordEdit } from '../articles/row-changes';
import { plural } from '../../shared/counts';

export function articleText(db: Database, articleId: number): string {
  const row = db.prepare('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string } | undefined;
  if (!row) throw notFound('Article', articleId);
  return row.text;
}

/** Names of the given tags in the given order; refuses an id that does not exist. */
function tagNames(db: Database, ids: readonly number[]): string[] {
  const names = new Map(
    (
      db.prepare('SELECT id, name FROM tags WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{
        id: number;
        name: string;
      }>
    ).map((row) => [row.id, row.name]),
  );
  return ids.map((id) => {
    const name = names.get(id);
    if (name === undefined) throw notFound('Tag', id);
    return name;
  });
}

function refuseMissingPassages(db: Database, ids: readonly number[]): void {
  const found = new Set(
    (
      db.prepare('SELECT id FROM passages WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: number }>
    ).map((r) => r.id),
  );
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound('Passage', missing);
}

export interface NewPassage {
  articleId: number;
  start: number;
  end: number;
  tagIds?: number[] | undefined;
  note?: string | undefined;
}

/** Inserts a passage row for text[start, end) of its article (the caller records the edit). */
export function insertPassageRow(db: Database, clock: Clock, text: string, args: NewPassage): number {
  const { exact, prefix, suffix } = describeRange(text, args.start, args.end);
  const now = isoNow(clock);
  return Number(
    db
      .prepare(
        `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, anchor, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?)`,
      )
      .run(newUid(), args.articleId, args.start, args.end, exact, prefix, suffix, args.note?.trim() ?? '', now, now).lastInsertRowid,
  );
}

/** Marks text[start, end) of an article as a passage, with its quote selector and optional tags and note. */
export function createPassage(db: Database, clock: Clock, args: NewPassage): Edit<Passage> {
  const text = articleText(db, args.articleId);
  checkRange(text, args.start, args.end);
  const tagIds = [...new Set(args.tagIds ?? [])];
  const names = tagNames(db, tagIds);
  const created: number[] = [];
  return recordEdit(
    db,
    () => [among('passages', 'id', created), among('passage_tags', 'passage_id', created)],
    () => {
      const id = insertPassageRow(db, clock, text, args);
      created.push(id);
      const tag = db.prepare('INSERT INTO passage_tags (passage_id, tag_id) VALUES (?, ?)');
      for (const tagId of tagIds) tag.run(id, tagId);
      return getPassage(db, id);
    },
    // The kinds of rows changed; the views know what shows them (the article list's counts among them).
    () => ({
      label: names.length > 0 ? `Tag passage with ${names.join(', ')}` : 'Mark passage',
      changes: ['passages', 'tags'],
    }),
  );
}

/** Sets a passage's note (the margin text). */
export function updatePassageNote(db: Database, clock: Clock, id: number, note: string): Edit<Passage> {
  const before = db.prepare('SELECT note FROM passages WHERE id = ?').get(id) as { note: string } | undefined;
  if (!before) throw notFound('Passage', id);
  const text = note.trim();
  const label = text === '' ? 'Remove note' : before.note === '' ? 'Add note' : 'Edit note';
  return recordEdit(
    db,
    () => [among('passages', 'id', [id])],
    () => {
      db.prepare(`UPDATE passages SET note = ?, updated_at = ?, ${ACTING_CODER} WHERE id = ?`).run(text, isoNow(clock), id);
      return getPassage(db, id);
    },
    () => ({ label, changes: ['passages'] }),
  );
}

/** Tags passages with a tag; passages that already have it are left as they are. */
export function tagPassages(db: Database, clock: Clock, passageIds: number[], tagId: number): Edit<{ tagged: number }> {
  const ids = [...new Set(passageIds)];
  refuseMissingPassages(db, ids);
  const [name] = tagNames(db, [tagId]);
  const json = JSON.stringify(ids);
  return recordEdit(
    db,
    () => [
      among('passages', 'id', ids),
      { table: 'passage_tags', where: 'tag_id = ? AND passage_id IN (SELECT value FROM json_each(?))', params: [tagId, json] },
    ],
    () => {
      const now = isoNow(clock);
      const insert = db.prepare('INSERT OR IGNORE INTO passage_tags (passage_id, tag_id) VALUES (?, ?)');
      const touch = db.prepare('UPDATE passages SET updated_at = ? WHERE id = ?');
      let tagged = 0;
      for (const id of ids) {
        if (insert.run(id, tagId).changes === 0) continue;
        touch.run(now, id);
        tagged++;
      }
      return { tagged };
    },
    () => ({ label: `Tag ${ids.length === 1 ? 'passage' : plural(ids.length, 'passage')} with ${name}`, changes: ['passages', 'tags'] }),
  );
}

/** Removes one tag from one passage. */
export function untagPassage(db: Database, clock: Clock, passageId: number, tagId: number): Edit<Passage> {
  refuseMissingPassages(db, [passageId]);
  const [name] = tagNames(db, [tagId]);
  if (!db.prepare('SELECT 1 FROM passage_tags WHERE passage_id = ? AND tag_id = ?').get(passageId, tagId)) {
    throw new MarginaliaError('not-found', `The passage is not tagged with ${name}.`);
  }
  return recordEdit(
    db,
    () => [
      among('passages', 'id', [passageId]),
      { table: 'passage_tags', where: 'passage_id = ? AND tag_id = ?', params: [passageId, tagId] },
    ],
    () => {
      db.prepare('DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?').run(passageId, tagId);
      db.prepare('UPDATE passages SET updated_at = ? WHERE id = ?').run(isoNow(clock), passageId);
      return getPassage(db, passageId);
    },
    () => ({ label: `Remove ${name} from passage`, changes: ['passages', 'tags'] }),
  );
}

/** Deletes passages with their taggings and claim appearances; undo restores them all with their ids. */
export function deletePassages(db: Database, ids: number[]): Edit<{ deleted: number }> {
  const unique = [...new Set(ids)];
  refuseMissingPassages(db, unique);
  return recordEdit(
    db,
    () => [among('passages', 'id', unique), among('passage_tags', 'passage_id', unique), among('claim_appearances', 'passage_id', unique)],
    () => ({
      deleted: db.prepare('DELETE FROM passages WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(unique)).changes,
    }),
    () => ({
      label: `Delete ${unique.length === 1 ? 'passage' : plural(unique.length, 'passage')}`,
      changes: ['passages', 'tags', 'claims'],
    }),
  );
}

/** Attaches a passage (typically an orphan) to newly selected text of its article. */
export function reattachPassage(db: Database, clock: Clock, id: number, start: number, end: number): Edit<Passage> {
  const row = db.prepare('SELECT article_id AS articleId FROM passages WHERE id = ?').get(id) as { articleId: number } | undefined;
  if (!row) throw notFound('Passage', id);
  const text = articleText(db, row.articleId);
  checkRange(text, start, end);
  return recordEdit(
    db,
    () => [among('passages', 'id', [id])],
    () => {
      const { exact, prefix, suffix } = describeRange(text, start, end);
      db.prepare(
        `UPDATE passages SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, anchor = 'exact', updated_at = ?, ${ACTING_CODER} WHERE id = ?`,
      ).run(start, end, exact, prefix, suffix, isoNow(clock), id);
      return getPassage(db, id);
    },
    () => ({ label: 'Re-attach passage', changes: ['passages'] }),
  );
}

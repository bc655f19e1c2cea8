import type { Database } from 'better-sqlite3';
import { guidFor } from './qdpx-common';
import { attributes, xmlText } from './xml-text';

/**
 * Memos in a REFI-QDA project are the standard's notes: each is a <Note> under <Notes>, and what it
 * is about refers to it, an article's TextSource by a <NoteRef> of its own, the library's memo by
 * the <NoteRef> the project as a whole carries (Project.xsd: notes "that apply to the project as
 * a whole"). ATLAS.ti, MAXQDA and NVivo keep document and project memos the same way.
 */
export interface MemoXml {
  /** The NoteRef a TextSource carries for its article's memo ('' when it has none). */
  sourceRef(articleId: number): string;
  /** Every memo as a <Note>. */
  notes(user: string): Generator<string>;
  /** The project's NoteRef to the library memo ('' when there is none). */
  projectRef(): string;
}

interface MemoRow {
  id: number;
  uid: string;
  article_id: number | null;
  title: string | null;
  text: string;
  created_at: string;
  updated_at: string;
}

export function memoXml(db: Database): MemoXml {
  const ofArticle = db.prepare('SELECT uid FROM memos WHERE article_id = ?').pluck();
  const library = db.prepare('SELECT uid FROM memos WHERE article_id IS NULL').pluck();
  const ref = (uid: string | undefined): string => (uid === undefined ? '' : `<NoteRef targetGUID="${guidFor(uid)}"/>`);
  return {
    sourceRef: (articleId) => ref(ofArticle.get(articleId) as string | undefined),
    *notes(user) {
      const memos = db.prepare(
        `SELECT m.id, m.uid, m.article_id, a.title, m.text, m.created_at, m.updated_at FROM memos m LEFT JOIN articles a ON a.id = m.article_id
         WHERE m.id > ? ORDER BY m.id LIMIT 500`,
      );
      for (let after = 0, page: MemoRow[]; (page = memos.all(after) as MemoRow[]).length > 0; after = page.at(-1)!.id) {
        for (const memo of page) {
          yield `<Note${attributes({
            guid: guidFor(memo.uid),
            name: memo.article_id === null ? 'Library memo' : `Memo: ${memo.title ?? ''}`,
            creatingUser: user,
            creationDateTime: memo.created_at,
            modifyingUser: user,
            modifiedDateTime: memo.updated_at,
          })}><PlainTextContent>${xmlText(memo.text)}</PlainTextContent></Note>`;
        }
      }
    },
    projectRef: () => ref(library.get() as string | undefined),
  };
}

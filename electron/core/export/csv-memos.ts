import type { Database } from 'better-sqlite3';
import type { Writable } from 'node:stream';
import { type CsvOptions, csvStringifier, writeCsv } from './csv';
import { PAGE_SIZE, pages } from './paged';

/** scope is "library" for the library's memo, "article" for an article's (with its id, title, outlet and date). */
export const MEMO_COLUMNS = [
  'memo_id',
  'scope',
  'article_id',
  'article_title',
  'outlet',
  'published',
  'memo',
  'created_at',
  'updated_at',
] as const;

type MemoRow = [
  id: number,
  scope: 'library' | 'article',
  articleId: number | null,
  title: string | null,
  outlet: string | null,
  published: string | null,
  text: string,
  createdAt: string,
  updatedAt: string,
];

/** Memos as CSV: the library's first, then the articles' in article order; the Markdown is the cell's text. */
export async function exportMemosCsv(db: Database, out: Writable, options: CsvOptions = {}): Promise<number> {
  const select = db.prepare(
    `SELECT m.id, CASE WHEN m.article_id IS NULL THEN 'library' ELSE 'article' END, m.article_id, a.title, a.outlet, a.published,
            m.text, m.created_at, m.updated_at
     FROM memos m LEFT JOIN articles a ON a.id = m.article_id
     WHERE (ifnull(m.article_id, 0), m.id) > (?, ?) ORDER BY ifnull(m.article_id, 0), m.id LIMIT ${PAGE_SIZE}`,
  );
  const rows = pages<MemoRow, [number, number]>(
    (after) => select.raw().all(...(after ?? [-1, 0])) as MemoRow[],
    (row) => [row[2] ?? 0, row[0]],
  );
  return writeCsv(rows, csvStringifier(MEMO_COLUMNS, options), out);
}

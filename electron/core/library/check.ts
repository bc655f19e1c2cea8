import type { Database } from 'better-sqlite3';
import type { Block } from '../../shared/article';
import { APPLICATION_ID } from './open';
import { SCHEMA_VERSION } from './migrations';
import { formatCount, plural } from '../../shared/counts';

/** Integrity and schema check of an open library: an empty list means healthy. */
export function checkLibrary(db: Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`SQLite integrity: ${row.integrity_check}`);
  const foreign = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  for (const row of foreign) problems.push(`${row.table} row ${row.rowid} points at a missing ${row.parent} row`);
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) problems.push('the file is not marked as a Marginalia library');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== SCHEMA_VERSION) problems.push(`library format ${version}, expected ${SCHEMA_VERSION}`);
  // A library of an older format lacks the newer tables: its format is the problem reported.
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name),
  );
  const indexed: Array<[table: string, index: string, noun: string]> = [
    ['articles', 'articles_fts', 'article'],
    ['passages', 'passages_fts', 'passage'],
    ['claims', 'claims_fts', 'claim'],
    ['memos', 'memos_fts', 'memo'],
  ];
  for (const [table, index, noun] of indexed) {
    if (!present.has(table) || !present.has(index)) continue;
    try {
      // rank 1: also compare the index with the rows it indexes (articles_fts reads them from
      // articles, so a row written without indexing it is only found this way).
      db.prepare(`INSERT INTO ${index}(${index}, rank) VALUES ('integrity-check', 1)`).run();
    } catch (error) {
      problems.push(`search index ${index}: ${(error as Error).message}`);
    }
    const { rows, entries } = db
      .prepare(`SELECT (SELECT count(*) FROM ${table}) AS rows, (SELECT count(*) FROM ${index}) AS entries`)
      .get() as { rows: number; entries: number };
    if (rows !== entries) problems.push(`search index has ${plural(entries, noun)}, the library ${formatCount(rows)}`);
  }

  // Offsets are UTF-16 code units, which SQLite's length() does not count: measure in JS.
  const lengths = new Map<number, number>();
  for (const row of db.prepare('SELECT id, text, blocks FROM articles').iterate() as Iterable<{
    id: number;
    text: string;
    blocks: string;
  }>) {
    lengths.set(row.id, row.text.length);
    const blocks = JSON.parse(row.blocks) as Block[];
    if (blocks.some((b) => b.start < 0 || b.end > row.text.length || b.start > b.end))
      problems.push(`article ${row.id}: a block lies outside its text`);
  }
  for (const row of db.prepare('SELECT id, article_id, "end" FROM passages').iterate() as Iterable<{
    id: number;
    article_id: number;
    end: number;
  }>) {
    if (row.end > (lengths.get(row.article_id) ?? 0)) problems.push(`passage ${row.id} ends beyond its article's text`);
  }
  return problems;
}

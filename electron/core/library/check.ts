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
  for (const table of ['articles_fts', 'passages_fts', 'claims_fts', 'memos_fts']) {
    try {
      // rank 1: also compare the index with the rows it indexes (articles_fts reads them from
      // articles, so a row written without indexing it is only found this way).
      db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run();
    } catch (error) {
      problems.push(`search index ${table}: ${(error as Error).message}`);
    }
  }
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM articles) AS a, (SELECT count(*) FROM articles_fts) AS af,
              (SELECT count(*) FROM passages) AS p, (SELECT count(*) FROM passages_fts) AS pf,
              (SELECT count(*) FROM claims) AS c, (SELECT count(*) FROM claims_fts) AS cf,
              (SELECT count(*) FROM memos) AS m, (SELECT count(*) FROM memos_fts) AS mf`,
    )
    .get() as Record<'a' | 'af' | 'p' | 'pf' | 'c' | 'cf' | 'm' | 'mf', number>;
  if (counts.a !== counts.af) problems.push(`search index has ${plural(counts.af, 'article')}, the library ${formatCount(counts.a)}`);
  if (counts.p !== counts.pf) problems.push(`search index has ${plural(counts.pf, 'passage')}, the library ${formatCount(counts.p)}`);
  if (counts.c !== counts.cf) problems.push(`search index has ${plural(counts.cf, 'claim')}, the library ${formatCount(counts.c)}`);
  if (counts.m !== counts.mf) problems.push(`search index has ${plural(counts.mf, 'memo')}, the library ${formatCount(counts.m)}`);

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

import type { Database } from 'better-sqlite3';
import type { Block } from '../../shared/article';
import { formatCount, plural } from '../../shared/counts';
import { describeFailure } from './failures';
import { APPLICATION_ID } from './identity';
import { SCHEMA_VERSION } from './migrations';

const MAX_INTEGRITY_LINES = 12;

/** SQLite names damaged b-trees by their root page ("Tree 7 page 12 ..."): say which table or index instead. */
function integrityInWords(db: Database, line: string): string {
  let roots: Map<number, string>;
  try {
    roots = new Map(
      (db.prepare('SELECT rootpage, name FROM sqlite_schema WHERE rootpage > 0').all() as Array<{ rootpage: number; name: string }>).map(
        (r) => [r.rootpage, r.name],
      ),
    );
  } catch {
    roots = new Map();
  }
  return line.replace(/Tree (\d+) page (\d+)/g, (whole, root: string, page: string) => {
    const name = roots.get(Number(root));
    return name ? `${name} (page ${page})` : whole;
  });
}

/** The tables (and their indexes) SQLite cannot read whole, when its whole-file check cannot finish. */
function damagedTables(db: Database): string[] {
  let tables: string[];
  try {
    tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 ORDER BY name").pluck().all() as string[];
  } catch (error) {
    return [`the file is damaged: SQLite cannot read its list of tables (${(error as Error).message})`];
  }
  const damaged: string[] = [];
  for (const table of tables) {
    try {
      const rows = (db.pragma(`integrity_check("${table}")`) as Array<{ integrity_check: string }>).filter(
        (r) => r.integrity_check !== 'ok',
      );
      if (rows.length > 0) damaged.push(`the file is damaged in the table ${table}: ${integrityInWords(db, rows[0]!.integrity_check)}`);
    } catch (error) {
      damaged.push(`the file is damaged in the table ${table}: SQLite cannot read it whole (${(error as Error).message})`);
    }
  }
  return damaged.length > 0 ? damaged : ['the file is damaged: SQLite cannot check its structure'];
}

function reasonOf(error: unknown): string {
  const failure = describeFailure(error);
  return failure?.code === 'library-damaged' ? 'that part of the file is damaged' : (failure?.reason ?? (error as Error).message);
}

/**
 * Integrity and schema check of an open library: an empty list means healthy. Each check runs on
 * its own: one that cannot read a damaged part says so in words, and the next check still runs.
 */
export function checkLibrary(db: Database): string[] {
  const problems: string[] = [];
  const step = (what: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      problems.push(`could not check ${what}: ${reasonOf(error)}`);
    }
  };

  try {
    const rows = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).filter((r) => r.integrity_check !== 'ok');
    for (const row of rows.slice(0, MAX_INTEGRITY_LINES))
      problems.push(`the file is damaged: ${integrityInWords(db, row.integrity_check)}`);
    if (rows.length > MAX_INTEGRITY_LINES) problems.push(`… and ${plural(rows.length - MAX_INTEGRITY_LINES, 'more damaged place')}`);
  } catch {
    // SQLite stops at the first page it cannot read: check table by table to say which are damaged.
    problems.push(...damagedTables(db));
  }
  step('the links between rows', () => {
    const foreign = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
    for (const row of foreign) problems.push(`${row.table} row ${row.rowid} points at a missing ${row.parent} row`);
  });
  step('what the file is', () => {
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) problems.push('the file is not marked as a Marginalia library');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) problems.push(`library format ${version} is newer than this Marginalia (${SCHEMA_VERSION})`);
  });
  const indexes = (() => {
    try {
      const tables = db
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
        .all() as Array<{ name: string; sql: string }>;
      return tables.filter(({ sql }) => /USING\s+fts5\s*\(/i.test(sql));
    } catch {
      return [];
    }
  })();
  for (const { name, sql } of indexes) {
    step(`the search index ${name}`, () => {
      // rank 1: also compare the index with the rows it indexes (articles_fts reads them from
      // articles, so a row written without indexing it is only found this way). A contentless
      // index has no rows to compare with.
      const rank = /content\s*=\s*''/i.test(sql) ? 0 : 1;
      try {
        db.prepare(`INSERT INTO "${name}"("${name}", rank) VALUES ('integrity-check', ?)`).run(rank);
      } catch (error) {
        if (describeFailure(error)?.code !== 'library-damaged') throw error;
        problems.push(`the search index ${name} does not match what it indexes ("marginalia repair" rebuilds it)`);
      }
    });
  }
  // A library of an older format lacks the newer tables (check does not upgrade it).
  const present = new Set(indexes.map((index) => index.name));
  const indexed = (table: string, index: string, noun: string): void =>
    step(`how many ${noun}s the search index holds`, () => {
      if (!present.has(index)) return;
      const { rows, entries } = db
        .prepare(`SELECT (SELECT count(*) FROM ${table}) AS rows, (SELECT count(*) FROM ${index}) AS entries`)
        .get() as {
        rows: number;
        entries: number;
      };
      if (rows !== entries)
        problems.push(`the search index has ${plural(entries, noun)}, the library ${formatCount(rows)} ("marginalia repair" rebuilds it)`);
    });
  indexed('articles', 'articles_fts', 'article');
  indexed('passages', 'passages_fts', 'passage');
  indexed('claims', 'claims_fts', 'claim');
  indexed('memos', 'memos_fts', 'memo');

  // Offsets are UTF-16 code units, which SQLite's length() does not count: measure in JS.
  const lengths = new Map<number, number>();
  step("the articles' blocks", () => {
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
  });
  step("the passages' places", () => {
    for (const row of db.prepare('SELECT id, article_id, "end" FROM passages').iterate() as Iterable<{
      id: number;
      article_id: number;
      end: number;
    }>) {
      if (lengths.has(row.article_id) && row.end > lengths.get(row.article_id)!)
        problems.push(`passage ${row.id} ends beyond its article's text`);
    }
  });
  return problems;
}

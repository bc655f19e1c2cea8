import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarginaliaError } from '../../electron/core/errors';
import { articleWriter } from '../../electron/core/articles/writer';
import { prepareArticle } from '../../electron/core/import/prepare';
import { checkLibrary } from '../../electron/core/library/check';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/library/migrations';
import { APPLICATION_ID, openLibrary } from '../../electron/core/library/open';
import type { ParsedArticle } from '../../electron/core/model';
import { tempDir } from './helpers';

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectRefusal(fn: () => unknown, code: string, text: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MarginaliaError);
    expect((error as MarginaliaError).code).toBe(code);
    expect((error as Error).message).toMatch(text);
    return;
  }
  throw new Error('expected the library to be refused');
}

describe('library file', () => {
  it('creates a fresh library with identity, WAL, foreign keys and the whole schema', () => {
    const dir = tempDir();
    const lib = openLibrary(join(dir, 'fresh.marginalia'));
    const db = lib.db;
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    for (const table of [
      'articles',
      'article_sources',
      'tags',
      'passages',
      'passage_tags',
      'claims',
      'claim_appearances',
      'claim_links',
      'articles_fts',
      'passages_fts',
      'claims_fts',
    ]) {
      expect(tables).toContain(table);
    }
    // Articles arrive in many small batches: their index merges segments 16 at a time (migration 5).
    expect(db.prepare("SELECT k, v FROM articles_fts_config WHERE k LIKE '%merge' ORDER BY k").all()).toEqual([
      { k: 'automerge', v: 16 },
      { k: 'crisismerge', v: 64 },
    ]);
    expect(checkLibrary(db)).toEqual([]);
    lib.close();
  });

  it('upgrades a library written by an older version, keeping its data and indexing it for search', () => {
    const dir = tempDir();
    const path = join(dir, 'old.marginalia');
    const old = openLibrary(path, { targetVersion: 1 });
    expect(old.db.pragma('user_version', { simple: true })).toBe(1);
    old.db
      .prepare(
        `INSERT INTO articles (uid, title, text, sha256, format, imported_at, updated_at)
         VALUES ('u1', 'Refugees', 'Over 6.5 million refugees remain outside Syria.', 'x', 'txt', '2020-11-09', '2020-11-09')`,
      )
      .run();
    old.close();

    const lib = openLibrary(path);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const hit = lib.db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'numbers:n6500000'").all();
    expect(hit).toEqual([{ rowid: 1 }]);
    expect(checkLibrary(lib.db)).toEqual([]);
    lib.close();
  });

  it('rolls back a failing migration whole and leaves the previous version', () => {
    const dir = tempDir();
    const path = join(dir, 'half.marginalia');
    openLibrary(path, { targetVersion: 1 }).close();
    // A clashing table makes migration 2 fail part-way through its script.
    const raw = new Database(path);
    raw.exec('CREATE TABLE claim_links (x)');
    raw.close();
    expectRefusal(() => openLibrary(path), 'library-damaged', /could not be prepared/);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'claims'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('refuses a library from a newer version and leaves the file byte-for-byte unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'newer.marginalia');
    const lib = openLibrary(path);
    lib.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    lib.db.pragma('journal_mode = DELETE');
    lib.close();
    const before = digest(path);
    expectRefusal(() => openLibrary(path), 'library-too-new', /newer version of Marginalia/);
    expect(digest(path)).toBe(before);
    expect(existsSync(path + '-wal')).toBe(false);
  });

  it('refuses a SQLite file of another program untouched', () => {
    const dir = tempDir();
    const path = join(dir, 'other.sqlite');
    const other = new Database(path);
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    other.close();
    const before = digest(path);
    expectRefusal(() => openLibrary(path), 'not-a-library', /not a Marginalia library/);
    expect(digest(path)).toBe(before);
  });

  it('refuses a file that is not a database at all untouched', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200));
    const before = digest(path);
    expectRefusal(() => openLibrary(path), 'not-a-library', /not a SQLite database/);
    expect(digest(path)).toBe(before);
  });

  it('numbers its migrations in order, one version each', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('search index of articles', () => {
  it('is checked against the articles it indexes: a row written around the writer is reported', () => {
    const lib = openLibrary(join(tempDir(), 'unindexed.marginalia'));
    lib.db
      .prepare(
        `INSERT INTO articles (uid, title, text, sha256, format, imported_at, updated_at)
         VALUES ('u1', 'Refugees', 'Over 6.5 million refugees remain outside Syria.', 'x', 'txt', 'now', 'now')`,
      )
      .run();
    expect(checkLibrary(lib.db).join('\n')).toMatch(/search index articles_fts/);
    lib.close();
  });

  it('follows inserts, title and text edits and deletes, numbers included, and stays consistent', () => {
    const lib = openLibrary(join(tempDir(), 'search.marginalia'));
    const db = lib.db;
    const hits = (match: string) =>
      (db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').all(match) as Array<{ rowid: number }>).map((r) => r.rowid);
    // Articles enter through the writer, which indexes them with their number tokens.
    const article: ParsedArticle = {
      title: 'Refugees',
      outlet: null,
      byline: null,
      published: null,
      place: null,
      language: 'en',
      url: null,
      text: 'Over 6.5 million refugees remain outside Syria.',
      blocks: [],
      format: 'txt',
      encoding: 'utf-8',
    };
    const id = articleWriter(db, lib.clock).insert({
      article: prepareArticle(article),
      title: 'Refugees',
      sourceName: 'a.txt',
      size: 0,
      bytes: new Uint8Array(0),
    });
    expect(id).toBe(1);
    expect(hits('numbers:n6500000')).toEqual([1]);
    db.prepare("UPDATE articles SET title = 'Refugees: 850,000 returned' WHERE id = 1").run();
    expect(hits('numbers:n850000')).toEqual([1]);
    expect(hits('numbers:n6500000')).toEqual([1]);
    db.prepare("UPDATE articles SET text = 'More than 1.3 mln people returned home.' WHERE id = 1").run();
    expect(hits('numbers:n1300000')).toEqual([1]);
    expect(hits('numbers:n6500000')).toEqual([]);
    expect(hits('refugees')).toEqual([1]);
    expect(hits('syria')).toEqual([]);
    expect(db.prepare('SELECT numbers FROM articles WHERE id = 1').pluck().get()).toBe('n850000 n850000q n1300000 n1300000q');
    expect(checkLibrary(db)).toEqual([]);
    db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(hits('refugees')).toEqual([]);
    expect(checkLibrary(db)).toEqual([]);
    lib.close();
  });
});

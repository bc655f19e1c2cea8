import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibrary } from '../../electron/core/library/check';
import { SCHEMA_VERSION } from '../../electron/core/library/migrations';
import type { MigrationProgress } from '../../electron/core/library/migrations/types';
import { openLibrary } from '../../electron/core/library/open';
import { search } from '../../electron/core/search/query';
import { tempDir } from './helpers';

const STEMMED = 9;
const TEXTS = [
  'Свыше 6,5 млн беженцев остаются за пределами страны.',
  'She leapt to a personal best of 6.50m in the long jump.',
  ...Array.from({ length: 450 }, (_, i) => `Report ${i}: officials discussed the returning refugees.`),
];

/** A library as the version before stemmed search wrote it: articles indexed by the old writer, a noted passage. */
function oldLibrary(): string {
  const path = join(tempDir(), 'old.marginalia');
  const old = openLibrary(path, { targetVersion: STEMMED - 1 });
  const insert = old.db.prepare(
    `INSERT INTO articles (uid, title, text, sha256, numbers, format, imported_at, updated_at)
     VALUES (?, ?, ?, ?, marginalia_numbers(?, ?), 'txt', 'now', 'now')`,
  );
  const index = old.db.prepare(
    'INSERT INTO articles_fts (rowid, title, outlet, byline, text, numbers) SELECT id, title, outlet, byline, text, numbers FROM articles WHERE id = ?',
  );
  old.db.transaction(() => {
    TEXTS.forEach((text, i) => index.run(insert.run(`u${i}`, `Article ${i}`, text, `h${i}`, `Article ${i}`, text).lastInsertRowid));
    old.db
      .prepare(
        `INSERT INTO passages (uid, article_id, start, "end", exact, note, created_at, updated_at)
         VALUES ('p1', 1, 0, 5, 'Свыше', 'беженцы вернулись', 'now', 'now')`,
      )
      .run();
  })();
  expect(checkLibrary(old.db).filter((p) => !p.startsWith('library format'))).toEqual([]);
  old.close();
  return path;
}

describe('the migration to stemmed search', () => {
  it('re-indexes every article with stems and new number readings, telling its progress, and leaves the library consistent', () => {
    const path = oldLibrary();
    const progress: MigrationProgress[] = [];
    const lib = openLibrary(path, {
      onMigrationProgress: (p) => {
        if (p.version === STEMMED) progress.push(p);
      },
    });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(progress[0]).toEqual({ version: STEMMED, name: 'stemmed search', done: 0, total: TEXTS.length });
    expect(progress.at(-1)).toEqual({ version: STEMMED, name: 'stemmed search', done: TEXTS.length, total: TEXTS.length });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p, i) => i === 0 || p.done > progress[i - 1]!.done)).toBe(true);

    const results = search(lib.db, 'беженцы');
    expect(results.articles.map((a) => a.title)).toEqual(['Article 0']);
    expect(results.counts.notes).toBe(1);
    expect(search(lib.db, 'refugee').counts.articles).toBe(450);
    // The leap is metres now, not 6.5 million.
    expect(search(lib.db, '6,500,000').articles.map((a) => a.title)).toEqual(['Article 0']);
    expect(checkLibrary(lib.db)).toEqual([]);
    lib.close();
  });

  it('never half-migrates: stopped part-way, the library stays at the old version and searches as before', () => {
    const path = oldLibrary();
    expect(() =>
      openLibrary(path, {
        onMigrationProgress: ({ done }) => {
          if (done > 200) throw new Error('power cut');
        },
      }),
    ).toThrow(/power cut/);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(STEMMED - 1);
    const columns = raw.prepare("SELECT name FROM pragma_table_info('articles')").pluck().all();
    expect(columns).not.toContain('stems');
    expect(raw.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'refugees'").pluck().get()).toBe(450);
    raw.close();
    // Opened again, it migrates whole.
    const lib = openLibrary(path);
    expect(search(lib.db, 'refugee').counts.articles).toBe(450);
    expect(checkLibrary(lib.db)).toEqual([]);
    lib.close();
  });
});

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getArticle } from '../../electron/core/articles/queries';
import { deleteArticles } from '../../electron/core/articles/edits';
import { compare, minHashOf } from '../../electron/core/articles/minhash';
import { createParsePool } from '../../electron/core/import/parse-pool';
import { runImport } from '../../electron/core/import/pipeline';
import { openLibrary, type Library } from '../../electron/core/library/open';
import { checkLibrary } from '../../electron/core/library/check';
import type { MigrationProgress } from '../../electron/core/library/migrations/types';
import { prepareArticle, sha256 } from '../../electron/core/import/prepare';
import { articleWriter } from '../../electron/core/articles/writer';
import { runCli } from '../run-cli';
import { FIXTURES, tempDir } from './helpers';

const pool = createParsePool({ size: 2 });
afterAll(() => pool.close());

const FOLDER = join(FIXTURES, 'reprints', 'articles');
const labels = JSON.parse(readFileSync(join(FIXTURES, 'reprints', 'labels.json'), 'utf8')) as Record<
  'reprints' | 'rewritten',
  [string, string][]
>;

/** Each article's reprint group as the set of its source files, one entry per group. */
function groupsOf(lib: Library): string[][] {
  const rows = lib.db
    .prepare('SELECT source_name, reprint_group FROM articles WHERE reprint_group IS NOT NULL ORDER BY source_name')
    .all() as {
    source_name: string;
    reprint_group: number;
  }[];
  const groups = new Map<number, string[]>();
  for (const row of rows) groups.set(row.reprint_group, [...(groups.get(row.reprint_group) ?? []), row.source_name]);
  return [...groups.values()].sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

const idOf = (lib: Library, source: string): number =>
  lib.db.prepare('SELECT id FROM articles WHERE source_name = ?').pluck().get(source) as number;

describe('reprints', () => {
  it('imports the same text under other headlines as articles of their own, grouped with their copies, and keeps rewritten stories apart', async () => {
    const lib = openLibrary(join(tempDir(), 'lib.marginalia'));
    const report = await runImport(lib.db, lib.clock, pool, [FOLDER]);
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.imported).toHaveLength(14);
    // The second file of each pair (in file order) is the reprint, naming the first as its copy.
    expect(report.reprints.map((r) => [r.copyOfTitle, r.title]).sort()).toEqual([
      ['Dogged Federer claims Dubai crown', 'Federer claims Dubai crown'],
      ['Domain system opens door to scams', 'Domain system scam fear'],
      ['Hewitt falls to Dent in Adelaide', 'Hewitt falls to Dent'],
      ['Moya emotional after Davis Cup win', 'Moya emotional at Davis Cup win'],
    ]);
    expect(groupsOf(lib)).toEqual(labels.reprints.map((pair) => [...pair].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!)));
    lib.close();
  });

  it('skips only a true re-import: the same text with the same title, outlet, URL and date', async () => {
    const dir = tempDir();
    const lib = openLibrary(join(dir, 'lib.marginalia'));
    const text = readFileSync(join(FOLDER, 'moya-emotional-at-davis-cup-win.txt'), 'utf8');
    const body = text.slice(text.indexOf('\n'));
    const folder = join(dir, 'in');
    mkdirSync(folder);
    const write = (name: string, content: string) => writeFileSync(join(folder, name), content);
    write('a.md', `---\ntitle: Moya emotional\noutlet: BBC\ndate: 2004-12-05\n---\n${body}`);
    write('b.md', `---\ntitle: Moya emotional\noutlet: BBC\ndate: 2004-12-05\n---\n${body}`);
    write('c.md', `---\ntitle: Moya emotional\noutlet: Eurosport\ndate: 2004-12-05\n---\n${body}`);
    write('d.md', `---\ntitle: Moya emotional\noutlet: BBC\ndate: 2004-12-06\n---\n${body}`);
    write('e.md', `---\ntitle: Spain's hero\noutlet: BBC\ndate: 2004-12-05\n---\n${body}`);
    const report = await runImport(lib.db, lib.clock, pool, [folder]);
    expect(report.failed).toEqual([]);
    expect(report.duplicates.map((d) => [d.file.endsWith('b.md'), d.existingId])).toEqual([[true, idOf(lib, 'a.md')]]);
    expect(report.imported.map((i) => i.file.slice(-4))).toEqual(['a.md', 'c.md', 'd.md', 'e.md']);
    expect(report.reprints.map((r) => [r.file.slice(-4), r.copyOfId])).toEqual([
      ['c.md', idOf(lib, 'a.md')],
      ['d.md', idOf(lib, 'a.md')],
      ['e.md', idOf(lib, 'a.md')],
    ]);
    lib.close();
  });

  it('shows an article its copies ("also published as"), and a deleted copy comes back to its group on undo', async () => {
    const lib = openLibrary(join(tempDir(), 'lib.marginalia'));
    await runImport(lib.db, lib.clock, pool, [FOLDER]);
    const first = idOf(lib, 'hewitt-falls-to-dent-in-adelaide.txt');
    const second = idOf(lib, 'hewitt-falls-to-dent.txt');
    expect(getArticle(lib.db, second).reprints).toEqual([
      { id: first, title: 'Hewitt falls to Dent in Adelaide', outlet: null, published: null },
    ]);
    expect(getArticle(lib.db, idOf(lib, 'roddick-into-san-jose-final.txt')).reprints).toEqual([]);
    const edit = deleteArticles(lib.db, [first]);
    expect(getArticle(lib.db, second).reprints).toEqual([]);
    lib.db.transaction(() => edit.revert())();
    expect(getArticle(lib.db, second).reprints.map((r) => r.id)).toEqual([first]);
    lib.close();
  });

  it('groups a text imported after its copy was deleted with no one, and one imported later again with its copy', async () => {
    const dir = tempDir();
    const lib = openLibrary(join(dir, 'lib.marginalia'));
    const folder = join(dir, 'in');
    mkdirSync(folder);
    copyFileSync(join(FOLDER, 'domain-system-opens-door-to-scams.txt'), join(folder, 'one.txt'));
    await runImport(lib.db, lib.clock, pool, [folder]);
    deleteArticles(lib.db, [idOf(lib, 'one.txt')]);
    const second = join(dir, 'again');
    mkdirSync(second);
    copyFileSync(join(FOLDER, 'domain-system-scam-fear.txt'), join(second, 'two.txt'));
    expect((await runImport(lib.db, lib.clock, pool, [second])).reprints).toEqual([]);
    const third = join(dir, 'third');
    mkdirSync(third);
    copyFileSync(join(FOLDER, 'domain-system-opens-door-to-scams.txt'), join(third, 'three.txt'));
    expect((await runImport(lib.db, lib.clock, pool, [third])).reprints.map((r) => r.copyOfId)).toEqual([idOf(lib, 'two.txt')]);
    lib.close();
  });
});

describe('reprints after a delete', () => {
  it('an exact twin keeps its own bands: once the original is gone, a near copy still finds the twin', async () => {
    const dir = tempDir();
    const lib = openLibrary(join(dir, 'lib.marginalia'));
    const folder = join(dir, 'in');
    mkdirSync(folder);
    const text = readFileSync(join(FOLDER, 'domain-system-opens-door-to-scams.txt'), 'utf8');
    writeFileSync(join(folder, 'a.txt'), text);
    writeFileSync(join(folder, 'b.txt'), text.replace(/^.*\n/, 'Another headline\n'));
    await runImport(lib.db, lib.clock, pool, [folder]);
    deleteArticles(lib.db, [idOf(lib, 'a.txt')]);
    const later = join(dir, 'later');
    mkdirSync(later);
    copyFileSync(join(FOLDER, 'domain-system-scam-fear.txt'), join(later, 'c.txt'));
    expect((await runImport(lib.db, lib.clock, pool, [later])).reprints.map((r) => r.copyOfId)).toEqual([idOf(lib, 'b.txt')]);
    lib.close();
  });
});

describe('MinHash signatures', () => {
  const read = (name: string) => readFileSync(join(FOLDER, name), 'utf8');
  it('estimate the copies of a text as near-identical and a rewritten story as not', () => {
    const sign = (name: string) => minHashOf(read(name))?.signature as Uint8Array;
    const reprint = compare(sign('dogged-federer-claims-dubai-crown.txt'), sign('federer-claims-dubai-crown.txt'));
    const cut = compare(sign('hewitt-falls-to-dent-in-adelaide.txt'), sign('hewitt-falls-to-dent.txt'));
    const rewritten = compare(sign('stalemate-in-pension-strike-talks.txt'), sign('talks-aim-to-avert-pension-strike.txt'));
    expect(reprint.jaccard).toBeGreaterThan(0.9);
    expect(cut.jaccard).toBeLessThan(0.8);
    expect(cut.containment).toBeGreaterThan(0.95);
    expect(rewritten.containment).toBeLessThan(0.8);
  });

  it('leave a text of a few words to its exact hash, and read words the same in any case and punctuation', () => {
    expect(minHashOf('Putin said so.')).toBeNull();
    const a = minHashOf('The convoy reached Aleppo on Monday, officials said, after three days on the road from Damascus.');
    const b = minHashOf('THE CONVOY REACHED ALEPPO ON MONDAY — OFFICIALS SAID — AFTER THREE DAYS ON THE ROAD FROM DAMASCUS');
    expect(compare(a!.signature, b!.signature).jaccard).toBe(1);
  });
});

describe('the migration to reprints', () => {
  it('signs and groups the articles a library already holds, telling its progress', () => {
    const path = join(tempDir(), 'old.marginalia');
    const old = openLibrary(path, { targetVersion: 11 });
    const read = (name: string) => readFileSync(join(FOLDER, name), 'utf8').split('\n').slice(2).join('\n');
    const texts = [
      ['Dubai crown', read('dogged-federer-claims-dubai-crown.txt')],
      ['Federer again', read('federer-claims-dubai-crown.txt')],
      ['Pensions', read('stalemate-in-pension-strike-talks.txt')],
      ['Same text, another title', read('dogged-federer-claims-dubai-crown.txt')],
    ];
    const insert = old.db.prepare(
      `INSERT INTO articles (uid, title, text, sha256, numbers, stems, format, imported_at, updated_at)
       VALUES (?, ?, ?, ?, '', '', 'txt', 'now', 'now')`,
    );
    const index = old.db.prepare(
      'INSERT INTO articles_fts (rowid, title, outlet, byline, text, numbers, stems) SELECT id, title, outlet, byline, text, numbers, stems FROM articles WHERE id = ?',
    );
    texts.forEach(([title, text], i) => index.run(insert.run(`u${i}`, title, text, sha256(text as string)).lastInsertRowid));
    old.close();
    const progress: MigrationProgress[] = [];
    const lib = openLibrary(path, {
      onMigrationProgress: (p) => {
        if (p.version === 12) progress.push(p);
      },
    });
    expect(progress.at(-1)).toEqual({ version: 12, name: 'reprints', done: 4, total: 4 });
    const groups = lib.db.prepare('SELECT title, reprint_group FROM articles ORDER BY id').all();
    expect(groups).toEqual([
      { title: 'Dubai crown', reprint_group: 1 },
      { title: 'Federer again', reprint_group: 1 },
      { title: 'Pensions', reprint_group: null },
      { title: 'Same text, another title', reprint_group: 1 },
    ]);
    expect(checkLibrary(lib.db)).toEqual([]);
    lib.close();
  });
});

describe('the CLI import', () => {
  it('counts reprints in --json (and in imported) and names them apart from duplicates in its summary', async () => {
    const dir = tempDir();
    const library = join(dir, 'cli.marginalia');
    const files = ['hewitt-falls-to-dent-in-adelaide.txt', 'hewitt-falls-to-dent.txt'].map((f) => join(FOLDER, f));
    const json = await runCli(['import', '--json', '--library', library, ...files]);
    expect(JSON.parse(json.stdout)).toEqual({ imported: 2, reprints: 1, duplicates: 0, failed: [], stopped: null, notImported: 0 });
    const again = await runCli([
      'import',
      '--library',
      library,
      join(FOLDER, 'hewitt-falls-to-dent.txt'),
      join(FOLDER, 'moya-emotional-at-davis-cup-win.txt'),
    ]);
    expect(again.stdout).toMatch(/^Imported 1, skipped 1 duplicate, 0 failed in \d+\.\d s\.\n$/);
    const reprint = await runCli(['import', '--library', library, join(FOLDER, 'moya-emotional-after-davis-cup-win.txt')]);
    expect(reprint.stdout).toMatch(/^Imported 1 \(1 reprint of texts already there\), skipped 0 duplicates, 0 failed in \d+\.\d s\.\n$/);
  });
});

describe("a writer's band index", () => {
  it('sees the articles another connection wrote since it last looked', () => {
    const path = join(tempDir(), 'two.marginalia');
    const mine = openLibrary(path);
    const other = openLibrary(path);
    const read = (name: string) => readFileSync(join(FOLDER, name), 'utf8').split('\n').slice(2).join('\n');
    const writer = articleWriter(mine.db, mine.clock);
    const write = (w: ReturnType<typeof articleWriter>, title: string, text: string) =>
      w.insertGrouped({
        article: prepareArticle({
          title,
          text,
          blocks: [],
          format: 'txt',
          encoding: null,
          outlet: null,
          byline: null,
          published: null,
          place: null,
          language: null,
          url: null,
        }),
        title,
        sourceName: `${title}.txt`,
        size: text.length,
        bytes: Buffer.from(text),
      });
    // The writer has looked once (an unrelated text), then the other connection writes the original.
    expect(write(writer, 'Pensions', read('stalemate-in-pension-strike-talks.txt')).copyOf).toBeNull();
    const original = write(articleWriter(other.db, other.clock), 'Domain system', read('domain-system-opens-door-to-scams.txt'));
    // Its edited copy, written by the first writer, is grouped with it.
    expect(write(writer, 'Scam fear', read('domain-system-scam-fear.txt')).copyOf).toEqual({ id: original.id, title: 'Domain system' });
    other.close();
    mine.close();
  });
});

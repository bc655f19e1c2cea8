import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { garblePageOf, truncateTo } from '../damage';
import { writeArticles } from '../generated-articles';
import { runCli } from '../run-cli';
import { tempDir } from './helpers';

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

async function libraryOf(dir: string, articles: number): Promise<string> {
  const library = join(dir, 'research.marginalia');
  writeArticles(join(dir, 'in'), articles);
  expect((await runCli(['import', '--library', library, join(dir, 'in')])).code).toBe(0);
  return library;
}

function articles(library: string): Array<{ id: number; title: string; text: string }> {
  const db = new Database(library, { readonly: true });
  try {
    return db.prepare('SELECT id, title, text FROM articles ORDER BY id').all() as Array<{ id: number; title: string; text: string }>;
  } finally {
    db.close();
  }
}

/** Reads repair's "190–196, 220 and after" into a test of an id. */
function lostIds(ranges: string): (id: number) => boolean {
  const parts = ranges.split(', ').map((part) => {
    const [, from, to, after] = /^(\d+)(?:–(\d+)|( and after))?$/.exec(part)!;
    return { from: Number(from), to: after ? Infinity : Number(to ?? from) };
  });
  return (id) => parts.some(({ from, to }) => id >= from && id <= to);
}

describe('marginalia repair', () => {
  it('a sound file with a stray search entry, lost number tokens and a bad block: rebuilt in place, checks clean, finds again', async () => {
    const library = await libraryOf(tempDir(), 60);
    const db = new Database(library);
    db.prepare("INSERT INTO passages_fts (rowid, exact, note) VALUES (999, 'a ghost passage', '')").run();
    // The number tokens and stems gone from the rows and from the index built from them.
    db.prepare("UPDATE articles SET numbers = '', stems = ''").run();
    db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')").run();
    db.prepare('UPDATE articles SET blocks = ? WHERE id = 7').run(JSON.stringify([{ kind: 'paragraph', start: 0, end: 100_000 }]));
    db.close();
    const broken = await runCli(['check', '--library', library]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('  - article 7: a block lies outside its text\n');
    expect(broken.stderr).toContain('the search index has 1 passage, the library 0 ("marginalia repair" rebuilds it)');
    // Report a 7 says "10.5 million": only its number tokens match "10,500,000".
    expect(JSON.parse((await runCli(['search', '--json', '--library', library, '10,500,000'])).stdout).articles).toEqual([]);

    const repair = await runCli(['repair', '--library', library]);
    expect(repair.stderr).toBe('');
    expect(repair.stdout).toBe(
      `${library}: the file is sound. Rebuilt 5 search indexes (articles_fts, claims_fts, memos_fts, passages_fts, sentences_fts), the number tokens and stems of 60 articles, ` +
        'the sentence index of 60 articles and the blocks of 1 article from their text.\nIt checks clean now.\n',
    );
    expect(repair.code).toBe(0);
    expect((await runCli(['check', '--library', library])).code).toBe(0);
    const found = JSON.parse((await runCli(['search', '--json', '--library', library, '10,500,000'])).stdout) as {
      articles: Array<{ title: string }>;
    };
    expect(found.articles.map((a) => a.title)).toEqual(['Report a 7 on the tariff']);
  });

  it('a page overwritten with garbage: the damaged file stays as it is, what can be read goes into a new library beside it', async () => {
    const dir = tempDir();
    const library = await libraryOf(dir, 300);
    const whole = articles(library);
    garblePageOf(library, 'articles');
    const before = digest(library);
    const repair = await runCli(['repair', '--library', library]);
    expect(repair.stderr).toBe('');
    const target = join(dir, 'research (recovered).marginalia');
    const [head, where, articlesLine, sources, ...rest] = repair.stdout.split('\n');
    expect(head).toBe(`${library} is damaged, so it was left as it is. What could be read was recovered into a new library beside it:`);
    expect(where).toBe(target);
    const lost = /^ {2}(\d+) articles recovered; lost: those with ids (\d+)–(\d+) \(their part of the file is damaged\)$/.exec(
      articlesLine!,
    );
    expect(lost).not.toBeNull();
    const [recovered, from, to] = lost!.slice(1).map(Number) as [number, number, number];
    // One leaf page of short articles holds a few rows: those, and only those, are lost.
    expect(to - from + 1).toBeLessThan(30);
    expect(recovered).toBe(300 - (to - from + 1));
    expect(articles(target)).toEqual(whole.filter((a) => a.id < from || a.id > to));
    expect(sources).toBe(`  ${recovered} original files recovered; ${to - from + 1} lost with what they belonged to`);
    expect(rest).toEqual([
      'The recovered library checks clean. Look through it, then use it in place of research.marginalia (or keep both).',
      '',
    ]);
    expect(repair.code).toBe(0);
    expect(digest(library)).toBe(before);
    expect((await runCli(['check', '--library', target])).code).toBe(0);
  });

  it('a truncated file: check says it was cut short; repair recovers every row it still holds, the original untouched', async () => {
    const dir = tempDir();
    const library = await libraryOf(dir, 300);
    const whole = articles(library);
    const copy = join(dir, 'cut.marginalia');
    copyFileSync(library, copy);
    truncateTo(copy, 0.8);
    const before = digest(copy);
    const check = await runCli(['check', '--library', copy]);
    expect(check.stderr).toMatch(
      /^ {2}- the file is damaged: it was cut short \(it holds \d+ of its \d+ pages, as after an interrupted copy\)$/m,
    );
    expect(check.code).toBe(1);
    const repair = await runCli(['repair', '--library', copy]);
    expect(repair.stderr).toBe('');
    const line = /\n {2}(\d+) articles recovered; lost: those with ids (.+) \(their part of the file is damaged\)\n/.exec(repair.stdout);
    expect(line, repair.stdout).not.toBeNull();
    const lost = lostIds(line![2]!);
    const kept = whole.filter((a) => !lost(a.id));
    expect(kept.length).toBe(Number(line![1]));
    expect(kept.length).toBeGreaterThan(100);
    expect(articles(join(dir, 'cut (recovered).marginalia'))).toEqual(kept);
    expect(repair.stdout).toContain('\nThe recovered library checks clean.');
    expect(repair.code).toBe(0);
    expect(digest(copy)).toBe(before);
  });
});

import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
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

function pageCount(library: string): number {
  const db = new Database(library);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return db.pragma('page_count', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('check on a damaged library', () => {
  it('a page overwritten with garbage: check says what is damaged, in words, runs every other check, and changes nothing', async () => {
    const library = await libraryOf(tempDir(), 300);
    garblePageOf(library, 'articles');
    const before = digest(library);
    const check = await runCli(['check', '--library', library]);
    const lines = check.stderr.split('\n');
    expect(lines[0]).toMatch(/: \d problems$/);
    expect(lines[1]).toBe('  - the file is damaged in the table articles: SQLite cannot read it whole (database disk image is malformed)');
    // The checks after the damaged one still ran, each saying what it could not read.
    expect(lines).toContain('  - could not check the links between rows: that part of the file is damaged');
    expect(lines).toContain("  - could not check the articles' blocks: that part of the file is damaged");
    expect(check.code).toBe(1);
    expect(digest(library)).toBe(before);
    expect(existsSync(`${library}-wal`)).toBe(false);
  });

  it('a truncated file: check says it was cut short and by how much', async () => {
    const dir = tempDir();
    const library = await libraryOf(dir, 300);
    const pages = pageCount(library);
    const copy = join(dir, 'copy.marginalia');
    copyFileSync(library, copy);
    truncateTo(copy, 0.5);
    const check = await runCli(['check', '--library', copy]);
    expect(check.stderr).toContain(
      `  - the file is damaged: it was cut short (it holds ${statSync(copy).size / 4096} of its ${pages} pages, as after an interrupted copy)\n`,
    );
    expect(check.code).toBe(1);
  });
});

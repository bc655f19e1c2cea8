import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
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

describe('check on a damaged library', () => {
  it('a page overwritten with garbage: check says what is damaged, in words, runs every other check, and changes nothing', async () => {
    const library = await libraryOf(tempDir(), 300);
    garblePageOf(library, 'articles');
    const before = digest(library);
    const check = await runCli(['check', '--library', library]);
    console.log(check.stderr, check.stdout);
    expect(check.code).toBe(1);
    expect(digest(library)).toBe(before);
    expect(existsSync(`${library}-wal`)).toBe(false);
  });

  it('a truncated file', async () => {
    const dir = tempDir();
    const library = await libraryOf(dir, 300);
    const copy = join(dir, 'copy.marginalia');
    copyFileSync(library, copy);
    truncateTo(copy, 0.5);
    const check = await runCli(['check', '--library', copy]);
    console.log(check.stderr, check.stdout);
  });
});

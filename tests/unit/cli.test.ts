import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { TASS } from '../fixtures/tass';
import { tempDir } from './helpers';

describe('marginalia CLI', () => {
  it('imports, lists, shows, searches, counts and checks a library', async () => {
    const dir = tempDir();
    const library = join(dir, 'cli.marginalia');
    const folder = join(dir, 'in');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    copyFileSync(TASS.path, join(folder, 'nested', 'tass.txt'));
    writeFileSync(join(folder, 'note.md'), '# Field notes\n\nThe convoy left at dawn with 1,300 people.\n');
    writeFileSync(join(folder, 'empty.txt'), '');

    const imported = await runCli(['import', '--json', '--library', library, folder]);
    expect(imported.code).toBe(1); // one file failed, the rest imported
    const report = JSON.parse(imported.stdout) as { imported: number; duplicates: number; failed: Array<{ file: string; error: string }> };
    expect(report.imported).toBe(2);
    expect(report.duplicates).toBe(0);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.file).toBe(join(folder, 'empty.txt'));
    expect(report.failed[0]?.error).toMatch(/^empty\.txt: .*empty/);

    const again = await runCli(['import', '--json', '--library', library, join(folder, 'nested', 'tass.txt')]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ imported: 0, reprints: 0, duplicates: 1, failed: [], stopped: null, notImported: 0 });

    const list = await runCli(['list', '--json'], { MARGINALIA_LIBRARY: library });
    expect(list.code).toBe(0);
    const articles = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(articles).toHaveLength(2);
    const tass = articles.find((a) => a.title === TASS.title);
    expect(tass).toMatchObject({
      outlet: 'TASS',
      place: 'NOVO-OGARYOVO',
      published: '--11-09',
      sourceFile: 'tass.txt',
      format: 'txt',
      language: 'en',
    });

    const show = await runCli(['show', '--json', '--library', library, String(tass?.id)]);
    expect(show.code).toBe(0);
    const article = JSON.parse(show.stdout) as { text: string; blocks: Array<{ kind: string; start: number; end: number }> };
    expect(article.text).not.toContain('All news');
    const heading = article.blocks.find((b) => b.kind === 'heading');
    expect(heading && article.text.slice(heading.start, heading.end)).toBe('Reconstruction work');

    const search = await runCli(['search', '--json', '--library', library, '6.5 million refugees']);
    expect(search.code).toBe(0);
    expect((JSON.parse(search.stdout) as { articles: Array<{ title: string }> }).articles.map((a) => a.title)).toEqual([TASS.title]);
    const numbers = await runCli(['search', '--library', library, '1300']);
    expect(numbers.stdout).toContain('Field notes');

    const stats = await runCli(['stats', '--json', '--library', library]);
    expect(JSON.parse(stats.stdout)).toEqual({ articles: 2, passages: 0, tags: 0, claims: 0, links: 0, memos: 0 });

    const check = await runCli(['check', '--library', library]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('OK');
  });

  it('explains usage and library errors with exit code 2, never a stack trace', async () => {
    const dir = tempDir();
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['import', 'list', 'show', 'search', 'stats', 'check', 'serve']) expect(help.stdout).toContain(command);
    expect((await runCli(['import', '--help'])).stdout).toContain('Usage: marginalia import');

    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');

    const badFlag = await runCli(['list', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown option '--colour'/);

    const notLibrary = join(dir, 'notes.txt');
    writeFileSync(notLibrary, 'not a database at all, just words\n'.repeat(100));
    const refused = await runCli(['stats', '--library', notLibrary]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('notes.txt is not a Marginalia library');
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const missing = await runCli(['show', '--library', join(dir, 'x.marginalia'), '7']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Article 7 does not exist');
  });
});

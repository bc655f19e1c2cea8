import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { tempDir } from './helpers';

describe('names that would break output or mislead the reader', () => {
  it('a file name with a newline and a right-to-left override becomes a plain title; other titles are escaped in CLI text', async () => {
    const dir = tempDir();
    const folder = join(dir, 'in');
    mkdirSync(folder);
    // No heading line: the title comes from the file name.
    writeFileSync(
      join(folder, 'Budget\n2024 \u202Efdp.exe.txt'),
      'The ministry said on Monday that the budget for 2024 would rise by four per cent, officials confirmed in a long statement.\n',
    );
    writeFileSync(join(folder, 'second.txt'), 'Report \u202Eevil\n\nBody text of the second article.\n');
    const library = join(dir, 'research.marginalia');
    expect((await runCli(['import', '--library', library, folder])).code).toBe(0);

    const listed = JSON.parse((await runCli(['list', '--json', '--library', library])).stdout) as Array<{ id: number; title: string }>;
    expect(listed.map((a) => a.title)).toEqual(['Budget 2024 fdp.exe', 'Report \u202Eevil']);
    const text = await runCli(['list', '--library', library]);
    expect(text.stdout).toBe(`${listed[0]!.id}\t\t\tBudget 2024 fdp.exe\n${listed[1]!.id}\t\t\tReport <U+202E>evil\n`);
    const shown = await runCli(['show', '--library', library, String(listed[1]!.id)]);
    expect(shown.stdout.split('\n')[0]).toBe('Report <U+202E>evil');
  });
});

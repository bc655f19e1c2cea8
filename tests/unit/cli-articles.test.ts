import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { TASS } from '../fixtures/tass';
import { tempDir } from './helpers';

async function listed(library: string): Promise<Array<Record<string, unknown>>> {
  const list = await runCli(['list', '--json', '--library', library]);
  return (JSON.parse(list.stdout) as Array<Record<string, unknown>>).sort((a, b) => Number(a.id) - Number(b.id));
}

describe('metadata from the command line', () => {
  it('import --outlet and --language win over what the parser read, for every file of the import', async () => {
    const dir = tempDir();
    const library = join(dir, 'cli.marginalia');
    const folder = join(dir, 'in');
    mkdirSync(folder);
    copyFileSync(TASS.path, join(folder, 'tass.txt'));
    writeFileSync(join(folder, 'note.txt'), 'Camp notes\n\nThe convoy left at dawn with 1,300 people.\n');
    const run = await runCli(['import', '--json', '--library', library, '--outlet', 'Wire copy', '--language', 'en-GB', folder]);
    expect(run.code).toBe(0);
    // The TASS dateline names TASS: the flag still wins, and the place the parser read stays.
    expect((await listed(library)).map((a) => [a.outlet, a.language, a.place])).toEqual([
      ['Wire copy', 'en-GB', null],
      ['Wire copy', 'en-GB', 'NOVO-OGARYOVO'],
    ]);
    const bad = await runCli(['import', '--library', library, '--language', 'English', folder]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--language: use a language code such as en or ru.');
    const resume = await runCli(['import', '--resume', '--library', library, '--outlet', 'BBC']);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain('import --resume takes no --outlet or --language');
  });

  it('articles set changes the ids given, or every article a search matches, and refuses bad values', async () => {
    const dir = tempDir();
    const library = join(dir, 'cli.marginalia');
    const folder = join(dir, 'in');
    mkdirSync(folder);
    for (const [name, body] of [
      ['a.txt', 'Refugees return\n\nMore refugees went home this spring.\n'],
      ['b.txt', 'Harvest report\n\nThe wheat harvest was late.\n'],
      ['c.txt', 'Camp figures\n\nThe camp counted 1,300 refugees.\n'],
    ])
      writeFileSync(join(folder, name!), body!);
    await runCli(['import', '--library', library, folder]);
    const [a, b, c] = (await listed(library)).map((row) => Number(row.id));

    const set = await runCli(['articles', 'set', '--library', library, '--outlet', 'BBC', '--date', '2021-03-04', String(a), String(b)]);
    expect(set).toMatchObject({ code: 0, stdout: 'Set the outlet and date of 2 articles.\n' });
    const matching = await runCli(['articles', 'set', '--json', '--library', library, '--place', 'Idlib', '--matching', 'refugee']);
    expect(JSON.parse(matching.stdout)).toEqual({ updated: 2, fields: ['place'] });
    expect((await listed(library)).map((row) => [row.id, row.outlet, row.published, row.place])).toEqual([
      [a, 'BBC', '2021-03-04', 'Idlib'],
      [b, 'BBC', '2021-03-04', null],
      [c, null, null, 'Idlib'],
    ]);
    const cleared = await runCli(['articles', 'set', '--library', library, '--outlet', '', String(b)]);
    expect(cleared.code).toBe(0);
    expect((await listed(library))[1]!.outlet).toBeNull();

    const badDate = await runCli(['articles', 'set', '--library', library, '--date', '4 March 2021', String(a)]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--date: use a date such as 2020-11-09, 2020-11, or --11-09 when the year is unknown.');
    const missing = await runCli(['articles', 'set', '--library', library, '--outlet', 'BBC', '99']);
    expect(missing.stderr).toContain('Article 99 does not exist');
    const nothing = await runCli(['articles', 'set', '--library', library, String(a)]);
    expect(nothing.stderr).toContain('nothing to set: give --outlet, --date, --language or --place.');
  });
});

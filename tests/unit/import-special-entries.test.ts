import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeArticles } from '../generated-articles';
import { runCli, runCliUnprivileged } from '../run-cli';
import { tempDir } from './helpers';

describe('special entries in an imported folder', () => {
  it('an unreadable folder, a pipe and a symbolic link are each listed with the reason, and the files after them are imported', async () => {
    const dir = tempDir();
    const folder = join(dir, 'in');
    writeArticles(folder, 2, 'a');
    mkdirSync(join(folder, 'b-locked'));
    writeArticles(join(folder, 'b-locked'), 1, 'b');
    chmodSync(join(folder, 'b-locked'), 0);
    writeArticles(join(folder, 'c-later'), 1, 'c');
    execFileSync('mkfifo', [join(folder, 'd-pipe.txt')]);
    symlinkSync('/etc/passwd', join(folder, 'e-link.txt'));
    writeArticles(join(folder, 'f-last'), 1, 'f');
    const library = join(dir, 'research.marginalia');

    const run = await runCliUnprivileged(['import', '--library', library, folder]);
    expect(run.stdout).toMatch(/^Imported 4, skipped 0 duplicates, 3 failed in \d+\.\d s\.\n$/);
    expect(run.stderr.split('\n')).toEqual([
      '  failed: b-locked: the folder could not be read (permission denied), so the files in it were not imported',
      '  failed: d-pipe.txt: not a regular file (a pipe, socket or device), so it was not opened',
      '  failed: e-link.txt: a symbolic link, not followed (it may lead outside the folder)',
      '',
    ]);
    expect(run.code).toBe(1);
    const titles = JSON.parse((await runCliUnprivileged(['list', '--json', '--library', library])).stdout) as Array<{ title: string }>;
    expect(titles.map((a) => a.title).sort()).toEqual([
      'Report a 0 on the refugees',
      'Report a 1 on the ministry',
      'Report c 0 on the refugees',
      'Report f 0 on the refugees',
    ]);
  });

  it('a pipe given as the path to import is refused at once, never opened', async () => {
    const dir = tempDir();
    const pipe = join(dir, 'notes.txt');
    execFileSync('mkfifo', [pipe]);
    writeFileSync(join(dir, 'ok.txt'), 'A title\n\nSome text of an article.\n');
    const run = await runCli(['import', '--library', join(dir, 'research.marginalia'), pipe, join(dir, 'ok.txt')]);
    expect(run.stdout).toMatch(/^Imported 1, skipped 0 duplicates, 1 failed in \d+\.\d s\.\n$/);
    expect(run.stderr).toBe('  failed: notes.txt: not a regular file (a pipe, socket or device), so it was not opened\n');
    expect(run.code).toBe(1);
  });
});

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from '../cli-process';
import { writeArticles } from '../generated-articles';
import { committedArticles, killWhileLogged, until } from '../kill';
import { runCli } from '../run-cli';
import { tempDir } from './helpers';

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Starts an import of `files` new articles and kills its whole process group once `after` are committed. */
async function killImportMidway(library: string, folder: string, after: number): Promise<void> {
  const cli = startCli(['import', '--library', library, folder], { detached: true });
  await until(() => committedArticles(library) >= after, `${after} committed articles`);
  await killWhileLogged(cli.child.pid!, library);
  await cli.done;
  expect(existsSync(`${library}-wal`)).toBe(true);
}

async function stats(library: string): Promise<{ code: number; stderr: string; articles?: number }> {
  const run = await runCli(['stats', '--json', '--library', library]);
  return {
    code: run.code,
    stderr: run.stderr,
    ...(run.code === 0 ? { articles: (JSON.parse(run.stdout) as { articles: number }).articles } : {}),
  };
}

describe('a write-ahead log that does not belong to the library file is refused before it is applied', () => {
  it("a killed import's log, then yesterday's copy put over the library: refused, both files untouched", async () => {
    const dir = tempDir();
    const library = join(dir, 'research.marginalia');
    writeArticles(join(dir, 'old'), 50, 'old');
    writeArticles(join(dir, 'new'), 2000, 'new');
    expect((await runCli(['import', '--library', library, join(dir, 'old')])).code).toBe(0);
    const yesterday = join(dir, 'yesterday.marginalia');
    copyFileSync(library, yesterday);
    await killImportMidway(library, join(dir, 'new'), 400);

    copyFileSync(yesterday, library);
    const before = { db: digest(library), wal: digest(`${library}-wal`) };
    const refused = await stats(library);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'marginalia stats: research.marginalia: the write-ahead log beside it (research.marginalia-wal) does not belong to this file: ' +
        'the file is older than the log: it was replaced by an earlier copy. Opening the file with it would damage the library, so nothing was changed. ' +
        'If you replaced research.marginalia on purpose (with a backup or a copy), move research.marginalia-wal and research.marginalia-shm ' +
        'out of the folder and open it again; "marginalia restore" does this for you.\nUsage: marginalia stats [--library FILE] [--json]\n',
    );
    expect((await runCli(['check', '--library', library])).code).not.toBe(0);
    expect({ db: digest(library), wal: digest(`${library}-wal`) }).toEqual(before);

    // Doing what the message says: yesterday's library, whole.
    renameSync(`${library}-wal`, join(dir, 'aside-wal'));
    renameSync(`${library}-shm`, join(dir, 'aside-shm'));
    expect(await stats(library)).toEqual({ code: 0, stderr: '', articles: 50 });
    expect((await runCli(['check', '--library', library])).code).toBe(0);
  });

  it("another library's log is refused as such", async () => {
    const dir = tempDir();
    const mine = join(dir, 'mine.marginalia');
    const theirs = join(dir, 'theirs.marginalia');
    writeArticles(join(dir, 'a'), 40, 'a');
    writeArticles(join(dir, 'b'), 2000, 'b');
    expect((await runCli(['import', '--library', mine, join(dir, 'a')])).code).toBe(0);
    await killImportMidway(theirs, join(dir, 'b'), 300);
    renameSync(`${theirs}-wal`, `${mine}-wal`);
    const before = digest(mine);
    const refused = await stats(mine);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('does not belong to this file: it was written for another library.');
    expect(digest(mine)).toBe(before);
  });

  it('its own log, left by a killed import, is applied: every committed article is there and the library checks clean', async () => {
    const dir = tempDir();
    const library = join(dir, 'own.marginalia');
    writeArticles(join(dir, 'in'), 2000);
    await killImportMidway(library, join(dir, 'in'), 500);
    const seen = committedArticles(library);
    const reopened = await stats(library);
    expect(reopened.code).toBe(0);
    expect(reopened.articles).toBeGreaterThanOrEqual(seen);
    expect((await runCli(['check', '--library', library])).code).toBe(0);
  });
});

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyBackup } from '../../electron/core/library/backup';
import { openLibrary } from '../../electron/core/library/open';
import { SCHEMA_VERSION } from '../../electron/core/library/migrations';
import { Session } from '../../electron/core/session';
import { startCli } from '../cli-process';
import { writeArticles } from '../generated-articles';
import { committedArticles, killWhileLogged, until } from '../kill';
import { runCli } from '../run-cli';
import { startServe } from '../serve-process';
import { tempDir } from './helpers';

function articlesIn(library: string): number {
  const db = new Database(library, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } finally {
    db.close();
  }
}

const versionOf = (library: string): number => {
  const db = new Database(library, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

async function libraryWith(dir: string, articles: number): Promise<string> {
  const library = join(dir, 'research.marginalia');
  writeArticles(join(dir, 'in'), articles, 'old');
  expect((await runCli(['import', '--library', library, join(dir, 'in')])).code).toBe(0);
  return library;
}

describe('marginalia backup', () => {
  it('copies the library while an import is writing to it: the copy is whole, checks clean and counts what it holds', async () => {
    const dir = tempDir();
    const library = await libraryWith(dir, 20);
    writeArticles(join(dir, 'more'), 2000, 'new');
    const importing = startCli(['import', '--library', library, join(dir, 'more')]);
    await until(() => committedArticles(library) >= 300, '300 committed articles');
    const copy = join(dir, 'copy.marginalia');
    const backup = await runCli(['backup', '--library', library, '--out', copy]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const held = articlesIn(copy);
    expect(held).toBeGreaterThanOrEqual(320);
    expect(backup.stdout).toMatch(new RegExp(`^Backed up ${held.toLocaleString('en-US')} articles to ${copy} \\(\\d+\\.\\d MB\\)\\.\\n$`));
    expect((await runCli(['check', '--library', copy])).code).toBe(0);
    expect((await importing.done).code).toBe(0);
    expect(articlesIn(library)).toBe(2020);
  });

  it('never replaces a file: an --out that exists is refused and left as it was', async () => {
    const dir = tempDir();
    const library = await libraryWith(dir, 5);
    const taken = join(dir, 'notes.marginalia');
    writeFileSync(taken, 'my notes');
    const backup = await runCli(['backup', '--library', library, '--out', taken]);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain(`${taken} exists already: choose another name (a backup never replaces a file).`);
    expect(readFileSync(taken, 'utf8')).toBe('my notes');
  });

  it('--keep N keeps the newest N automatic backups and never removes one made by hand', async () => {
    const dir = tempDir();
    const library = await libraryWith(dir, 5);
    const made = await runCli(['backup', '--library', library]);
    expect(made.code).toBe(0);
    const folder = join(dir, 'research backups');
    const [byHand] = readdirSync(folder);
    expect(byHand).toMatch(/^research \d{4}-\d\d-\d\d \d{6}\.marginalia$/);
    const daily = ['01', '02', '03', '04'].map((day) => `research 2026-01-${day} 090000 (daily).marginalia`);
    for (const name of daily) copyFileSync(join(folder, byHand!), join(folder, name));
    const keep = await runCli(['backup', '--library', library, '--keep', '2']);
    expect(keep.stdout).toBe('research keeps its last 2 automatic backups (2 older removed).\n');
    expect(keep.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([daily[2], daily[3], byHand].sort());
  });

  it('a library is copied into its backups folder before an upgrade; when that copy cannot be made, it is not upgraded', () => {
    const dir = tempDir();
    const library = join(dir, 'research.marginalia');
    openLibrary(library, { targetVersion: SCHEMA_VERSION - 1 }).close();
    const blocked = join(dir, 'blocked.marginalia');
    copyFileSync(library, blocked);
    // A file where the backups folder would go: the copy cannot be made.
    writeFileSync(join(dir, 'blocked backups'), '');
    expect(() => openLibrary(blocked)).toThrow(
      /^blocked\.marginalia needs an upgrade, and Marginalia backs a library up before upgrading it, but the backup failed \(.+\)\. The library was not changed\.$/,
    );
    expect(versionOf(blocked)).toBe(SCHEMA_VERSION - 1);

    openLibrary(library).close();
    expect(versionOf(library)).toBe(SCHEMA_VERSION);
    const backups = readdirSync(join(dir, 'research backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(
      new RegExp(`^research \\d{4}-\\d\\d-\\d\\d \\d{6} \\(before upgrade to format ${SCHEMA_VERSION}\\)\\.marginalia$`),
    );
    expect(versionOf(join(dir, 'research backups', backups[0]!))).toBe(SCHEMA_VERSION - 1);
  });

  it('an open library with articles gets its daily backup; one a day', async () => {
    const dir = tempDir();
    const library = await libraryWith(dir, 12);
    const folder = join(dir, 'research backups');
    const session = new Session(library);
    await until(() => existsSync(folder) && readdirSync(folder).some((n) => n.endsWith('(daily).marginalia')), 'a daily backup');
    session.close();
    const [daily] = readdirSync(folder);
    expect(articlesIn(join(folder, daily!))).toBe(12);

    const lib = openLibrary(library);
    try {
      const now = Date.now();
      expect(await dailyBackup(lib.db, library, () => new Date(now + 60 * 60_000))).toBeNull();
      const tomorrow = await dailyBackup(lib.db, library, () => new Date(now + 25 * 60 * 60_000));
      expect(tomorrow?.articles).toBe(12);
      expect(readdirSync(folder).sort()).toEqual([daily, tomorrow!.path.split('/').at(-1)].sort());
    } finally {
      lib.close();
    }
  });
});

describe('marginalia restore', () => {
  it("asks first, then puts the backup in place: a killed import's log is moved aside with the library it belongs to", async () => {
    const dir = tempDir();
    const library = await libraryWith(dir, 50);
    const yesterday = join(dir, 'yesterday.marginalia');
    expect((await runCli(['backup', '--library', library, '--out', yesterday])).code).toBe(0);
    writeArticles(join(dir, 'more'), 2000, 'new');
    const importing = startCli(['import', '--library', library, join(dir, 'more')], { detached: true });
    await until(() => committedArticles(library) >= 400, '400 committed articles');
    await killWhileLogged(importing.child.pid!, library);
    await importing.done;
    expect(existsSync(`${library}-wal`)).toBe(true);

    const asked = await runCli(['restore', '--library', library, yesterday]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(
      /^marginalia restore: this would replace research\.marginalia, with [\d,]+ articles, with the backup yesterday\.marginalia \(50 articles\)\. Run again with --yes to do it: the library it replaces is kept beside it, renamed "… \(replaced <date>\)"\.\n/,
    );

    const restore = await runCli(['restore', '--library', library, '--yes', yesterday]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const kept = /^The library it replaced is kept as (.+) \(with its -wal and -shm files\)\.$/m.exec(restore.stdout)?.[1];
    expect(restore.stdout.startsWith(`Restored ${library} from the backup yesterday.marginalia (50 articles).\n`)).toBe(true);
    expect(kept).toMatch(/research \(replaced \d{4}-\d\d-\d\d \d{4}\)\.marginalia$/);
    expect(existsSync(`${library}-wal`)).toBe(false);
    const stats = await runCli(['stats', '--json', '--library', library]);
    expect(JSON.parse(stats.stdout).articles).toBe(50);
    expect((await runCli(['check', '--library', library])).code).toBe(0);
    // The replaced library, read with its own log, still has everything its import committed.
    expect((await runCli(['check', '--library', kept!])).code).toBe(0);
    expect(articlesIn(kept!)).toBeGreaterThanOrEqual(400);
  });

  it('refuses while the library is open in another program, and changes nothing', async () => {
    const dir = tempDir();
    const library = await libraryWith(dir, 10);
    const backup = join(dir, 'backup.marginalia');
    expect((await runCli(['backup', '--library', library, '--out', backup])).code).toBe(0);
    const serve = await startServe(library);
    try {
      const restore = await runCli(['restore', '--library', library, '--yes', backup]);
      expect(restore.code).toBe(2);
      expect(restore.stderr).toContain(
        'research.marginalia is open in another program (Marginalia, or a marginalia command): close it there first. Nothing was changed.',
      );
      expect(readdirSync(dir).filter((n) => n.includes('replaced'))).toEqual([]);
    } finally {
      await serve.stop();
    }
  });
});

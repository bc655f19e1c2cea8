import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportProgress, ImportReport } from '../../electron/shared/types';
import { startCli } from '../cli-process';
import { writeArticles } from '../generated-articles';
import { runCli } from '../run-cli';
import { startServe, type ServeProcess } from '../serve-process';
import { tempDir } from './helpers';

const FILES = 800;

interface ImportJson {
  imported: number;
  reprints: number;
  duplicates: number;
  failed: unknown[];
  stopped: string | null;
  notImported: number;
}

async function expectChecksClean(library: string): Promise<void> {
  const check = await runCli(['check', '--library', library]);
  expect(check.stderr).toBe('');
  expect(check.code).toBe(0);
}

async function articleCount(library: string): Promise<number> {
  return (JSON.parse((await runCli(['stats', '--json', '--library', library])).stdout) as { articles: number }).articles;
}

/** Holds the library's write lock from this process, as a long write in another program would. */
function holdWriteLock(library: string): () => void {
  const db = new Database(library);
  db.prepare('BEGIN IMMEDIATE').run();
  return () => {
    db.prepare('COMMIT').run();
    db.close();
  };
}

describe('two writers on one library wait their turn', () => {
  const serves: ServeProcess[] = [];
  afterEach(async () => {
    await Promise.all(serves.splice(0).map((s) => s.stop()));
  });

  it('two CLI imports at once: both finish, every article is there once, and the library checks clean', async () => {
    const dir = tempDir();
    const library = join(dir, 'two.marginalia');
    expect((await runCli(['stats', '--library', library])).code).toBe(0);
    writeArticles(join(dir, 'a'), FILES, 'a');
    writeArticles(join(dir, 'b'), FILES, 'b');
    const [a, b] = await Promise.all([
      startCli(['import', '--json', '--library', library, join(dir, 'a')]).done,
      startCli(['import', '--json', '--library', library, join(dir, 'b')]).done,
    ]);
    for (const run of [a, b]) {
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ imported: FILES, reprints: 0, duplicates: 0, failed: [], stopped: null, notImported: 0 });
    }
    expect(await articleCount(library)).toBe(2 * FILES);
    await expectChecksClean(library);
  });

  it('a CLI import while serve edits: the import finishes whole and every edit is made', async () => {
    const dir = tempDir();
    const library = join(dir, 'edits.marginalia');
    writeArticles(join(dir, 'in'), FILES);
    const serve = await startServe(library);
    serves.push(serve);
    const cli = startCli(['import', '--json', '--library', library, join(dir, 'in')]);
    let finished = false;
    void cli.done.then(() => (finished = true));
    let edits = 0;
    while (!finished || edits < 20) {
      await serve.api('tags.create', { path: `Edit ${edits}` });
      edits += 1;
    }
    const run = await cli.done;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ imported: FILES, reprints: 0, duplicates: 0, failed: [], stopped: null, notImported: 0 });
    expect((await serve.api<unknown[]>('tags.list')).length).toBe(edits);
    await serve.stop();
    await expectChecksClean(library);
  });

  it("serve's import report counts what it committed while a CLI import writes beside it", async () => {
    const dir = tempDir();
    const library = join(dir, 'report.marginalia');
    writeArticles(join(dir, 'served'), FILES, 's');
    writeArticles(join(dir, 'cli'), FILES, 'c');
    const serve = await startServe(library, {}, [dir]);
    serves.push(serve);
    const events = await serve.events();
    const cli = startCli(['import', '--json', '--library', library, join(dir, 'cli')]);
    await serve.api('import.start', { paths: [join(dir, 'served')] });
    const report = await events.next<ImportReport>('import.finished');
    events.close();
    expect({ imported: report.imported.length, failed: report.failed, stopped: report.stopped }).toEqual({
      imported: FILES,
      failed: [],
      stopped: null,
    });
    const run = await cli.done;
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ImportJson).imported).toBe(FILES);
    expect(await articleCount(library)).toBe(2 * FILES);
    await serve.stop();
    await expectChecksClean(library);
  });

  it('an import that must wait says so, in the CLI and in the app, then goes on when the lock is free', async () => {
    const dir = tempDir();
    const library = join(dir, 'wait.marginalia');
    writeArticles(join(dir, 'in'), 30);
    writeArticles(join(dir, 'more'), 30, 'm');
    expect((await runCli(['stats', '--library', library])).code).toBe(0);

    let release = holdWriteLock(library);
    const cli = startCli(['import', '--json', '--library', library, join(dir, 'in')]);
    await cli.stderrHas('Waiting for another program writing to this library…');
    release();
    const run = await cli.done;
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ImportJson).imported).toBe(30);

    const serve = await startServe(library, {}, [dir]);
    serves.push(serve);
    const events = await serve.events();
    release = holdWriteLock(library);
    await serve.api('import.start', { paths: [join(dir, 'more')] });
    const waiting = await events.next<ImportProgress>('import.progress', (p) => p.waiting);
    expect(waiting.imported).toBe(0);
    release();
    const report = await events.next<ImportReport>('import.finished');
    expect(report.imported).toHaveLength(30);
    events.close();
  });
});

import { closeSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WAL_HIGH_WATER_FRAMES } from '../../electron/core/library/checkpoints';
import type { ImportReport, InterruptedImport } from '../../electron/shared/types';
import { writeArticles } from '../generated-articles';
import { runCli } from '../run-cli';
import { startServe, type ServeProcess } from '../serve-process';
import { CAN_MOUNT, smallDisk } from '../small-disk';
import { tempDir } from './helpers';
import { call, expectHealthy, openSession, refused } from './passages-fixture';

const FULL =
  'The disk holding the library is full: nothing was saved, and the library is as it was before. Free some space on that disk, then try again.';

/** Fills a disk to its last byte with a file that can be deleted to free the space again. */
function fill(dir: string): string {
  const path = join(dir, 'filler.bin');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = block.length; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) writeSync(fd, block, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

const STOPPED =
  /^Imported ([\d,]+), skipped 0 duplicates, 0 failed, then the import stopped: the disk holding the library is full\. Free some space on that disk, then try again\.\nThe articles imported before it are kept\. ([\d,]+) files were not imported: run "marginalia import --resume" to import them\.\n$/;

const count = (text: string): number => Number(text.replaceAll(',', ''));

describe.skipIf(!CAN_MOUNT)('a full disk (a real small file system, mounted for the test)', () => {
  const serves: ServeProcess[] = [];
  afterEach(async () => {
    await Promise.all(serves.splice(0).map((s) => s.stop()));
  });

  it('an import stops saying so and what it kept; once there is room, --resume imports the rest and nothing twice', async () => {
    // Room, once freed, for the resume's log at its largest: the writer lets the log grow to its
    // high-water mark when checkpoints fall behind (under load), and a smaller disk fills again.
    const disk = smallDisk(8 * 1024 * 1024 + WAL_HIGH_WATER_FRAMES * 4096);
    const library = join(disk, 'full.marginalia');
    const source = join(tempDir(), 'in');
    writeArticles(source, 2000);
    expect((await runCli(['stats', '--library', library])).code).toBe(0);
    const filler = join(disk, 'filler.bin');
    // Leave about 1 MB: the import fills it.
    const { bavail, bsize } = statfsSync(disk);
    const fd = openSync(filler, 'w');
    writeSync(fd, Buffer.alloc(bavail * bsize - 1024 * 1024));
    closeSync(fd);

    const run = await runCli(['import', '--library', library, source]);
    expect(run.stderr).toBe('');
    const [, imported, left] = STOPPED.exec(run.stdout) ?? [];
    expect(run.stdout).toMatch(STOPPED);
    expect(run.code).toBe(1);
    expect(count(imported!) + count(left!)).toBe(2000);
    expect(count(imported!)).toBeGreaterThan(0);
    const stats = await runCli(['stats', '--json', '--library', library]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: count(imported!) });
    expect((await runCli(['check', '--library', library])).code).toBe(0);

    rmSync(filler);
    const resumed = await runCli(['import', '--resume', '--json', '--library', library]);
    expect(resumed.stderr).toBe('');
    expect(JSON.parse(resumed.stdout)).toEqual([
      { imported: count(left!), reprints: 0, duplicates: 0, failed: [], stopped: null, notImported: 0 },
    ]);
    expect(JSON.parse((await runCli(['stats', '--json', '--library', library])).stdout)).toMatchObject({ articles: 2000 });
    expect((await runCli(['check', '--library', library])).code).toBe(0);
    expect((await runCli(['import', '--resume', '--library', library])).stdout).toBe(
      'Nothing to resume: no import into this library was interrupted.\n',
    );
  });

  it('an edit on a full disk says what happened in words, and succeeds once there is room', async () => {
    const disk = smallDisk(4 * 1024 * 1024);
    const library = join(disk, 'edits.marginalia');
    const serve = await startServe(library);
    serves.push(serve);
    const filler = fill(disk);
    const csv = 'path,description\n' + Array.from({ length: 3000 }, (_, i) => `Topic ${i},${'A long description. '.repeat(10)}`).join('\n');
    expect(await serve.send('tags.importCsv', { csv })).toEqual({ ok: false, error: { code: 'disk-full', message: FULL } });
    expect(await serve.api<unknown[]>('tags.list')).toEqual([]);
    rmSync(filler);
    expect(await serve.api('tags.importCsv', { csv })).toEqual({ created: 3000, updated: 0 });
  });
});

describe('a full library file (SQLite max_page_count: the same failure on any machine)', () => {
  it('the import report counts what was kept and why it stopped; import.resume finishes it', async () => {
    const { ctx, db, session } = openSession();
    const source = join(tempDir(), 'in');
    writeArticles(source, 300);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 60}`);
    const finished = new Promise<ImportReport>((resolve) => session.on('import.finished', resolve));
    await call(ctx, 'import.start', { paths: [source] });
    const report = await finished;
    expect(report.stopped).toBe('the disk holding the library is full. Free some space on that disk, then try again.');
    expect(report.imported.length).toBeGreaterThan(0);
    expect(report.imported.length + report.notImported).toBe(300);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(report.imported.length);
    const csv = 'path\n' + Array.from({ length: 4000 }, (_, i) => `Topic ${i}`).join('\n');
    expect((await refused(ctx, 'tags.importCsv', { csv })).message).toBe(FULL);
    expectHealthy(db);

    db.pragma('max_page_count = 1000000');
    const [interrupted] = (await call(ctx, 'import.interrupted', {})) as InterruptedImport[];
    expect(interrupted).toMatchObject({ requested: [source], total: 300, done: report.imported.length, remaining: report.notImported });
    const resumed = new Promise<ImportReport>((resolve) => session.on('import.finished', resolve));
    await call(ctx, 'import.resume', { jobId: interrupted!.jobId });
    expect((await resumed).imported).toHaveLength(report.notImported);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(300);
    expect(await call(ctx, 'import.interrupted', {})).toEqual([]);
    expectHealthy(db);
  });
});

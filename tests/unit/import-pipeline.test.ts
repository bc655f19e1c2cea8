import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createParsePool } from '../../electron/core/import/parse-pool';
import { runImport, type Parser } from '../../electron/core/import/pipeline';
import { openLibrary } from '../../electron/core/library/open';
import type { ImportProgress } from '../../electron/shared/types';
import { holdImportAt } from '../import-hold';
import { tempDir } from './helpers';

const pool = createParsePool({ size: 2 });
afterAll(() => pool.close());

/** A folder of distinct short news files. */
function newsFolder(root: string, count: number): string {
  const folder = join(root, 'news');
  mkdirSync(folder);
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(folder, `story-${String(i).padStart(4, '0')}.txt`),
      `Story ${i}\n\nLONDON (Reuters) - Officials counted ${i * 7} boats on day ${i}.\n`,
    );
  }
  return folder;
}

const articleCount = (path: string): number => {
  const lib = openLibrary(path);
  try {
    return (lib.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    lib.close();
  }
};

describe('runImport', () => {
  it('stops on cancel: keeps what it committed, reports it, and counts no dropped file as failed', async () => {
    const dir = tempDir();
    const folder = newsFolder(dir, 1500);
    const path = join(dir, 'lib.marginalia');
    const lib = openLibrary(path);
    const controller = new AbortController();
    const report = await runImport(lib.db, lib.clock, pool, [folder], {
      signal: controller.signal,
      checkpoints: lib.checkpoints,
      onCommit: () => controller.abort(),
    });
    lib.close();
    expect(report.cancelled).toBe(true);
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.imported.length).toBeGreaterThan(0);
    expect(report.imported.length).toBeLessThan(1500);
    expect(articleCount(path)).toBe(report.imported.length);
  });

  it('while the next file is slow, writes the files parsed so far and reports their count', async () => {
    const dir = tempDir();
    const folder = newsFolder(dir, 30);
    const lib = openLibrary(join(dir, 'lib.marginalia'));
    const controller = new AbortController();
    const hold = holdImportAt(pool, 12);
    let reachedHold: () => void = () => {};
    const atHold = new Promise<void>((resolve) => (reachedHold = resolve));
    const seen: ImportProgress[] = [];
    const running = runImport(lib.db, lib.clock, hold.parser, [folder], {
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.done === 12 && progress.imported === 12) reachedHold();
      },
    });
    await atHold;
    expect(seen.at(-1)).toMatchObject({ total: 30, done: 12, imported: 12 });
    controller.abort();
    const report = await running;
    lib.close();
    // The slow file was in a worker: it is kept; the queued ones are not imported.
    expect(report.cancelled).toBe(true);
    expect(report.imported.map((i) => i.file.slice(-14))).toEqual(
      Array.from({ length: 13 }, (_, i) => `story-${String(i).padStart(4, '0')}.txt`),
    );
    expect(articleCount(join(dir, 'lib.marginalia'))).toBe(13);
  });

  it('says "finished", not "cancelled", when Cancel comes after every file was written', async () => {
    const dir = tempDir();
    const folder = newsFolder(dir, 120);
    const path = join(dir, 'lib.marginalia');
    const lib = openLibrary(path);
    const controller = new AbortController();
    const written = lib.db.prepare('SELECT count(*) AS n FROM articles');
    const report = await runImport(lib.db, lib.clock, pool, [folder], {
      signal: controller.signal,
      onCommit: () => {
        if ((written.get() as { n: number }).n === 120) controller.abort();
      },
    });
    lib.close();
    expect(controller.signal.aborted).toBe(true);
    expect(report.cancelled).toBe(false);
    expect(report.imported).toHaveLength(120);
    expect(articleCount(path)).toBe(120);
  });

  it('numbers articles in the order the files are listed, whichever parses first', async () => {
    const dir = tempDir();
    const folder = newsFolder(dir, 12);
    const path = join(dir, 'lib.marginalia');
    const lib = openLibrary(path);
    // The first file comes back from its worker only after all the others.
    let others: () => void = () => {};
    const othersBack = new Promise<void>((resolve) => (others = resolve));
    let back = 0;
    const firstLast: Parser = {
      async parse(file, signal) {
        if (file.endsWith('story-0000.txt')) {
          await othersBack;
          return pool.parse(file, signal);
        }
        const outcome = await pool.parse(file, signal);
        if (++back === 11) others();
        return outcome;
      },
    };
    const report = await runImport(lib.db, lib.clock, firstLast, [folder]);
    const rows = lib.db.prepare('SELECT id, source_name AS name FROM articles ORDER BY id').all() as Array<{ id: number; name: string }>;
    lib.close();
    const listed = Array.from({ length: 12 }, (_, i) => `story-${String(i).padStart(4, '0')}.txt`);
    expect(rows.map((r) => r.name)).toEqual(listed);
    expect(report.imported.map((i) => i.file.slice(-14))).toEqual(listed);
  });
});

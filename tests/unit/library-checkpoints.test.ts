import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createParsePool } from '../../electron/core/import/parse-pool';
import { runImport } from '../../electron/core/import/pipeline';
import { BackgroundCheckpoints } from '../../electron/core/library/checkpoints';
import { checkLibrary } from '../../electron/core/library/check';
import { openLibrary, type Library } from '../../electron/core/library/open';
import { tempDir } from './helpers';

const PAGE = 4096;

/** Writes `batches` transactions of about 40 KB each, telling the checkpointer after each one. */
async function writeBatches(lib: Library, checkpoints: BackgroundCheckpoints, batches: number, sample?: () => void): Promise<void> {
  lib.db.exec('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body BLOB)');
  const insert = lib.db.prepare('INSERT INTO filler (body) VALUES (randomblob(4000))');
  for (let b = 0; b < batches; b++) {
    const settling = checkpoints.settle();
    if (settling) await settling;
    lib.db.transaction(() => {
      for (let i = 0; i < 10; i++) insert.run();
    })();
    checkpoints.committed();
    sample?.();
    // Let the worker's replies in, as an import's event loop does between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('background checkpoints', () => {
  it('copy a job’s commits into the database file off the writer, then give checkpointing back', async () => {
    const path = join(tempDir(), 'bg.marginalia');
    const lib = openLibrary(path);
    try {
      const before = statSync(path).size;
      let automaticDuring = -1;
      await lib.checkpoints.during(async () => {
        automaticDuring = lib.db.pragma('wal_autocheckpoint', { simple: true }) as number;
        await writeBatches(lib, lib.checkpoints, 50);
      });
      // The job is done once committed; the rest of the log is copied after it, and only then
      // does the connection checkpoint by itself again.
      expect(lib.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await lib.checkpoints.idle();
      // The writer never checkpointed (its automatic checkpoint was off), yet the 2 MB are in the file.
      expect(automaticDuring).toBe(0);
      expect(statSync(path).size - before).toBeGreaterThan(50 * 10 * 4000);
      expect(lib.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(lib.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(500);
    } finally {
      lib.close();
    }
  });

  it('give the connection its own threshold back when a job starts while the last one’s log is being copied', async () => {
    const path = join(tempDir(), 'overlap.marginalia');
    const lib = openLibrary(path);
    try {
      await lib.checkpoints.during(() => writeBatches(lib, lib.checkpoints, 20));
      expect(lib.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await lib.checkpoints.during(() => writeBatches(lib, lib.checkpoints, 5));
      await lib.checkpoints.idle();
      expect(lib.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(lib.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(250);
      expect(lib.db.pragma('wal_checkpoint(PASSIVE)')).toEqual([{ busy: 0, log: expect.any(Number), checkpointed: expect.any(Number) }]);
    } finally {
      lib.close();
    }
  });

  it('keep the log bounded: past its limit the writer waits until the log can start over', async () => {
    const path = join(tempDir(), 'bounded.marginalia');
    const lib = openLibrary(path);
    // The log starts empty, so it holds the batches only (not the schema the migrations wrote).
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
    const highWater = 64;
    // A checkpoint after every commit, as soon as the last one is done.
    const checkpoints = new BackgroundCheckpoints(lib.db, path, undefined, highWater, 0);
    let largest = 0;
    try {
      await checkpoints.during(async () => {
        // As in an import, the worker has started by the time the log grows.
        await checkpoints.idle();
        await writeBatches(lib, checkpoints, 120, () => {
          largest = Math.max(largest, statSync(`${path}-wal`).size);
        });
      });
      // 120 batches of 10 pages or more make a log of over 1,200 frames when it never restarts.
      // The writer reads the log's size before each batch and waits once it is past the limit, however
      // slow the worker: the batch that crosses the limit is the last to grow the log.
      const FRAME = PAGE + 24;
      expect(largest).toBeGreaterThan(highWater * PAGE);
      expect(largest).toBeLessThan(32 + (highWater + 20) * FRAME);
      expect(lib.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(1200);
    } finally {
      checkpoints.close();
      lib.close();
    }
  });

  it('fall back to the writer’s own checkpoints when the worker cannot open the library', async () => {
    const path = join(tempDir(), 'fallback.marginalia');
    const lib = openLibrary(path);
    const missing = join(tempDir(), 'no-such-folder', 'x.marginalia');
    const checkpoints = new BackgroundCheckpoints(lib.db, missing);
    try {
      const automatic: number[] = [];
      await checkpoints.during(async () => {
        await writeBatches(lib, checkpoints, 5);
        // The worker's first answer is an error: the connection checkpoints by itself again.
        await new Promise<void>((resolve) => {
          const poll = () => {
            const value = lib.db.pragma('wal_autocheckpoint', { simple: true }) as number;
            if (value !== 0) {
              automatic.push(value);
              resolve();
            } else setTimeout(poll, 10);
          };
          poll();
        });
      });
      expect(automatic).toEqual([1000]);
      expect(existsSync(missing)).toBe(false);
      expect(lib.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(50);
    } finally {
      checkpoints.close();
      lib.close();
    }
  });

  it('do nothing for a library in memory', async () => {
    const lib = openLibrary(':memory:');
    try {
      expect(await lib.checkpoints.during(async () => lib.db.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    } finally {
      lib.close();
    }
  });

  it('serve a large import: every file lands in the database file and the library checks clean', async () => {
    const dir = tempDir();
    const folder = join(dir, 'wire');
    mkdirSync(folder);
    for (let i = 0; i < 240; i++) {
      const body = Array.from(
        { length: 30 },
        (_, j) => `Paragraph ${j} of report ${i}: officials said ${i * 31 + j} people returned.`,
      ).join('\n\n');
      writeFileSync(join(folder, `report-${i}.txt`), `Report ${i}\n\n${body}\n`);
    }
    const path = join(dir, 'large.marginalia');
    const lib = openLibrary(path);
    const pool = createParsePool();
    try {
      const before = statSync(path).size;
      const report = await runImport(lib.db, lib.clock, pool, [folder], { checkpoints: lib.checkpoints });
      expect(report.imported).toHaveLength(240);
      await lib.checkpoints.idle();
      // Copied by the worker, with the writer's own checkpoints back on.
      expect(statSync(path).size - before).toBeGreaterThan(240 * 2000);
      expect(lib.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(checkLibrary(lib.db)).toEqual([]);
    } finally {
      await pool.close();
      lib.close();
    }
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createParsePool } from '../../electron/core/import/parse-pool';
import { runImport } from '../../electron/core/import/pipeline';
import { openLibrary } from '../../electron/core/library/open';
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
});

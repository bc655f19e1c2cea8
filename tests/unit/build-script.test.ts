import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectCopy } from './project-copy';

describe('scripts/build.mjs', () => {
  it('builds when run from a path with spaces', () => {
    const root = projectCopy(['scripts', 'electron']);
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'electron'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^built electron in \d+ ms\n$/);
    for (const file of ['main.js', 'parse-worker.js', 'checkpoint-worker.js', 'preload.cjs']) {
      expect(existsSync(join(root, 'dist', 'electron', file))).toBe(true);
    }
  });
});

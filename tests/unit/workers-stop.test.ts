import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('stopping a worker', () => {
  it('keeps the process until the worker has exited, even when it is unreferenced while it stops (a CLI import ended with code 13 and no word)', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'run-ts.mjs'), join(ROOT, 'tests', 'stop-worker-child.ts')], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('stopped with exit code 1\n');
    expect(run.status).toBe(0);
  });
});

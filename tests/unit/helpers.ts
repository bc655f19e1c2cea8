import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder per test, removed afterwards: every test gets real library files of its own. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

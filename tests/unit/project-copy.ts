import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export const PROJECT = join(import.meta.dirname, '..', '..');

/**
 * A copy of the project's sources and scripts in a folder whose path has a space (as on many
 * Windows and macOS machines), sharing this checkout's node_modules: builds and the CLI run there
 * for real without touching this checkout's dist/. Removed after the test.
 */
export function projectCopy(parts: string[]): string {
  const parent = mkdtempSync(join(tmpdir(), 'marginalia copy '));
  afterEach(() => rmSync(parent, { recursive: true, force: true }));
  const root = join(parent, 'My Research');
  mkdirSync(root);
  for (const part of ['package.json', 'package-lock.json', 'tsconfig.base.json', ...parts]) {
    cpSync(join(PROJECT, part), join(root, part), { recursive: true, filter: (path) => !path.includes('node_modules') });
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

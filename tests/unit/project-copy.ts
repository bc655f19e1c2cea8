import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
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
    // Timestamps kept, as in a checkout made a while ago (a file written the moment a build starts counts as unsettled).
    cpSync(join(PROJECT, part), join(root, part), {
      recursive: true,
      preserveTimestamps: true,
      filter: (path) => !path.includes('node_modules') && !path.includes(`${sep}dist${sep}`),
    });
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the copy's `marginalia` command, as `npx marginalia` would in that checkout. */
export function marginalia(root: string, args: string[]): Run {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'marginalia.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI build in use (dist/cli/current.json names it). */
export function currentBuild(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'dist', 'cli', 'current.json'), 'utf8')) as { build: string }).build;
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** True where this process may mount file systems (root on Linux): the real small-disk tests run there. */
export const CAN_MOUNT = process.platform === 'linux' && process.getuid?.() === 0 && mounts();

function mounts(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A real file system of `bytes` (tmpfs), mounted for this test and unmounted after it. */
export function smallDisk(bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  afterEach(() => {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Remounts a small disk read-only (or back read-write): a file system that refuses every write. */
export function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir]);
}

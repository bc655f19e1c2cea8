import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { MarginaliaError } from '../errors';

/**
 * Writes a file through a temporary sibling and renames it into place on success, so a failed or
 * interrupted export never leaves a half-written file under the name the analyst chose (nor
 * destroys the previous export of that name). The temporary name carries the writer's pid, so the
 * next export to the same name removes what a killed one left behind, and only that.
 */
export async function writeFileAtomically<T>(path: string, write: (out: Writable) => Promise<T>): Promise<T> {
  await removeOrphanedTemps(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.partial`);
  const out = createWriteStream(temp);
  try {
    const result = await write(out);
    await rename(temp, path);
    return result;
  } catch (error) {
    // The stream opens its file asynchronously: close it before removing, or the file can appear
    // after the removal.
    if (!out.closed) await new Promise<void>((done) => out.destroy().once('close', () => done()));
    await rm(temp, { force: true });
    throw ioError(path, error);
  }
}

async function removeOrphanedTemps(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.partial')) continue;
    const pid = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length, -'.partial'.length))?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(dirname(path), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ioError(path: string, error: unknown): unknown {
  if (error instanceof MarginaliaError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EISDIR'
            ? 'it is a folder'
            : undefined;
  return reason ? new MarginaliaError('io', `Cannot write ${basename(path)}: ${reason}.`) : error;
}

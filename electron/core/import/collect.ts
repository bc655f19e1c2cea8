import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { naturalCompare } from '../../shared/natural-sort';
import type { ImportReport } from '../../shared/types';
import { systemFolderOf } from '../system-folders';
import { SUPPORTED_EXTENSIONS } from './extensions';

export const QDPX_EXTENSION = '.qdpx';

const NOT_REGULAR = 'not a regular file (a pipe, socket or device), so it was not opened';
const LINK = 'a symbolic link, not followed (it may lead outside the folder)';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

/**
 * Files under the given paths (folders recursively), supported formats only inside folders. What
 * cannot be imported is listed in `failed` with its reason, and the walk goes on past it: a folder
 * that cannot be read, a symbolic link inside a folder (never followed), and anything that is not
 * a regular file (a pipe would block the reader forever: such files are never opened).
 */
export async function collectFiles(paths: string[], failed: ImportReport['failed']): Promise<string[]> {
  const files: string[] = [];
  const supported = new Set<string>([...SUPPORTED_EXTENSIONS, QDPX_EXTENSION]);
  const skip = (path: string, reason: string): void => void failed.push({ file: path, error: `${basename(path)}: ${reason}` });
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skip(dir, `the folder could not be read (${reasonOf(error)}), so the files in it were not imported`);
      return;
    }
    entries.sort((a, b) => naturalCompare(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isSymbolicLink()) skip(full, LINK);
      else if (!entry.isFile()) skip(full, NOT_REGULAR);
      else if (supported.has(extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  for (const path of paths) {
    // A path from the page (untrusted) may lead into the system's folders, straight or by a link.
    const system = systemFolderOf(path);
    if (system) {
      skip(
        path,
        `it is in the system folder ${system.folder}${system.via ? ` (as ${system.via})` : ''}, which Marginalia does not import from`,
      );
      continue;
    }
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      skip(path, reasonOf(error));
      continue;
    }
    if (info.isDirectory()) await walk(path);
    else if (info.isFile()) files.push(path);
    else skip(path, NOT_REGULAR);
  }
  return files;
}

import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** The operating system's own folders: an analyst's articles and exports never live there. */
function systemFolders(): string[] {
  if (process.platform === 'win32') {
    const env = process.env;
    return [env.SystemRoot ?? 'C:\\Windows', env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramData].filter(
      (folder): folder is string => Boolean(folder),
    );
  }
  const posix = ['/etc', '/bin', '/sbin', '/usr', '/lib', '/lib32', '/lib64', '/boot', '/dev', '/proc', '/sys'];
  return process.platform === 'darwin' ? [...posix, '/System', '/Library', '/private/etc'] : posix;
}

/** The path with every symbolic link on the way resolved, as far as the path exists. */
export function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

export interface SystemPlace {
  /** The system folder the path leads into. */
  folder: string;
  /** Where the path really leads, when a symbolic link took it there. */
  via: string | null;
}

/** The system folder a path leads into, through any symbolic links, or null. */
export function systemFolderOf(path: string): SystemPlace | null {
  const real = realPath(path);
  const fold = (p: string): string => (process.platform === 'linux' ? p : p.toLowerCase());
  const folder = systemFolders().find((f) => fold(real) === fold(f) || fold(real).startsWith(fold(f) + sep));
  if (!folder) return null;
  return { folder, via: real === resolve(path) ? null : real };
}

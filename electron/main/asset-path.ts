import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isAppUrl } from './origin';

/**
 * Maps an app:// request URL to a file inside `rootDir`, or null when it is not ours or would
 * leave the folder (../, encoded %2e%2e or %2f, backslashes, drive letters, absolute paths, NUL).
 */
export function resolveAsset(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  const wanted = pathname.replace(/^\/+/, '') || 'index.html';
  const root = resolve(rootDir);
  const target = resolve(root, wanted);
  const inside = relative(root, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return target;
}

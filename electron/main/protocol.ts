import type { Protocol } from 'electron';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { resolveAsset } from './asset-path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_SCHEME } from './origin';

/** Before ready: standard + secure gives app:// a real origin (storage, secure-context APIs, CSP 'self'). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Reads a file of the bundle as a response (Electron's net.fetch of its file: URL in the app). */
export type FetchFile = (path: string) => Promise<Response>;

/**
 * Serves the built renderer from `rootDir`; anything else is a 404: a path that leaves the folder
 * (resolveAsset), and a file inside it that is a link to somewhere outside.
 */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rootDir: string, fetchFile: FetchFile): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAsset(rootDir, request.url);
    if (file === null || !(await isFileInside(rootDir, file))) return new Response('Not found', { status: 404 });
    const response = await fetchFile(file);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

async function isFileInside(rootDir: string, path: string): Promise<boolean> {
  try {
    const [root, real] = await Promise.all([realpath(rootDir), realpath(path)]);
    const inside = relative(root, real);
    return !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside) && (await stat(real)).isFile();
  } catch {
    return false;
  }
}

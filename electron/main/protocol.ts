import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolveAsset } from './asset-path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_SCHEME } from './origin';

/** Before ready: standard + secure gives app:// a real origin (storage, secure-context APIs, CSP 'self'). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `rootDir`; anything else is a 404. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAsset(rootDir, request.url);
    if (file === null || !(await isFile(file))) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerAppScheme, serveRenderer } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/csp';
import { tempDir } from '../helpers';

type Handler = (request: Request) => Promise<Response>;

/** app:// served from a real bundle folder, with a secret beside it that no URL may reach. */
function bundle(): { serve: (url: string) => Promise<Response>; fetched: string[] } {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Marginalia</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'outside the bundle');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'linked.js'));
  symlinkSync(dir, join(root, 'up'));
  let handler: Handler | null = null;
  const protocol = { handle: (_scheme: string, h: Handler) => void (handler = h) } as unknown as Pick<Protocol, 'handle'>;
  const fetched: string[] = [];
  serveRenderer(protocol, root, async (path) => {
    fetched.push(path);
    return new Response(await readFile(path), { headers: { 'content-type': 'text/plain' } });
  });
  return { serve: (url) => (handler as unknown as Handler)(new Request(url)), fetched };
}

describe('app:// serves the bundle and nothing else', () => {
  it('serves the page with the one CSP and nosniff', async () => {
    const { serve } = bundle();
    const page = await serve('app://marginalia/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Marginalia</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await serve('app://marginalia/')).status).toBe(200);
  });

  it('answers 404 to every way out of the folder, encoded or double-encoded, and reads nothing', async () => {
    const { serve, fetched } = bundle();
    for (const url of [
      'app://marginalia/assets/..%2f..%2fsecret.txt',
      'app://marginalia/%2e%2e%2fsecret.txt',
      'app://marginalia/%252e%252e%252fsecret.txt',
      'app://marginalia/..%5csecret.txt',
      'app://marginalia/%2fetc%2fpasswd',
      'app://marginalia/index.html%00.js',
      'app://other/index.html',
    ]) {
      expect((await serve(url)).status, url).toBe(404);
    }
    expect(fetched).toEqual([]);
  });

  it('does not follow a link inside the bundle to a file or folder outside it', async () => {
    const { serve, fetched } = bundle();
    expect((await serve('app://marginalia/assets/linked.js')).status).toBe(404);
    expect((await serve('app://marginalia/up/secret.txt')).status).toBe(404);
    expect(fetched).toEqual([]);
    expect((await serve('app://marginalia/assets/app.js')).status).toBe(200);
  });

  it('registers app:// as a standard, secure scheme (a real origin for CSP and storage)', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});

describe('the packaged app’s fuses (electron-builder flips them at build time)', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    build: { electronFuses: Record<string, boolean> };
  };
  const scheme = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
  ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };

  it('turn off running as Node, NODE_OPTIONS and --inspect, and load only the integrity-checked asar', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('are fuse names electron-builder knows (a misspelt one would be ignored silently)', () => {
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(pkg.build.electronFuses).filter((name) => !known.includes(name))).toEqual([]);
  });
});

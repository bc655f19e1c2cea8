import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/http-host';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';
import { tempDir } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs|html)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('one Content-Security-Policy for every page', () => {
  it('refuses framing, inline and remote script, plugins and forms', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('form-action')).toBe("form-action 'none'");
  });

  it('is written once: no other source file of the app spells out a policy', () => {
    const spelled = ['electron', 'renderer', 'bin', 'scripts']
      .flatMap((part) => sources(join(ROOT, part)))
      .filter((file) => readFileSync(file, 'utf8').includes('default-src'))
      .map((file) => relative(ROOT, file));
    expect(spelled).toEqual(['electron/shared/csp.ts']);
  });

  it('is the header the HTTP host sends with the page', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Marginalia</title>');
    const host = await startHost({
      libraryPath: join(dir, 'csp.marginalia'),
      rendererDir: dir,
      parser: { parse: () => Promise.reject(new Error('no parsing in this test')) },
    });
    try {
      const page = await fetch(host.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await host.close();
    }
  });
});

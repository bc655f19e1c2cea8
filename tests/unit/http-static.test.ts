import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/http-host';
import { tempDir } from './helpers';

describe('the HTTP host serving the interface', () => {
  it('answers 404 when the interface is not there (a build being swapped in), and serves it once it is', async () => {
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    const host = await startHost({
      libraryPath: join(dir, 'lib.marginalia'),
      rendererDir,
      parser: { parse: () => Promise.reject(new Error('no parsing in this test')) },
    });
    try {
      const missing = await fetch(`${host.url}/`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: 'not found' });

      mkdirSync(rendererDir);
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
      const page = await fetch(`${host.url}/passages`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await page.text()).toBe('<!doctype html><title>Marginalia</title>');
    } finally {
      await host.close();
    }
  });
});

import { chromium, type Browser, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createParsePool } from '../electron/core/import/parse-pool';
import { startHost } from '../electron/host/http-host';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium';

/** Debian's Chromium with the e2e tests' flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  });
}

// tsx (esbuild keepNames) wraps functions passed to evaluate in __name(); give the page one.
const NAME_SHIM = 'globalThis.__name = (f) => f;';

export interface BenchApp {
  page: Page;
  openUrl: string;
  /** Closes the browser, the host and its parse pool, and removes `dir` with the library in it. */
  close(): Promise<void>;
}

/**
 * A bench's library served by the HTTP host, with a 1440×900 page in Chromium ready to open it.
 * `initScript` runs in the page before the app (after the __name shim).
 */
export async function openBenchApp(libraryPath: string, dir: string, initScript = ''): Promise<BenchApp> {
  const pool = createParsePool();
  const host = await startHost({ libraryPath, rendererDir: join(import.meta.dirname, '..', 'dist', 'renderer'), parser: pool });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: `${NAME_SHIM}\n${initScript}` });
  return {
    page,
    openUrl: host.openUrl,
    async close() {
      await browser.close();
      await host.close();
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

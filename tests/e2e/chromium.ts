import { existsSync } from 'node:fs';

/** The system Chromium the e2e tests drive: $CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('No Chromium found for the end-to-end tests: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

/** Headless without the background work (updates, sync, networking) that would disturb a test or a measurement. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// `npm test`: everything from a fresh clone — dependencies, build, type-check, lint, format, unit tests,
// end-to-end tests in Chromium, and the Electron spec (which reports a skip where Electron's
// binary is absent). Uses only Node built-ins so it can run before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (${seconds} s)`);
    process.exitCode = result.status ?? 1;
    return false;
  }
  console.log(`✔ ${title} (${seconds} s)`);
  return true;
}

function dependenciesStale() {
  const stamp = join(root, 'node_modules', '.package-lock.json');
  return !existsSync(stamp) || statSync(stamp).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs;
}

function haveChromium() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => p && existsSync(p));
}

const ok =
  // Tests never need Electron's binary; skipping its download keeps `npm ci` offline-safe.
  (!dependenciesStale() || step('install dependencies (npm ci)', npm, ['ci'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) &&
  (haveChromium() ||
    (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
      ? step('install Chromium for the end-to-end tests', 'sh', [
          '-c',
          'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
        ])
      : (console.error(
          'The end-to-end tests need Chromium: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.',
        ),
        (process.exitCode = 1),
        false))) &&
  step('build renderer and Electron bundles', process.execPath, ['scripts/build.mjs']) &&
  step('type-check every project (tsc -b)', npx, ['tsc', '-b']) &&
  step('lint (ESLint: boundaries, cycles, file size, hooks)', npm, ['run', 'lint']) &&
  step('format check (Prettier)', npx, ['prettier', '--check', '.']) &&
  step('unit tests (Vitest)', npx, ['vitest', 'run']) &&
  step('end-to-end tests in Chromium (Playwright)', npx, ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']) &&
  step('Electron tests (Playwright _electron)', npx, ['playwright', 'test', '-c', 'tests/electron/playwright.config.ts']);

console.log(ok ? '\nAll test steps passed.' : '\nTests failed.');

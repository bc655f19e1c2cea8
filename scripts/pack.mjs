// `npm run pack`: installers for the OS this runs on (electron-builder cannot cross-build our
// native module). Builds, ensures better-sqlite3 for Electron, stages it where package.json's
// "build.extraResources" picks it up (resources/native/ in the app), then runs electron-builder.
// Extra arguments go to electron-builder, e.g. `npm run pack -- --dir` for an unpacked app only.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNative } from './electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const STAGED_NATIVE = join(root, '.cache/native/current/better_sqlite3.node');

function run(script, args) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' }).status === 0;
}

function main() {
  if (!run(join(root, 'scripts/build.mjs'), [])) return 'The build failed; see the messages above.';
  try {
    mkdirSync(dirname(STAGED_NATIVE), { recursive: true });
    copyFileSync(ensureNative(), STAGED_NATIVE);
  } catch (error) {
    return error.message;
  }
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  if (!run(cli, ['--publish', 'never', ...process.argv.slice(2)])) return 'electron-builder failed; see the messages above.';
  return null;
}

const problem = main();
if (problem) {
  console.error(`\n${problem}\n`);
  process.exitCode = 1;
}

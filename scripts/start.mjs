// `npm start`: from a fresh checkout to a running app. Installs dependencies when missing or
// stale, fetches the Electron binary when missing, builds, ensures better-sqlite3 for Electron's
// ABI, then runs Electron with it. Extra arguments go to the app (e.g. a .marginalia file).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** npm writes node_modules/.package-lock.json just after package-lock.json; allow for that gap. */
function dependenciesStale() {
  const installed = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs + 2000;
}

/** Path of the Electron executable, or null when the npm package is there but its binary is not. */
function electronBinary() {
  try {
    delete require.cache[require.resolve('electron')];
    const path = require('electron');
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args, env = process.env) {
  // npm on Windows is a .cmd script, which needs a shell to run.
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', shell: command === npm && process.platform === 'win32' });
  return result.status === 0;
}

/** Electron's installer does nothing while this is set, and it may linger from CI or a dev shell. */
function envForElectronDownload() {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return env;
}

function fail(message) {
  console.error(`\n${message}\n`);
  process.exitCode = 1;
}

async function main() {
  if (dependenciesStale()) {
    console.log('Installing dependencies (npm ci)…');
    if (!run(npm, ['ci'], envForElectronDownload())) return fail('npm ci failed; see the messages above.');
  }

  if (!electronBinary()) {
    console.log('Downloading the Electron binary…');
    run(process.execPath, [join(root, 'node_modules/electron/install.js')], envForElectronDownload());
  }
  const electron = electronBinary();
  if (!electron) {
    const { version } = require('electron/package.json');
    return fail(
      `Marginalia cannot start: the Electron ${version} binary is not installed and could not be downloaded. ` +
        'npm installs the electron package, but the binary itself comes from GitHub releases, not the npm registry ' +
        '(the error above says why the download failed). On a machine with internet access `npm start` fetches it by ' +
        'itself. Otherwise set ' +
        'ELECTRON_MIRROR to a mirror you can reach (or place ' +
        `electron-v${version}-${process.platform}-${process.arch}.zip in Electron's download cache) and run \`npm start\` again. ` +
        'Meanwhile the same interface runs in a browser: `npx marginalia serve`.',
    );
  }

  if (!run(process.execPath, [join(root, 'scripts/build.mjs')])) return fail('The build failed; see the messages above.');

  const { ensureNative } = await import('./electron-native.mjs');
  let nativeBinding;
  try {
    nativeBinding = ensureNative();
  } catch (error) {
    return fail(error.message);
  }

  const env = { ...process.env, MARGINALIA_NATIVE_BINDING: nativeBinding };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
  // Ctrl+C reaches Electron too (same terminal); wait for it to exit and pass its code on.
  process.on('SIGINT', () => {});
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

await main();

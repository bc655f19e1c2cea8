// Ensures a better-sqlite3 binary built for Electron's ABI at
// .cache/native/electron-<version>-<platform>-<arch>/better_sqlite3.node, built once and reused.
// node_modules/better-sqlite3 keeps its Node build (unit tests, the CLI and the HTTP host use it):
// the Electron build happens in a temporary copy. Never run from postinstall.
//
// Usage: node scripts/electron-native.mjs   (prints the binary's path on stdout, logs on stderr)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

export function nativeBindingPath(platform = process.platform, arch = process.arch) {
  return join(root, '.cache/native', `electron-${electronVersion()}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** Returns the path of the Electron build, building it first when missing. Throws with the reason. */
export function ensureNative() {
  const target = nativeBindingPath();
  if (existsSync(target)) return target;

  const version = electronVersion();
  const work = mkdtempSync(join(tmpdir(), 'marginalia-native-'));
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const copy = join(work, 'better-sqlite3');
  try {
    // Leave out the Node build so nothing stale can be mistaken for the Electron one.
    cpSync(source, copy, { recursive: true, filter: (path) => path !== join(source, 'build') });
    const built = join(copy, 'build/Release/better_sqlite3.node');
    log(`Building better-sqlite3 for Electron ${version} (${process.platform}-${process.arch}), once…`);
    const prebuilt = run(copy, require.resolve('prebuild-install/bin.js'), [
      '--runtime=electron',
      `--target=${version}`,
      `--arch=${process.arch}`,
      `--platform=${process.platform}`,
    ]);
    if (!prebuilt || !existsSync(built)) {
      log('No prebuilt binary could be downloaded; compiling with node-gyp (needs a C++ toolchain and Python)…');
      const compiled = run(copy, require.resolve('node-gyp/bin/node-gyp.js'), [
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${version}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ]);
      if (!compiled || !existsSync(built)) {
        throw new Error(
          `Could not get better-sqlite3 for Electron ${version}: the prebuilt download (GitHub) failed and so did ` +
            'compiling it (node-gyp needs Electron headers from electronjs.org, Python and a C++ compiler). ' +
            'Check the network or install the build tools, then run `node scripts/electron-native.mjs` again.',
        );
      }
    }
    mkdirSync(dirname(target), { recursive: true });
    // Copy then rename, so a concurrent or interrupted run never leaves a half-written binary.
    copyFileSync(built, `${target}.partial`);
    renameSync(`${target}.partial`, target);
    log(`better-sqlite3 for Electron: ${target}`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(cwd, script, args) {
  // npm_config_* from an enclosing `npm run` would override runtime and target; drop them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
  const result = spawnSync(process.execPath, [script, ...args], { cwd, env, stdio: ['ignore', 2, 2] });
  return result.status === 0;
}

function log(message) {
  console.error(`[native] ${message}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(ensureNative());
  } catch (error) {
    log(error.message);
    process.exitCode = 1;
  }
}

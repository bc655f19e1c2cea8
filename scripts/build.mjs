// Builds everything the app and the host serve: the renderer (Vite) and the Electron main
// process, preload and parse worker (esbuild). Fast enough to run before every start and test.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];

const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native and heavy packages stay in node_modules (better-sqlite3 is switched per runtime).
  packages: 'external',
};

export async function buildElectron() {
  await esbuild({
    ...nodeBundle,
    entryPoints: {
      main: join(root, 'electron/main/index.ts'),
      'parse-worker': join(root, 'electron/core/import/parse-worker.ts'),
      'checkpoint-worker': join(root, 'electron/core/library/checkpoint-worker.ts'),
    },
    outdir: join(root, 'dist/electron'),
    format: 'esm',
    external: ['electron'],
  });
  // Sandboxed preloads must be CommonJS and self-contained.
  await esbuild({
    ...nodeBundle,
    packages: undefined,
    entryPoints: [join(root, 'electron/preload/index.ts')],
    outfile: join(root, 'dist/electron/preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
}

export async function buildRenderer() {
  await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

// pathToFileURL, not `file://${argv[1]}`: that differs from import.meta.url when the path has a
// space (percent-encoded in the URL) or on Windows, and the build would silently do nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  if (!only || only === 'renderer') await buildRenderer();
  if (!only || only === 'electron') await buildElectron();
  console.log(`built ${only ?? 'renderer and electron'} in ${Date.now() - started} ms`);
}

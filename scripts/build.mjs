// Builds everything the app and the host serve: the renderer (Vite), the Electron main process,
// preload and workers (esbuild), and the CLI bundle (scripts/cli-bundle.mjs). Fast enough to run
// before every start and test. `node scripts/build.mjs [renderer|electron|cli]` builds one part.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli } from './cli-bundle.mjs';
import { INSTALL_FILES, stampIsCurrent, takeStamp } from './stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RENDERER_DIR = join(root, 'dist', 'renderer');
const RENDERER_STAMP = join(root, 'dist', 'renderer.stamp.json');

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
  const { build } = await import('esbuild');
  await build({
    ...nodeBundle,
    entryPoints: {
      main: join(root, 'electron/main/index.ts'),
      'parse-worker': join(root, 'electron/core/import/parse-worker.ts'),
      'qdpx-worker': join(root, 'electron/core/interchange/qdpx-worker.ts'),
      'checkpoint-worker': join(root, 'electron/core/library/checkpoint-worker.ts'),
    },
    outdir: join(root, 'dist/electron'),
    format: 'esm',
    external: ['electron'],
  });
  // Sandboxed preloads must be CommonJS and self-contained.
  await build({
    ...nodeBundle,
    packages: undefined,
    entryPoints: [join(root, 'electron/preload/index.ts')],
    outfile: join(root, 'dist/electron/preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
}

/**
 * Builds into a folder of its own, then swaps it in: a host serving dist/renderer meanwhile never
 * sees half a build. Records what it was made from, for ensureRenderer.
 */
export async function buildRenderer() {
  const { build } = await import('vite');
  // Always React's production build: a NODE_ENV of test or development inherited from the shell
  // (or a test runner) would make Vite bundle the development one.
  process.env.NODE_ENV = 'production';
  const startedAt = Date.now();
  const work = join(root, 'dist', `.renderer-${process.pid}`);
  const old = `${work}-old`;
  let modules = [];
  function collect() {
    modules = [...this.getModuleIds()];
  }
  try {
    await build({
      configFile: join(root, 'renderer/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: work, emptyOutDir: true },
      plugins: [{ name: 'marginalia:inputs', generateBundle: { order: 'post', handler: collect } }],
    });
    // Module ids leave out what CSS @imports: every file under renderer/ counts as well.
    const inRenderer = readdirSync(join(root, 'renderer'), { recursive: true }).map((name) => join(root, 'renderer', name));
    const stamp = takeStamp(root, [...projectFiles([...modules, ...inRenderer]), ...INSTALL_FILES, 'scripts/build.mjs'], startedAt);
    try {
      if (existsSync(RENDERER_DIR)) renameSync(RENDERER_DIR, old);
      renameSync(work, RENDERER_DIR);
    } catch (error) {
      // Another process swapped its build in at the same moment: that one serves as well.
      if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw error;
    }
    writeFileSync(RENDERER_STAMP, JSON.stringify(stamp));
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

/** Files of this checkout (not packages) among module ids and paths, relative with forward slashes. */
function projectFiles(ids) {
  return ids
    .map((id) => id.split('?')[0])
    .filter((path) => path.startsWith(root + sep) && !path.includes(`${sep}node_modules${sep}`))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile())
    .map((path) => relative(root, path).split(sep).join('/'));
}

function rendererCurrent() {
  try {
    return existsSync(join(RENDERER_DIR, 'index.html')) && stampIsCurrent(root, JSON.parse(readFileSync(RENDERER_STAMP, 'utf8')));
  } catch {
    return false;
  }
}

/** For `marginalia serve`: dist/renderer, built first when missing or made from older sources. */
export async function ensureRenderer(log) {
  if (!rendererCurrent()) {
    const started = Date.now();
    log(
      existsSync(RENDERER_DIR)
        ? 'The interface changed since it was built: rebuilding dist/renderer…'
        : 'Building the interface (dist/renderer), once…',
    );
    await buildRenderer();
    log(`Built the interface in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  return RENDERER_DIR;
}

// pathToFileURL, not `file://${argv[1]}`: that differs from import.meta.url when the path has a
// space (percent-encoded in the URL) or on Windows, and the build would silently do nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = process.argv[2];
  const started = Date.now();
  if (!only || only === 'renderer') await buildRenderer();
  if (!only || only === 'electron') await buildElectron();
  if (!only || only === 'cli') await buildCli();
  console.log(`built ${only ?? 'renderer, electron and cli'} in ${Date.now() - started} ms`);
}

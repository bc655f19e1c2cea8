// The `marginalia` CLI and its HTTP host run from a bundle in dist/cli/<build>/ (esbuild, as the
// app): one JavaScript file per part instead of transpiling a hundred TypeScript modules at every
// start. A build is used only while every file it was made from is unchanged (scripts/stamp.mjs:
// its sources, and for the packages it bundles the lock and node_modules/.package-lock.json, which
// npm rewrites at each install), else it is rebuilt first, so a stale bundle never runs. Each build has a folder of its own and
// current.json names the one in use: a process still running from an older build (a `serve`)
// keeps the chunks and workers it loads later. Uses only Node built-ins until it has to build.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSTALL_FILES, stampIsCurrent, takeStamp } from './stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI_DIR = join(root, 'dist', 'cli');
const POINTER = join(CLI_DIR, 'current.json');
/** Replaced builds kept for processes started from them (a `serve` loads chunks and workers later). */
const KEEP_REPLACED = 4;
const UNFINISHED_MS = 60 * 60 * 1000;
const ENTRY = 'marginalia.js';

/** The entry of the current build, or null when there is none or a file it was made from changed. */
export function currentCli() {
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(POINTER, 'utf8'));
  } catch {
    return null;
  }
  const entry = join(CLI_DIR, pointer.build, ENTRY);
  return stampIsCurrent(root, pointer.stamp) && existsSync(entry) ? entry : null;
}

/** The entry to run: the current build, else a new one. */
export async function cliEntry() {
  return currentCli() ?? (await buildCli());
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  mkdirSync(CLI_DIR, { recursive: true });
  const work = mkdtempSync(join(CLI_DIR, '.building-'));
  try {
    const { metafile } = await build({
      absWorkingDir: root,
      entryPoints: {
        marginalia: 'electron/host/main-cli.ts',
        // Found beside the bundle by electron/core/workers.ts.
        'parse-worker': 'electron/core/import/parse-worker.ts',
        'qdpx-worker': 'electron/core/interchange/qdpx-worker.ts',
        'checkpoint-worker': 'electron/core/library/checkpoint-worker.ts',
      },
      outdir: work,
      bundle: true,
      // Code each command loads on demand (import()) goes in chunks of its own, shared code once.
      splitting: true,
      chunkNames: '[name]-[hash]',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Packages are bundled too: loading one file is faster than resolving hundreds (a parse
      // worker starts in half the time). better-sqlite3 is native, pdfjs-dist loads its legacy
      // build and worker module by path, and resvg-wasm its .wasm file: those stay in node_modules.
      external: ['better-sqlite3', 'pdfjs-dist', '@resvg/resvg-wasm'],
      // Bundled CommonJS packages require Node's built-ins.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      // The maps point at the sources in this checkout instead of carrying a copy of them.
      sourcemap: true,
      sourcesContent: false,
      metafile: true,
      logLevel: 'warning',
    });
    const sources = Object.keys(metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
    const stamp = takeStamp(
      root,
      [...sources, ...tsconfigsFor(sources), ...INSTALL_FILES, 'scripts/cli-bundle.mjs', 'scripts/stamp.mjs'],
      startedAt,
    );
    const id = createHash('sha256').update(JSON.stringify(stamp)).digest('hex').slice(0, 16);
    const target = join(CLI_DIR, id);
    try {
      renameSync(work, target);
    } catch (error) {
      // Another process made the same build meanwhile: use that one.
      if (!existsSync(join(target, ENTRY))) throw error;
    }
    const replaced = readPointerBuild();
    writeAtomically(POINTER, JSON.stringify({ build: id, stamp }));
    if (replaced && replaced !== id && existsSync(join(CLI_DIR, replaced))) {
      const now = new Date();
      utimesSync(join(CLI_DIR, replaced), now, now);
    }
    prune(id);
    return join(target, ENTRY);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** esbuild reads the tsconfig.json nearest each source (and what it extends, at the root). */
function tsconfigsFor(sources) {
  const found = new Set(readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name)));
  for (const source of sources) {
    for (let dir = dirname(source); dir !== '.'; dir = dirname(dir)) {
      if (existsSync(join(root, dir, 'tsconfig.json'))) found.add(`${dir}/tsconfig.json`);
    }
  }
  return [...found];
}

function readPointerBuild() {
  try {
    return JSON.parse(readFileSync(POINTER, 'utf8')).build;
  } catch {
    return null;
  }
}

function writeAtomically(path, text) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

/**
 * Keeps the builds most recently replaced, for processes still running from them, and removes
 * older ones and folders of builds that never finished (a crash; any still being written is recent).
 */
function prune(current) {
  const now = Date.now();
  const others = readdirSync(CLI_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== current)
    .map((entry) => ({
      path: join(CLI_DIR, entry.name),
      building: entry.name.startsWith('.'),
      mtimeMs: statSync(join(CLI_DIR, entry.name)).mtimeMs,
    }));
  const replaced = others.filter((build) => !build.building).sort((a, b) => b.mtimeMs - a.mtimeMs);
  const stale = [...replaced.slice(KEEP_REPLACED), ...others.filter((build) => build.building && build.mtimeMs < now - UNFINISHED_MS)];
  for (const { path } of stale) rmSync(path, { recursive: true, force: true });
}

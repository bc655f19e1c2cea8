// The `marginalia` CLI and its HTTP host run from a bundle in dist/cli/<build>/ (esbuild, as the
// app): one JavaScript file per part instead of transpiling a hundred TypeScript modules at every
// start. A build is used only while every file it was made from is unchanged (scripts/stamp.mjs),
// else it is rebuilt first, so a stale bundle never runs. Each build has a folder of its own and
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
/** A replaced build stays this long for processes started from it; then it is removed. */
const KEEP_REPLACED_MS = 24 * 60 * 60 * 1000;
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
      packages: 'external',
      sourcemap: true,
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

/** Builds replaced over a day ago, and folders of builds that never finished, go. */
function prune(current) {
  const cutoff = Date.now() - KEEP_REPLACED_MS;
  for (const name of readdirSync(CLI_DIR)) {
    const path = join(CLI_DIR, name);
    if (name === current || name === 'current.json' || !statSync(path).isDirectory()) continue;
    if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
  }
}

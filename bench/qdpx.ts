// A large REFI-QDA project (the case: 878,145 coded selections, project.qde about 236 MB),
// each side in a process of its own so that its peak RSS is its own:
//   (a) baseline: the whole-document parse the importer used to run on the host's main thread
//       (fast-xml-parser over project.qde inflated into memory, no library written);
//   (b) ours: importQdpx into a new library: project.qde streams through the SAX reader in a worker.
// Reported: time, peak RSS, the host thread's longest stall while the worker read and checked the
// project (its event loop must keep answering), and the write (one transaction on the host thread).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readZip } from '../electron/core/import/zip';
import { readInWorker } from '../electron/core/interchange/qdpx-import';
import { writeProject } from '../electron/core/interchange/qdpx-write';
import { writeTransaction } from '../electron/core/library/write';
import { openLibrary } from '../electron/core/library/open';
import { writeLargeProject } from '../tests/generated-qdpx';
import { readProjectWhole } from '../tests/qde-reference';
import { peakRssMb } from './measure';

const HERE = fileURLToPath(import.meta.url);
export const QDPX_TARGETS =
  'REFI-QDA project, 878,085 selections (targets: rss_ratio_to_baseline < 1, host_longest_stall_while_reading_ms < 100)';

const RUN_TS = join(import.meta.dirname, '..', 'bin', 'run-ts.mjs');

interface Measure {
  ms: number;
  peakRssMb: number;
  selections: number;
  /** Longest event-loop stall of the host thread while project.qde was read, and while the project was written. */
  readStallMs?: number;
  writeMs?: number;
}

async function baseline(file: string): Promise<Omit<Measure, 'ms' | 'peakRssMb'>> {
  const entries = await readZip(readFileSync(file), {
    wanted: (n) => n === 'project.qde',
    maxEntryBytes: 256_000_000,
    maxTotalBytes: 512_000_000,
  });
  const project = readProjectWhole(new TextDecoder().decode(entries.get('project.qde')));
  return { selections: project.sources.reduce((n, s) => n + s.selections.length, 0) };
}

/** The longest gap between ticks of a 10 ms interval while `work` runs: how long the thread could not answer. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 10);
    last = now;
  }, 10);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, performance.now() - last - 10);
    return { result, stallMs };
  } finally {
    clearInterval(tick);
  }
}

async function ours(file: string, library: string): Promise<Omit<Measure, 'ms' | 'peakRssMb'>> {
  const lib = openLibrary(library);
  let selections = 0;
  const { result: checked, stallMs } = await longestStall(() => readInWorker(file, { onProgress: (p) => (selections = p.selections) }));
  const started = performance.now();
  const report = writeTransaction(lib.db, () => writeProject(lib.db, lib.clock, checked));
  const writeMs = performance.now() - started;
  lib.close();
  if (report.passages === 0) throw new Error('nothing was imported');
  return { selections, readStallMs: stallMs, writeMs };
}

function child(kind: 'baseline' | 'import', file: string, library: string): Measure {
  const run = spawnSync(process.execPath, [RUN_TS, HERE, '--child', kind, '--file', file, '--library', library], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`${kind} run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Measure;
}

export async function qdpxBench(options: { sources: number; selectionsPerSource: number }): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-qdpx-bench-'));
  try {
    const file = join(dir, 'large.qdpx');
    const qdeBytes = await writeLargeProject(file, options);
    const base = child('baseline', file, join(dir, 'unused.marginalia'));
    const mine = child('import', file, join(dir, 'bench.marginalia'));
    return {
      selections: mine.selections,
      project_qde_mb: Math.round(qdeBytes / 1e6),
      baseline_parse_ms: Math.round(base.ms),
      baseline_peak_rss_mb: base.peakRssMb,
      import_ms: Math.round(mine.ms),
      import_peak_rss_mb: mine.peakRssMb,
      rss_ratio_to_baseline: Number((mine.peakRssMb / base.peakRssMb).toFixed(2)),
      host_longest_stall_while_reading_ms: Math.round(mine.readStallMs ?? 0),
      write_transaction_ms: Math.round(mine.writeMs ?? 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (or as a measured child): parse our own arguments; imported by bench/run.ts: nothing.
if (process.argv[1] === HERE) {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      file: { type: 'string' },
      library: { type: 'string' },
      sources: { type: 'string', default: '585' },
      'selections-per-source': { type: 'string', default: '1501' },
    },
  });
  if (values.child) {
    const started = performance.now();
    const result = await (values.child === 'baseline'
      ? baseline(values.file as string)
      : ours(values.file as string, values.library as string));
    console.log(JSON.stringify({ ms: performance.now() - started, peakRssMb: peakRssMb(), ...result }));
  } else {
    console.log(QDPX_TARGETS);
    console.table(await qdpxBench({ sources: Number(values.sources), selectionsPerSource: Number(values['selections-per-source']) }));
  }
}

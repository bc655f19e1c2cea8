import Database from 'better-sqlite3';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParsePool } from '../electron/core/import/parse-pool';
import { runImport } from '../electron/core/import/pipeline';
import { openLibrary } from '../electron/core/library/open';
import { search } from '../electron/core/search/query';
import { generateCorpus, replicateCorpus } from './corpus';
import { MARGINALIA, median, percentile, timeProcess } from './measure';

export interface ImportBenchOptions {
  corpus?: string;
  replicate: number;
  count: number;
  /** Baseline and import pairs; the ratio reported is their median (this machine is noisy). */
  runs: number;
}

/**
 * The raw baseline: read the same files and insert their texts straight into a table + FTS5 in one
 * transaction, in WAL mode as a library is.
 */
function baseline(files: string[], path: string): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE raw (id INTEGER PRIMARY KEY, text TEXT NOT NULL); CREATE VIRTUAL TABLE raw_fts USING fts5(text);');
  const started = performance.now();
  const insert = db.prepare('INSERT INTO raw (text) VALUES (?)');
  const index = db.prepare('INSERT INTO raw_fts (rowid, text) VALUES (?, ?)');
  db.transaction(() => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      index.run(insert.run(text).lastInsertRowid, text);
    }
  })();
  const elapsed = performance.now() - started;
  db.close();
  return elapsed;
}

export async function importBench(options: ImportBenchOptions): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-'));
  try {
    const files = options.corpus
      ? replicateCorpus(options.corpus, join(dir, 'corpus'), options.replicate)
      : generateCorpus(join(dir, 'corpus'), options.count);
    // A host starts its parse workers once, before any import: so does the benchmark (from sources,
    // each worker also compiles its TypeScript, which the bundled app does not).
    const pool = createParsePool();
    await pool.warm();
    // The CLI bundle is built (when not current) before anything is timed.
    await timeProcess([MARGINALIA, '--help']);
    // The import alone against the baseline, in pairs run back to back, each into fresh files; and
    // the import as a user runs it, `marginalia import` in a process of its own (start-up, a cold
    // parse pool and the copy of the log at the end included), against the same pair's baseline.
    const rawMs: number[] = [];
    const importMs: number[] = [];
    const ratios: number[] = [];
    const cliMs: number[] = [];
    const cliRatios: number[] = [];
    let duplicates = 0;
    let reprints = 0;
    for (let run = 0; run < options.runs; run++) {
      const baselinePath = join(dir, `baseline-${run}.sqlite`);
      const libraryPath = join(dir, `plain-${run}.marginalia`);
      const cliPath = join(dir, `cli-${run}.marginalia`);
      rawMs.push(baseline(files, baselinePath));
      const plain = openLibrary(libraryPath);
      const started = performance.now();
      const report = await runImport(plain.db, plain.clock, pool, [join(dir, 'corpus')], { checkpoints: plain.checkpoints });
      importMs.push(performance.now() - started);
      ratios.push(importMs[run]! / rawMs[run]!);
      // The rest of the log is copied after the import reports; not while the next baseline runs.
      await plain.checkpoints.idle();
      plain.close();
      const cli = await timeProcess([MARGINALIA, 'import', '--json', '--library', cliPath, join(dir, 'corpus')]);
      cliMs.push(cli.ms);
      cliRatios.push(cli.ms / rawMs[run]!);
      const cliReport = JSON.parse(cli.stdout) as { imported: number; duplicates: number };
      // Deleted at once, so that writing their pages back to disk does not slow the next pair.
      for (const path of [baselinePath, libraryPath, cliPath])
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      if (cliReport.imported !== report.imported.length)
        throw new Error(`the CLI imported ${cliReport.imported}, the pipeline ${report.imported.length}`);
      // Real corpora repeat some articles (the BBC set has 34 twins under other headlines, imported as
      // reprints; a replicated corpus's copies are reprints too): only true re-imports are skipped.
      if (report.imported.length + report.duplicates.length !== files.length) {
        throw new Error(
          `expected ${files.length} imported or skipped, got ${report.imported.length} (${report.failed.length} failed, ${report.duplicates.length} duplicates)`,
        );
      }
      duplicates = report.duplicates.length;
      reprints = report.reprints.length;
    }

    // Second run: the same import while a search is asked for every 100 ms, as a user typing
    // in the search box would: how long each waits for the writer and runs. The query names one
    // report, as an analyst looking for something would (every generated file matches common
    // words, which would measure ranking 10,000 hits instead of waiting on the import).
    const lib = openLibrary(join(dir, 'busy.marginalia'));
    const latencies: number[] = [];
    const runs: number[] = [];
    let timer: NodeJS.Timeout | undefined;
    const probe = (): void => {
      const due = performance.now() + 100;
      timer = setTimeout(() => {
        const begin = performance.now();
        search(lib.db, `report ${1 + latencies.length * 37} refugees`, 20);
        latencies.push(performance.now() - due);
        runs.push(performance.now() - begin);
        probe();
      }, 100);
    };
    probe();
    const started = performance.now();
    await runImport(lib.db, lib.clock, pool, [join(dir, 'corpus')], { checkpoints: lib.checkpoints });
    const busyMs = performance.now() - started;
    clearTimeout(timer);
    await pool.close();
    await lib.checkpoints.idle();
    lib.close();
    return {
      files: files.length,
      duplicates_skipped: duplicates,
      reprints_grouped: reprints,
      runs: options.runs,
      baseline_ms: Math.round(median(rawMs)),
      import_ms: Math.round(median(importMs)),
      cli_import_ms: Math.round(median(cliMs)),
      baseline_files_per_s: Math.round(files.length / (median(rawMs) / 1000)),
      import_files_per_s: Math.round(files.length / (median(importMs) / 1000)),
      ratio_to_baseline: Number(median(ratios).toFixed(2)),
      ratio_lowest: Number(Math.min(...ratios).toFixed(2)),
      ratio_highest: Number(Math.max(...ratios).toFixed(2)),
      cli_import_files_per_s: Math.round(files.length / (median(cliMs) / 1000)),
      cli_ratio_to_baseline: Number(median(cliRatios).toFixed(2)),
      cli_ratio_lowest: Number(Math.min(...cliRatios).toFixed(2)),
      cli_ratio_highest: Number(Math.max(...cliRatios).toFixed(2)),
      import_with_searches_files_per_s: Math.round(files.length / (busyMs / 1000)),
      search_during_import_p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      search_during_import_max_ms: Number(Math.max(0, ...latencies).toFixed(1)),
      of_which_search_itself_p50_ms: Number(percentile(runs, 50).toFixed(1)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

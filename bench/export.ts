// Passages CSV export at scale: a library of 1,000,000 tagged passages, then (a) the raw baseline —
// the same SELECT through one .iterate() cursor into csv-stringify and a file — and (b) our export
// (paged reads, tag paths, claims, formula neutralisation, atomic file). Each run is a child
// process, so its peak RSS is its own. Targets: (b) ≤ 2× (a) in time, peak RSS < 300 MB.
//   node bin/run-ts.mjs bench/export.ts [--passages N] [--runs N]
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { passagesCsvToFile } from '../electron/core/export/commands';
import { PASSAGE_COLUMNS } from '../electron/core/export/csv-passages';
import { openLibrary } from '../electron/core/library/open';
import { peakRssMb } from './measure';

const HERE = fileURLToPath(import.meta.url);
const RUN_TS = join(HERE, '..', '..', 'bin', 'run-ts.mjs');

/** The rows our export reads, as one statement (the baseline reads it in one cursor). */
const SAME_ROWS = `SELECT p.id, p.article_id, a.title, a.outlet, a.published, a.place, a.url, p.exact, p.note, p.start, p."end",
    p.prefix, p.suffix, p.created_at, p.updated_at,
    (SELECT group_concat(tag_id) FROM passage_tags WHERE passage_id = p.id) AS tag_ids,
    (SELECT json_group_array(json_array(id, statement)) FROM (SELECT c.id, c.statement FROM claim_appearances ca
       JOIN claims c ON c.id = ca.claim_id WHERE ca.passage_id = p.id ORDER BY c.id)) AS claims, p.anchor
  FROM passages p JOIN articles a ON a.id = p.article_id ORDER BY p.article_id, p.start, p.id`;

const WORDS = [
  'refugees',
  'million',
  'Syria',
  'беженцы',
  'outlet, "quoted"',
  'said',
  'the',
  'minister',
  '6.5',
  'return',
  'границы',
  'report',
];

/** Bulk generation: one transaction, prepared statements; the passages search index is not filled (export does not read it). */
export function generateLibrary(path: string, passages: number): void {
  const lib = openLibrary(path);
  const db = lib.db;
  const now = new Date().toISOString();
  const perArticle = 100;
  const articles = Math.ceil(passages / perArticle);
  db.exec('DROP TRIGGER passages_fts_insert');
  // Random UUIDs land all over the uid indexes: a large page cache keeps the bulk insert off the disk.
  db.pragma('cache_size = -262144');
  const insertArticle = db.prepare(
    `INSERT INTO articles (uid, title, outlet, published, place, url, text, sha256, format, imported_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'txt', ?, ?)`,
  );
  const insertTag = db.prepare(
    `INSERT INTO tags (uid, parent_id, name, color, position, created_at, updated_at) VALUES (?, ?, ?, '#4e79a7', ?, ?, ?)`,
  );
  const insertPassage = db.prepare(
    `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagPassage = db.prepare('INSERT INTO passage_tags (passage_id, tag_id) VALUES (?, ?)');
  const insertClaim = db.prepare(`INSERT INTO claims (uid, statement, created_at, updated_at) VALUES (?, ?, ?, ?)`);
  const appear = db.prepare('INSERT INTO claim_appearances (claim_id, passage_id, created_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    const tags: number[] = [];
    for (let i = 0; i < 10; i++) {
      const parent = Number(insertTag.run(randomUUID(), null, `Theme ${i}`, i, now, now).lastInsertRowid);
      tags.push(parent);
      for (let j = 0; j < 5; j++) tags.push(Number(insertTag.run(randomUUID(), parent, `Sub ${i}.${j}`, j, now, now).lastInsertRowid));
    }
    const claims = Array.from({ length: 1000 }, (_, i) =>
      Number(insertClaim.run(randomUUID(), `Claim ${i}: over ${i}.5 million remain`, now, now).lastInsertRowid),
    );
    let n = 0;
    for (let a = 0; a < articles && n < passages; a++) {
      const words: string[] = [];
      for (let w = 0; w < 1200; w++) words.push(WORDS[(a * 7 + w * 13) % WORDS.length] as string);
      const text = words.join(' ').replace(/(.{0,300}) /g, '$1\n');
      const articleId = Number(
        insertArticle.run(
          randomUUID(),
          `Article ${a}, "report"`,
          `Outlet ${a % 20}`,
          '2020-11-09',
          'MOSCOW',
          `https://example.com/${a}`,
          text,
          `${a}`,
          now,
          now,
        ).lastInsertRowid,
      );
      for (let k = 0; k < perArticle && n < passages; k++, n++) {
        const start = k * 60;
        const end = start + 50;
        const passageId = Number(
          insertPassage.run(
            randomUUID(),
            articleId,
            start,
            end,
            text.slice(start, end),
            text.slice(Math.max(0, start - 32), start),
            text.slice(end, end + 32),
            k % 10 === 0 ? '=note, with "quotes"' : '',
            now,
            now,
          ).lastInsertRowid,
        );
        tagPassage.run(passageId, tags[n % tags.length]);
        if (k % 3 === 0) tagPassage.run(passageId, tags[(n + 7) % tags.length]);
        if (k % 50 === 0) appear.run(claims[n % claims.length], passageId, now);
      }
    }
  })();
  lib.close();
}

async function baseline(library: string, out: string): Promise<number> {
  const db = new Database(library, { readonly: true });
  const stringifier = stringify({ header: true, columns: [...PASSAGE_COLUMNS.wide] });
  const file = createWriteStream(out);
  stringifier.pipe(file);
  let rows = 0;
  for (const row of db.prepare(SAME_ROWS).iterate()) {
    rows++;
    if (!stringifier.write(row)) await once(stringifier, 'drain');
  }
  stringifier.end();
  await once(file, 'close');
  db.close();
  return rows;
}

async function ours(library: string, out: string): Promise<number> {
  const lib = openLibrary(library);
  const { rows } = await passagesCsvToFile(lib, out, {});
  lib.close();
  return rows;
}

interface Measure {
  ms: number;
  peakRssMb: number;
  rows: number;
  bytes: number;
}

function child(kind: 'baseline' | 'export', library: string, out: string): Measure {
  // A bounded heap: streaming must hold whatever the export's size (an export that kept its rows
  // would fail here), and V8 collects instead of growing lazily, so peak RSS shows what it needs.
  const run = spawnSync(process.execPath, ['--max-old-space-size=128', RUN_TS, HERE, '--child', kind, '--library', library, '--out', out], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${kind} run failed: ${run.stderr}`);
  return { ...(JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Omit<Measure, 'bytes'>), bytes: statSync(out).size };
}

export async function exportBench(options: { passages: number; runs: number }): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-export-bench-'));
  try {
    const library = join(dir, 'bench.marginalia');
    const started = performance.now();
    generateLibrary(library, options.passages);
    const generatedS = (performance.now() - started) / 1000;
    const best = (kind: 'baseline' | 'export'): Measure => {
      const runs = Array.from({ length: options.runs }, () => child(kind, library, join(dir, `${kind}.csv`)));
      return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    };
    const base = best('baseline');
    const mine = best('export');
    return {
      passages: options.passages,
      generate_s: Number(generatedS.toFixed(1)),
      baseline_ms: Math.round(base.ms),
      export_ms: Math.round(mine.ms),
      ratio_to_baseline: Number((mine.ms / base.ms).toFixed(2)),
      baseline_peak_rss_mb: base.peakRssMb,
      export_peak_rss_mb: mine.peakRssMb,
      export_rows: mine.rows,
      export_mb: Number((mine.bytes / 1e6).toFixed(1)),
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
      library: { type: 'string' },
      out: { type: 'string' },
      passages: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '2' },
    },
  });
  if (values.child) {
    const started = performance.now();
    const rows = await (values.child === 'baseline' ? baseline : ours)(values.library as string, values.out as string);
    const ms = performance.now() - started;
    console.log(JSON.stringify({ ms, rows, peakRssMb: peakRssMb() }));
  } else {
    console.log('export (target: ratio_to_baseline ≤ 2, export_peak_rss_mb < 300)');
    console.table(await exportBench({ passages: Number(values.passages), runs: Number(values.runs) }));
  }
}

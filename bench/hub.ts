// Team hub sync at scale, against a real PostgreSQL 15 started for the run (tests/postgres.ts).
// (a) Ten coders × 100,000 passages: ten libraries of the same 1,000 articles, each with its own
// coder's passages (one tag each), sync in turn; the baseline is COPY of the same rows into a plain
// table (the floor for getting them onto the hub). (b) A pull of 1,000 new passages into a library
// that holds 1,000,000 (the tenth library after its sync holds every coder's).
//   node bin/run-ts.mjs bench/run.ts --only hub [--hub-coders N] [--hub-passages N]
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openLibrary, type Library } from '../electron/core/library/open';
import { newUid } from '../electron/core/uid';
import { addHubCoder } from '../electron/core/teams/hub/coders';
import { connectHub } from '../electron/core/teams/hub/connect';
import { copyRows } from '../electron/core/teams/hub/copy';
import { initHub } from '../electron/core/teams/hub/init';
import { pullOps } from '../electron/core/teams/hub/pull';
import { syncLibrary } from '../electron/core/teams/hub/sync';
import { startPostgres } from '../tests/postgres';

const ARTICLES = 1000;

function seedLibrary(path: string): void {
  const lib = openLibrary(path);
  const now = new Date().toISOString();
  const insert = lib.db.prepare(
    `INSERT INTO articles (uid, title, outlet, published, text, sha256, format, imported_at, updated_at) VALUES (?, ?, 'Outlet', '2020-11-09', ?, ?, 'txt', ?, ?)`,
  );
  lib.db.transaction(() => {
    for (let a = 0; a < ARTICLES; a++) insert.run(newUid(), `Article ${a}`, `Text of article ${a}. `.repeat(300), `hash-${a}`, now, now);
    lib.db
      .prepare(`INSERT INTO tags (uid, name, color, created_at, updated_at) VALUES (?, 'Refugees', '#4e79a7', ?, ?)`)
      .run(newUid(), now, now);
  })();
  lib.close();
}

/** `count` passages of one coder, spread over the articles, each tagged: as the coder's own work would be. */
function addPassages(lib: Library, coder: string, count: number, from = 0): void {
  const db = lib.db;
  const now = new Date().toISOString();
  db.prepare(`INSERT OR IGNORE INTO coders (uid, name, colour, created_at) VALUES (?, ?, '#336699', ?)`).run(newUid(), coder, now);
  const coderId = db.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(coder);
  const tag = db.prepare('SELECT id FROM tags LIMIT 1').pluck().get();
  const passage = db.prepare(
    `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, coder_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?, ?)`,
  );
  const tagIt = db.prepare('INSERT INTO passage_tags (passage_id, tag_id, coder_id) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = from; i < from + count; i++) {
      const start = (i * 7) % 5000;
      const id = passage.run(
        newUid(),
        1 + (i % ARTICLES),
        start,
        start + 40,
        'Text of article, a passage of forty chars',
        `${coder} ${i}`,
        coderId,
        now,
        now,
      ).lastInsertRowid;
      tagIt.run(id, tag, coderId);
    }
  })();
}

export async function hubBench(options: { coders: number; passages: number }): Promise<Record<string, number>> {
  const server = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-hub-bench-'));
  try {
    const admin = server.createDatabase('bench_hub');
    await initHub(admin);
    const seed = join(dir, 'seed.marginalia');
    seedLibrary(seed);
    const names = Array.from({ length: options.coders }, (_, i) => `Coder ${i}`);
    const libraries: Library[] = [];
    for (const name of names) {
      await addHubCoder(admin, { name, colour: '#336699', password: 'bench-pass-1' });
      const path = join(dir, `${name}.marginalia`);
      copyFileSync(seed, path);
      const lib = openLibrary(path);
      addPassages(lib, name, options.passages);
      libraries.push(lib);
    }
    const url = (i: number) => `postgres://coder_coder_${i}:bench-pass-1@127.0.0.1:${server.port}/bench_hub`;

    // Baseline: the same number of rows, one coder's worth at a time, COPY'd into a plain table.
    const raw = new pg.Client({ connectionString: admin });
    await raw.connect();
    await raw.query('CREATE TABLE raw_ops (op_uid uuid, entity text, uid text, fields jsonb)');
    const baselineStart = performance.now();
    for (const lib of libraries) {
      const rows = lib.db.prepare(`SELECT uid, json_object('note', note, 'start', start) AS f FROM passages`).raw().all() as string[][];
      await copyRows(
        raw,
        'raw_ops',
        ['op_uid', 'entity', 'uid', 'fields'],
        rows.flatMap(([uid, f]) => [
          [crypto.randomUUID(), 'passage', uid, f],
          [crypto.randomUUID(), 'passage_tag', `${uid}/t`, '{}'],
        ]),
      );
    }
    const baseline = performance.now() - baselineStart;
    await raw.end();

    let sendMs = 0;
    let pullMs = 0;
    for (const [i, lib] of libraries.entries()) {
      const started = performance.now();
      let sent = started;
      await syncLibrary(lib, url(i), { onStep: (step) => void (step !== 'pulled' && (sent = performance.now())) });
      sendMs += sent - started;
      pullMs += performance.now() - sent;
    }
    const total = sendMs + pullMs;
    const full = libraries.at(-1)!;
    const passagesThere = full.db.prepare('SELECT count(*) FROM passages').pluck().get() as number;

    // 1,000 new passages from the first coder, pulled into the library of every coder's passages:
    // the pull alone (what the target names), then a whole sync of the same size for comparison.
    const pullInto = async (from: number) => {
      addPassages(libraries[0]!, names[0]!, 1000, from);
      await syncLibrary(libraries[0]!, url(0));
      const client = await connectHub(url(options.coders - 1));
      const hubId = full.db.prepare('SELECT id FROM hub_syncs').pluck().get() as number;
      const started = performance.now();
      const pulled = await pullOps(full.db, full.clock, client, hubId, 20_000, () => undefined);
      const ms = performance.now() - started;
      await client.end();
      if (pulled.applied !== 2000)
        throw new Error(`expected 2,000 operations pulled (1,000 passages and their tags), got ${pulled.applied}`);
      return ms;
    };
    const pullMs1000 = await pullInto(options.passages);
    addPassages(libraries[0]!, names[0]!, 1000, options.passages + 1000);
    await syncLibrary(libraries[0]!, url(0));
    const syncStart = performance.now();
    const report = await syncLibrary(full, url(options.coders - 1));
    const wholeSync = performance.now() - syncStart;
    if (report.pulled !== 2000) throw new Error(`expected 2,000 operations in the whole sync, got ${report.pulled}`);
    for (const lib of libraries) lib.close();
    return {
      coders: options.coders,
      passages_per_coder: options.passages,
      baseline_copy_ms: Math.round(baseline),
      sync_all_send_ms: Math.round(sendMs),
      sync_all_pull_ms: Math.round(pullMs),
      sync_all_ms: Math.round(total),
      ratio_to_baseline: Number((sendMs / baseline).toFixed(2)),
      library_passages: passagesThere,
      pull_1000_ms: Math.round(pullMs1000),
      pull_1000_whole_sync_ms: Math.round(wholeSync),
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { addHubCoder } from '../../electron/core/teams/hub/coders';
import { initHub } from '../../electron/core/teams/hub/init';
import { syncLibrary } from '../../electron/core/teams/hub/sync';
import { startPostgres, type TestPostgres } from '../postgres';
import { call, importTass, openSession } from './passages-fixture';

let server: TestPostgres;
let hub: string;
const url = (name: string): string => `postgres://coder_${name}:${name}-pass-123@127.0.0.1:${server.port}/hub_kill`;
const ROOT = join(import.meta.dirname, '..', '..');

beforeAll(async () => {
  server = await startPostgres();
  hub = server.createDatabase('hub_kill');
  await initHub(hub);
  for (const name of ['alice', 'bob']) await addHubCoder(hub, { name, colour: '#336699', password: `${name}-pass-123` });
}, 60_000);
afterAll(() => server?.stop());

/** Runs a sync in a child process, waits until it reports `step`, and kills it there with SIGKILL. */
function syncKilledAt(library: string, who: string, step: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'run-ts.mjs'), join(ROOT, 'tests', 'hub-sync-child.ts'), library, url(who), '40', step],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const seen: string[] = [];
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      seen.push(...lines);
      if (lines.some((l) => l.startsWith(`${step} `))) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`sync ended without the kill: ${seen.join(', ')}`)),
    );
  });
}

async function hubCount(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: hub });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

const passages = (s: Session) => s.lib.db.prepare('SELECT uid, note FROM passages ORDER BY uid').all();

describe('a sync killed at any point', () => {
  it('loses nothing and doubles nothing when killed mid-push and mid-pull', async () => {
    const alice = openSession();
    const article = await importTass(alice.ctx);
    const tag = (await call(alice.ctx, 'tags.create', { path: 'Figures' })).id;
    // 100 passages (with their tags: 200 operations), five batches of 40 and a short one.
    for (let i = 0; i < 100; i++)
      await call(alice.ctx, 'passages.create', { articleId: article.id, start: i * 10, end: i * 10 + 8, tagIds: [tag], note: `p${i}` });
    const aliceFile = alice.session.lib.path;
    alice.session.close();

    // Killed after the hub committed a batch that the library had not yet recorded as sent.
    const seen = await syncKilledAt(aliceFile, 'alice', 'pushed');
    expect(seen).toEqual(['uploaded 1', 'pushed 40']);
    expect(await hubCount(`SELECT count(*) AS n FROM ops`)).toBe(40);
    const aliceAgain = new Session(aliceFile);
    const report = await syncLibrary(aliceAgain.lib, url('alice'));
    expect(report).toMatchObject({ uploaded: 0, sent: 201, conflicts: [] });
    expect(await hubCount(`SELECT count(*) AS n FROM ops`)).toBe(201);
    expect(await hubCount(`SELECT count(DISTINCT (entity, uid)) AS n FROM ops`)).toBe(201);
    expect(aliceAgain.lib.db.prepare('SELECT count(*) FROM hub_pending').pluck().get()).toBe(0);

    // Bob pulls them, killed after his first batch was applied; the next sync brings the rest.
    const bob = openSession();
    await importTass(bob.ctx);
    const bobFile = bob.session.lib.path;
    bob.session.close();
    expect(await syncKilledAt(bobFile, 'bob', 'pulled')).toEqual(['uploaded 0', 'pulled 40']);
    const bobAgain = new Session(bobFile);
    // The first batch: the tag and 39 passages, committed whole.
    expect(bobAgain.lib.db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(39);
    const bobs = await syncLibrary(bobAgain.lib, url('bob'));
    expect(bobs).toMatchObject({ sent: 0, conflicts: [], skipped: 0 });
    expect(passages(bobAgain)).toEqual(passages(aliceAgain));
    expect(passages(bobAgain)).toHaveLength(100);
    expect(bobAgain.lib.db.prepare('SELECT count(*) FROM passage_tags').pluck().get()).toBe(100);
    // Applying the log again changes nothing.
    bobAgain.lib.db.prepare('UPDATE hub_syncs SET pulled = 0').run();
    expect(await syncLibrary(bobAgain.lib, url('bob'))).toMatchObject({ sent: 0, pulled: 0, conflicts: [] });
    expect(passages(bobAgain)).toEqual(passages(aliceAgain));
    aliceAgain.close();
    bobAgain.close();
  });
});

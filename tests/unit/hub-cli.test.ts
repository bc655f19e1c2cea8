import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileIn } from '../../electron/core/teams/profile';
import { TASS } from '../fixtures/tass';
import { tempDir } from './helpers';
import { runCli, runCliWithInput } from '../run-cli';
import { PG_SUPERUSER_PASSWORD, startPostgres, type TestPostgres } from '../postgres';

let server: TestPostgres;
let hubUrl: string;

beforeAll(async () => {
  server = await startPostgres();
  hubUrl = server.createDatabase('hub_cli');
}, 60_000);
afterAll(() => server?.stop());

describe('marginalia hub', () => {
  it('inits a hub (twice is fine) and adds a coder, never printing a password', async () => {
    const shown = `postgres://hub_admin:***@127.0.0.1:${server.port}/hub_cli`;
    const first = await runCli(['hub', 'init', hubUrl]);
    expect(first).toEqual({ code: 0, stdout: `The hub ${shown} is ready (schema version 0 → 2).\n`, stderr: '' });
    const again = await runCli(['hub', 'init', hubUrl]);
    expect(again).toEqual({ code: 0, stdout: `The hub ${shown} is up to date (schema version 2).\n`, stderr: '' });

    const added = await runCliWithInput(['hub', 'add-coder', hubUrl, 'Dana', 'Petrova', '--colour', '#884422'], 'dana-secret-77\n');
    expect(added).toEqual({ code: 0, stdout: `Dana Petrova codes on ${shown} as the role coder_dana_petrova.\n`, stderr: '' });
    const twice = await runCliWithInput(['hub', 'add-coder', hubUrl, 'dana petrova'], 'other-secret-88\n');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('marginalia hub: The hub already has the coder Dana Petrova.');

    const wrong = hubUrl.replace(PG_SUPERUSER_PASSWORD, 'wrong-secret-99');
    const refused = await runCli(['hub', 'init', wrong]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Could not connect to the hub ${shown}: password authentication failed for user "hub_admin"`);
    for (const run of [first, again, added, twice, refused]) {
      for (const secret of [PG_SUPERUSER_PASSWORD, 'dana-secret-77', 'other-secret-88', 'wrong-secret-99']) {
        expect(run.stdout + run.stderr).not.toContain(secret);
      }
    }
  });

  it('syncs a library, the password taken from $PGPASSWORD or the URL and never printed or stored', async () => {
    await runCli(['hub', 'init', hubUrl]);
    await runCliWithInput(['hub', 'add-coder', hubUrl, 'Emil'], 'emil-secret-42\n');
    const dir = tempDir();
    const library = join(dir, 'emil.marginalia');
    // This computer's coder profile is someone else: an import is theirs, a sync is the hub role's.
    const profile = { MARGINALIA_USER_DATA: join(dir, 'profile') };
    profileIn(profile.MARGINALIA_USER_DATA).write({ name: 'Grace', colour: '#336699' });
    expect((await runCli(['import', '--library', library, TASS.path], profile)).code).toBe(0);
    const bare = `postgres://coder_emil@127.0.0.1:${server.port}/hub_cli`;
    const first = await runCli(['sync', '--library', library, '--hub', bare, '--coder', 'Emil'], {
      PGPASSWORD: 'emil-secret-42',
      ...profile,
    });
    expect(first).toEqual({
      code: 0,
      stdout: `Synced emil with ${bare} as Emil: 1 article uploaded, 0 changes sent, 0 changes received.\n`,
      stderr: '',
    });
    const withPassword = `postgres://coder_emil:emil-secret-42@127.0.0.1:${server.port}/hub_cli`;
    const again = await runCli(['sync', '--library', library, '--hub', withPassword, '--json'], profile);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      hub: `postgres://coder_emil:***@127.0.0.1:${server.port}/hub_cli`,
      coder: 'Emil',
      uploaded: 0,
      sent: 0,
      notSent: 0,
      pulled: 0,
      skipped: 0,
      conflicts: [],
    });
    const wrongCoder = await runCli(['sync', '--library', library, '--hub', withPassword, '--coder', 'Dana Petrova']);
    expect(wrongCoder.code).toBe(2);
    expect(wrongCoder.stderr).toContain('coder_emil codes as Emil on this hub, not as Dana Petrova.');
    // The library knows the hub's coders by their hub uids, and its own profile coder; nobody else.
    const hub = new pg.Client({ connectionString: hubUrl });
    await hub.connect();
    const hubCoders = (await hub.query<{ uid: string; name: string }>('SELECT uid::text, name FROM coders ORDER BY name')).rows;
    await hub.end();
    const db = new Database(library, { readonly: true });
    const local = db.prepare('SELECT uid, name FROM coders ORDER BY name').all() as Array<{ uid: string; name: string }>;
    db.close();
    expect(hubCoders.map((c) => c.name)).toContain('Emil');
    expect(local.filter((c) => c.name !== 'Grace')).toEqual(hubCoders);
    expect(local.map((c) => c.name)).toContain('Grace');
    for (const run of [first, again, wrongCoder]) expect(run.stdout + run.stderr).not.toContain('emil-secret-42');
    // Nothing of the password in the library's files (the database, its log, its backups).
    const folder = dirname(library);
    const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(f.parentPath, f.name)).includes('emil-secret-42')).toBe(false);
  });
});

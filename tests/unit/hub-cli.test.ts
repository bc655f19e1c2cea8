import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(first).toEqual({ code: 0, stdout: `The hub ${shown} is ready (schema version 0 → 1).\n`, stderr: '' });
    const again = await runCli(['hub', 'init', hubUrl]);
    expect(again).toEqual({ code: 0, stdout: `The hub ${shown} is up to date (schema version 1).\n`, stderr: '' });

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
});

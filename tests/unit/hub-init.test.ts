import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHubCoder } from '../../electron/core/teams/hub/coders';
import { initHub } from '../../electron/core/teams/hub/init';
import { startPostgres, type TestPostgres } from '../postgres';

let server: TestPostgres;
let hubUrl: string;
const PASSWORDS = { a: 'alice-pass-1', b: 'bob-pass-22' };

beforeAll(async () => {
  server = await startPostgres();
  hubUrl = server.createDatabase('hub_init');
}, 60_000);
afterAll(() => server?.stop());

function coderUrl(role: string, password: string): string {
  return `postgres://${role}:${password}@127.0.0.1:${server.port}/hub_init`;
}

async function asCoder<T>(role: string, password: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: coderUrl(role, password) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('hub init', () => {
  it('creates the schema once and changes nothing the second time', async () => {
    expect(await initHub(hubUrl)).toEqual({ hub: hubUrl.replace(/:[^:@]*@/, ':***@'), from: 0, to: 2 });
    expect(await initHub(hubUrl)).toMatchObject({ from: 2, to: 2 });
    const admin = new pg.Client({ connectionString: hubUrl });
    await admin.connect();
    const tables = await admin.query(`SELECT tablename, rowsecurity FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    await admin.end();
    expect(tables.rows).toEqual([
      { tablename: 'articles', rowsecurity: true },
      { tablename: 'coders', rowsecurity: true },
      { tablename: 'hub_schema', rowsecurity: false },
      { tablename: 'ops', rowsecurity: true },
    ]);
  });

  it("refuses, in the database, a coder's operation on another coder's passage", async () => {
    const alice = await addHubCoder(hubUrl, { name: 'Alice', colour: '#aa3355', password: PASSWORDS.a });
    const bob = await addHubCoder(hubUrl, { name: 'Bob', colour: '#3355aa', password: PASSWORDS.b });
    expect([alice.role, bob.role]).toEqual(['coder_alice', 'coder_bob']);
    const passage = randomUUID();
    const insert = 'INSERT INTO ops (op_uid, coder_uid, entity, uid, fields) VALUES ($1, $2, $3, $4, $5)';
    await asCoder(alice.role, PASSWORDS.a, (c) => c.query(insert, [randomUUID(), alice.uid, 'passage', passage, { note: 'mine' }]));

    const refused = (fn: (c: pg.Client) => Promise<unknown>) =>
      asCoder(bob.role, PASSWORDS.b, fn).then(
        () => null,
        (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
      );
    // Editing Alice's passage, tagging it, or signing as Alice: row-level security says no.
    expect(await refused((c) => c.query(insert, [randomUUID(), bob.uid, 'passage', passage, { note: 'overwritten' }]))).toEqual({
      code: '42501',
      message: 'new row violates row-level security policy for table "ops"',
    });
    expect(await refused((c) => c.query(insert, [randomUUID(), bob.uid, 'passage_tag', `${passage}/${randomUUID()}`, {}]))).toMatchObject({
      code: '42501',
    });
    expect(await refused((c) => c.query(insert, [randomUUID(), alice.uid, 'passage', passage, { note: 'as alice' }]))).toMatchObject({
      code: '42501',
    });
    // The log only grows: no coder may rewrite or delete an operation.
    expect(await refused((c) => c.query(`UPDATE ops SET fields = '{"note":"x"}'`))).toMatchObject({ code: '42501' });
    expect(await refused((c) => c.query('DELETE FROM ops'))).toMatchObject({ code: '42501' });
    // Bob's own passage and Alice's shared claim edits are his to send.
    await asCoder(bob.role, PASSWORDS.b, async (c) => {
      await c.query(insert, [randomUUID(), bob.uid, 'passage', randomUUID(), { note: 'his' }]);
      await c.query(insert, [randomUUID(), bob.uid, 'claim', randomUUID(), { statement: 'shared' }]);
    });
    const notes = await asCoder(alice.role, PASSWORDS.a, (c) =>
      c.query(`SELECT role, fields->>'note' AS note FROM ops WHERE entity = 'passage' ORDER BY seq`),
    );
    expect(notes.rows).toEqual([
      { role: 'coder_alice', note: 'mine' },
      { role: 'coder_bob', note: 'his' },
    ]);
  });

  it("keeps the password out of a failed connection's message", async () => {
    const wrong = coderUrl('coder_alice', 'not-the-password-9');
    const error = await initHub(wrong).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('password authentication failed for user "coder_alice"');
    expect((error as Error).message).not.toContain('not-the-password-9');
  });
});

import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../electron/core/handlers';
import { addHubCoder } from '../../electron/core/teams/hub/coders';
import { initHub } from '../../electron/core/teams/hub/init';
import { syncLibrary } from '../../electron/core/teams/hub/sync';
import { TASS } from '../fixtures/tass';
import { startPostgres, type TestPostgres } from '../postgres';
import { call, importTass, openSession } from './passages-fixture';

let server: TestPostgres;
let hub: string;
const coders = ['Alice', 'Bob', 'Carol'] as const;
type Coder = (typeof coders)[number];
const url = (name: Coder): string => `postgres://coder_${name.toLowerCase()}:${name}-pass-123@127.0.0.1:${server.port}/hub_sync`;

beforeAll(async () => {
  server = await startPostgres();
  hub = server.createDatabase('hub_sync');
  await initHub(hub);
  for (const name of coders) await addHubCoder(hub, { name, colour: '#336699', password: `${name}-pass-123` });
}, 60_000);
afterAll(() => server?.stop());

interface Analyst {
  name: Coder;
  ctx: Context;
  db: Database;
  article: { id: number; text: string };
}

async function analyst(name: Coder): Promise<Analyst> {
  const { ctx, db } = openSession();
  return { name, ctx, db, article: await importTass(ctx) };
}

async function mark(a: Analyst, phrase: string, tagIds: number[], note = ''): Promise<number> {
  const start = a.article.text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return (await call(a.ctx, 'passages.create', { articleId: a.article.id, start, end: start + phrase.length, tagIds, note })).id;
}

const sync = (a: Analyst) => syncLibrary(a.ctx.session.lib, url(a.name), { coder: a.name });

/** The shared state in stable ids only: what every library must agree on after syncing. */
function state(db: Database) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    tags: all(
      `SELECT t.uid, t.name, p.uid AS parent, t.color, t.description FROM tags t LEFT JOIN tags p ON p.id = t.parent_id ORDER BY t.uid`,
    ),
    passages: all(
      `SELECT p.uid, a.uid AS article, p.start, p."end", p.exact, p.note, c.name AS coder FROM passages p
       JOIN articles a ON a.id = p.article_id LEFT JOIN coders c ON c.id = p.coder_id ORDER BY p.uid`,
    ),
    passageTags: all(
      `SELECT p.uid AS passage, t.uid AS tag FROM passage_tags x JOIN passages p ON p.id = x.passage_id JOIN tags t ON t.id = x.tag_id ORDER BY 1, 2`,
    ),
    claims: all(`SELECT k.uid, k.statement, k.kind, k.speaker, k.value, k.unit, k.note FROM claims k ORDER BY k.uid`),
    appearances: all(
      `SELECT k.uid AS claim, p.uid AS passage, ca.stance FROM claim_appearances ca JOIN claims k ON k.id = ca.claim_id
       JOIN passages p ON p.id = ca.passage_id ORDER BY 1, 2`,
    ),
    articles: all(`SELECT uid, sha256, title FROM articles ORDER BY uid`),
  };
}

describe('sync through one hub', () => {
  it('three libraries coding the same article converge, with conflicts resolved by the later sequence and reported', async () => {
    const [alice, bob, carol] = (await Promise.all(coders.map(analyst))) as [Analyst, Analyst, Analyst];
    // Each made the same codebook on their own; the hub must end with one tag per path.
    const refugees = {} as Record<Coder, number>;
    for (const a of [alice, bob, carol]) refugees[a.name] = (await call(a.ctx, 'tags.create', { path: 'Syria / Refugees' })).id;
    const aliceRefugees = await mark(alice, TASS.phrases.refugees, [refugees.Alice], 'the headline figure');
    await mark(bob, TASS.phrases.refugeesCount, [refugees.Bob]);
    await mark(bob, TASS.phrases.returned, [refugees.Bob]);
    await mark(carol, TASS.phrases.violence, [refugees.Carol]);
    const claim = await call(alice.ctx, 'claims.create', {
      passageId: aliceRefugees,
      statement: 'Over 6.5 million Syrian refugees remain abroad',
    });

    const first = await sync(alice);
    expect(first).toMatchObject({ coder: 'Alice', uploaded: 1, notSent: 0, conflicts: [] });
    for (const a of [bob, carol, alice, bob, carol]) expect((await sync(a)).conflicts).toEqual([]);

    const reference = state(alice.db);
    expect(reference.passages.map((p) => (p as { coder: string }).coder).sort()).toEqual(['Alice', 'Bob', 'Bob', 'Carol']);
    expect(reference.tags.map((t) => (t as { name: string }).name).sort()).toEqual(['Refugees', 'Syria']);
    expect(reference.articles).toHaveLength(1);
    expect(reference.claims).toHaveLength(1);
    expect(reference.passageTags).toHaveLength(4);
    expect(state(bob.db)).toEqual(reference);
    expect(state(carol.db)).toEqual(reference);

    // Alice and Bob edit the same claim and tag without seeing each other's change: per field, the
    // later hub sequence (Bob, who syncs second) wins, and both reports keep the value that lost.
    const claimAt = (a: Analyst) => a.db.prepare('SELECT id FROM claims WHERE uid = ?').pluck().get(claim.uid) as number;
    const tagAt = (a: Analyst) => a.db.prepare(`SELECT id FROM tags WHERE name = 'Refugees'`).pluck().get() as number;
    await call(alice.ctx, 'claims.update', { id: claimAt(alice), statement: 'More than 6.5 million refugees are outside Syria' });
    await call(bob.ctx, 'claims.update', {
      id: claimAt(bob),
      statement: 'Over 6.5 million refugees remain outside Syria',
      note: 'Putin, 9 Nov',
    });
    await call(alice.ctx, 'tags.update', { id: tagAt(alice), color: '#aa0000' });
    await call(bob.ctx, 'tags.update', { id: tagAt(bob), color: '#0000aa' });
    // Carol changes only her own passage's note: never a conflict.
    const carolPassage = carol.db
      .prepare(`SELECT p.id FROM passages p JOIN coders c ON c.id = p.coder_id WHERE c.name = 'Carol'`)
      .pluck()
      .get() as number;
    await call(carol.ctx, 'passages.update', { id: carolPassage, note: 'violence figure, no source' });

    expect((await sync(alice)).conflicts).toEqual([]);
    // Every library that sees both edits reports the same two conflicts: Bob's later values kept, Alice's lost.
    const expected = [
      expect.objectContaining({
        entity: 'claim',
        uid: claim.uid,
        field: 'statement',
        kept: 'Over 6.5 million refugees remain outside Syria',
        keptBy: 'Bob',
        lost: 'More than 6.5 million refugees are outside Syria',
        lostBy: 'Alice',
      }),
      expect.objectContaining({ entity: 'tag', field: 'color', kept: '#0000aa', keptBy: 'Bob', lost: '#aa0000', lostBy: 'Alice' }),
    ];
    for (const a of [bob, alice, carol]) {
      const report = await sync(a);
      expect(report.conflicts).toEqual(expect.arrayContaining(expected));
      expect(report.conflicts).toHaveLength(2);
    }
    // Carol synced last: the others pull her note.
    for (const a of [alice, bob]) expect((await sync(a)).conflicts).toEqual([]);

    const final = state(alice.db);
    expect(final.claims).toEqual([
      expect.objectContaining({ statement: 'Over 6.5 million refugees remain outside Syria', note: 'Putin, 9 Nov' }),
    ]);
    expect(final.tags).toContainEqual(expect.objectContaining({ name: 'Refugees', color: '#0000aa' }));
    expect(final.passages).toContainEqual(expect.objectContaining({ coder: 'Carol', note: 'violence figure, no source' }));
    expect(state(bob.db)).toEqual(final);
    expect(state(carol.db)).toEqual(final);
    // The losing values stay in each library's history.
    const history = (a: Analyst) => a.db.prepare('SELECT entity, field, kept, lost FROM hub_conflicts ORDER BY entity').all();
    expect(history(alice)).toEqual(history(bob));
    expect(history(carol)).toEqual(history(bob));
    expect(history(alice)).toHaveLength(2);

    // A sync with nothing new changes nothing and sends nothing.
    const quiet = await sync(carol);
    expect(quiet).toMatchObject({ uploaded: 0, sent: 0, pulled: 0, conflicts: [] });
    for (const a of [alice, bob, carol]) a.ctx.session.close();
  });
});

import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../electron/core/handlers';
import { call, insertArticle, openSession } from './passages-fixture';

/** Three outlets restating figures about refugees and returns, on three dates. */
async function seed(ctx: Context, db: Database) {
  const texts = {
    tass: 'Putin spoke in Moscow. "Over 6.5 million refugees remain outside Syria," Putin said. Over 850,000 citizens returned.',
    bbc: 'The UN disagreed. About 5.6 million refugees remain outside Syria, the agency said. Nothing else.',
    ria: 'Officials repeated it. Over 6.5 million refugees remain outside Syria, they said.',
  };
  const tass = insertArticle(db, { title: 'TASS', text: texts.tass, outlet: 'TASS', published: '2020-11-09' });
  const bbc = insertArticle(db, { title: 'BBC', text: texts.bbc, outlet: 'BBC', published: '2020-11-12' });
  const ria = insertArticle(db, { title: 'RIA', text: texts.ria, outlet: 'RIA', published: '2020-11-10' });
  const at = (articleId: number, text: string, phrase: string) => ({
    articleId,
    start: text.indexOf(phrase),
    end: text.indexOf(phrase) + phrase.length,
  });
  const phrase = 'Over 6.5 million refugees remain outside Syria';
  const refugees = await call(ctx, 'claims.create', { ...at(tass, texts.tass, phrase), speaker: 'Vladimir Putin' });
  await call(ctx, 'claims.addAppearance', { claimId: refugees.id, ...at(ria, texts.ria, phrase) });
  const un = await call(ctx, 'claims.create', {
    ...at(bbc, texts.bbc, 'About 5.6 million refugees remain outside Syria'),
    speaker: 'UNHCR',
  });
  const returned = await call(ctx, 'claims.create', {
    ...at(tass, texts.tass, 'Over 850,000 citizens returned'),
    speaker: 'Vladimir Putin',
  });
  return { tass, bbc, ria, refugees, un, returned, texts };
}

describe('the Claims view', () => {
  it('pages claims with their counts, filtered and sorted by every column', async () => {
    const { ctx, db } = openSession();
    const { refugees, un, returned } = await seed(ctx, db);
    await call(ctx, 'claims.link', { fromId: un.id, toId: refugees.id, relation: 'varies', note: 'UN figure' });
    const page = await call(ctx, 'claims.list', { sort: { column: 'appearances', direction: 'desc' } });
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      id: refugees.id,
      appearances: 2,
      outlets: 2,
      firstSeen: '2020-11-09',
      lastSeen: '2020-11-10',
      links: 1,
    });
    const order = async (column: NonNullable<Parameters<typeof call<'claims.list'>>[2]['sort']>['column'], direction: 'asc' | 'desc') =>
      (await call(ctx, 'claims.list', { sort: { column, direction } })).items.map((c) => c.id);
    // Ties go by id, in the same direction.
    expect(await order('firstSeen', 'desc')).toEqual([un.id, returned.id, refugees.id]);
    expect(await order('links', 'desc')).toEqual([un.id, refugees.id, returned.id]);
    expect(await order('speaker', 'asc')).toEqual([un.id, refugees.id, returned.id]);
    expect(await order('statement', 'asc')).toEqual([un.id, refugees.id, returned.id]);
    expect(await order('outlets', 'asc')).toEqual([un.id, returned.id, refugees.id]);
    // A window far down the list reads only its rows; the total stays.
    const window = await call(ctx, 'claims.list', { sort: { column: 'statement', direction: 'asc' }, offset: 1, limit: 1 });
    expect(window).toMatchObject({ total: 3, items: [{ id: refugees.id }] });

    const ids = async (args: Parameters<typeof call<'claims.list'>>[2]) =>
      (await call(ctx, 'claims.list', args)).items.map((c) => c.id).sort();
    expect(await ids({ outlet: 'RIA' })).toEqual([refugees.id]);
    expect(await ids({ speaker: 'Vladimir Putin' })).toEqual([refugees.id, returned.id].sort());
    expect(await ids({ from: '2020-11-11' })).toEqual([un.id]);
    expect(await ids({ from: '2020-11-10', to: '2020-11-10' })).toEqual([refugees.id]);
    expect(await ids({ text: 'citizens' })).toEqual([returned.id]);
    expect(await ids({ kind: 'statistic', outlet: 'BBC' })).toEqual([un.id]);
    expect(await ids({ text: '...' })).toEqual([]);

    const facets = await call(ctx, 'claims.facets', {});
    expect(facets.speakers).toEqual([
      { name: 'UNHCR', claims: 1 },
      { name: 'Vladimir Putin', claims: 2 },
    ]);
    expect(facets.outlets).toEqual([
      { name: 'BBC', claims: 1 },
      { name: 'RIA', claims: 1 },
      { name: 'TASS', claims: 2 },
    ]);
  });

  it('filters by the tag of a claim’s passages, with the tag’s children', async () => {
    const { ctx, db } = openSession();
    const { refugees, un } = await seed(ctx, db);
    const child = await call(ctx, 'tags.create', { path: 'Displacement / Refugees' });
    const parent = (await call(ctx, 'tags.list', {})).find((t) => t.path === 'Displacement')!;
    const passageId = un.appearances[0]!.passageId;
    await call(ctx, 'passages.tag', { passageIds: [passageId], tagId: child.id });
    expect((await call(ctx, 'claims.list', { tagId: parent.id })).items.map((c) => c.id)).toEqual([un.id]);
    expect((await call(ctx, 'claims.list', { tagId: child.id })).items.map((c) => c.id)).not.toContain(refugees.id);
  });

  it('gives each appearance its sentence around the quote and the figure it states', async () => {
    const { ctx, db } = openSession();
    const { refugees, texts } = await seed(ctx, db);
    const contexts = await call(ctx, 'claims.contexts', { id: refugees.id });
    expect(contexts).toHaveLength(2);
    const tassContext = contexts.find((c) => c.appearanceId === refugees.appearances[0]!.id)!;
    expect(tassContext.before).toBe('"');
    expect(tassContext.after).toBe('," Putin said.');
    expect(texts.tass).toContain(`${tassContext.before}Over 6.5 million refugees remain outside Syria${tassContext.after}`);
    expect(tassContext.figure).toMatchObject({ text: '6.5 million', value: 6_500_000, qualifier: 'more than' });
  });

  it('draws a claim’s neighbourhood and the library’s linked claims, filtered by relation and outlet', async () => {
    const { ctx, db } = openSession();
    const { refugees, un, returned } = await seed(ctx, db);
    const varies = await call(ctx, 'claims.link', { fromId: un.id, toId: refugees.id, relation: 'varies' });
    await call(ctx, 'claims.link', { fromId: refugees.id, toId: returned.id, relation: 'supports' });
    const around = await call(ctx, 'claims.graph', { claimId: un.id, depth: 1 });
    expect(around.nodes.map((n) => n.id).sort()).toEqual([refugees.id, un.id].sort());
    expect(around.edges).toEqual([{ id: varies.id, from: un.id, to: refugees.id, relation: 'varies', note: '' }]);
    expect((await call(ctx, 'claims.graph', { claimId: un.id, depth: 2 })).nodes).toHaveLength(3);
    const library = await call(ctx, 'claims.graph', {});
    expect(library).toMatchObject({ total: 3 });
    expect(library.nodes[0]).toMatchObject({ id: refugees.id, appearances: 2, firstSeen: '2020-11-09' });
    const supports = await call(ctx, 'claims.graph', { relations: ['supports'] });
    expect(supports.nodes.map((n) => n.id).sort()).toEqual([refugees.id, returned.id].sort());
    const bbcOnly = await call(ctx, 'claims.graph', { outlet: 'BBC' });
    expect(bbcOnly.nodes.map((n) => n.id)).toEqual([un.id]);
    expect(bbcOnly.edges).toEqual([]);
  });
});

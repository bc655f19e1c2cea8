import { call, insertArticle, openSession } from './passages-fixture';

/**
 * A small library counted by hand:
 *   A1 TASS 2020-11-09 (100 chars): p1 [0,20) Syria · p2 [10,30) Refugees · p3 [50,60) Economy+Refugees · p8 [25,28) Economy
 *   A2 TASS 2020-11-10 (50 chars):  p9 [0,10) untagged
 *   A3 BBC  2020-11-09 (200 chars): p4 [0,100) Economy · p5 [150,160) Syria
 *   A4 BBC  2020-12-01 (100 chars): p6 [0,10) Refugees
 *   A5 no outlet, --11-09 (40 chars): p7 [0,10) Economy
 * Claims: c1 on p1, p4, p6; c2 on p7 (undated); c3 on p9.
 */
export async function handCounted() {
  const { ctx } = openSession();
  const text = (n: number) => 'word '.repeat(n / 5);
  const a1 = insertArticle(ctx.session.lib.db, { title: 'A1', text: text(100), outlet: 'TASS', published: '2020-11-09' });
  const a2 = insertArticle(ctx.session.lib.db, { title: 'A2', text: text(50), outlet: 'TASS', published: '2020-11-10' });
  const a3 = insertArticle(ctx.session.lib.db, { title: 'A3', text: text(200), outlet: 'BBC', published: '2020-11-09' });
  const a4 = insertArticle(ctx.session.lib.db, { title: 'A4', text: text(100), outlet: 'BBC', published: '2020-12-01' });
  const a5 = insertArticle(ctx.session.lib.db, { title: 'A5', text: text(40), published: '--11-09' });
  const syria = (await call(ctx, 'tags.create', { path: 'Syria' })).id;
  const refugees = (await call(ctx, 'tags.create', { path: 'Syria/Refugees' })).id;
  const economy = (await call(ctx, 'tags.create', { path: 'Economy' })).id;
  const mark = async (articleId: number, start: number, end: number, tagIds: number[]) =>
    (await call(ctx, 'passages.create', { articleId, start, end, tagIds })).id;
  const p1 = await mark(a1, 0, 20, [syria]);
  await mark(a1, 10, 30, [refugees]);
  await mark(a1, 50, 60, [economy, refugees]);
  await mark(a1, 25, 28, [economy]);
  const p9 = await mark(a2, 0, 10, []);
  const p4 = await mark(a3, 0, 100, [economy]);
  await mark(a3, 150, 160, [syria]);
  const p6 = await mark(a4, 0, 10, [refugees]);
  const p7 = await mark(a5, 0, 10, [economy]);
  const c1 = (await call(ctx, 'claims.create', { passageId: p1, statement: 'Claim one' })).id;
  await call(ctx, 'claims.addAppearance', { claimId: c1, passageId: p4 });
  await call(ctx, 'claims.addAppearance', { claimId: c1, passageId: p6 });
  const c2 = (await call(ctx, 'claims.create', { passageId: p7, statement: 'Claim two' })).id;
  const c3 = (await call(ctx, 'claims.create', { passageId: p9, statement: 'Claim three' })).id;
  return { ctx, articles: { a1, a2, a3, a4, a5 }, tags: { syria, refugees, economy }, claims: { c1, c2, c3 } };
}

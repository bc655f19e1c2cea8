import { call, insertArticle, openSession } from './passages-fixture';

export const HOSTILE_TITLE = '<script>alert("x")</script> Refugees & "returns"';

/**
 * A library built by hand for reports:
 *   A1 TASS 2020-11-09 "<script>…" : p1 "over 6.5 million refugees" Syria/Refugees, note · p2 "the economy grew" Economy
 *   A2 BBC  2020-11-12 "BBC on returns": p3 "6.5 million people" Syria/Refugees + Economy · memo
 *   A3 BBC  2020-10-01 "Earlier BBC piece": p4 "an untagged aside" (no tag)
 * Claims: c1 "Over 6.5 million refugees remain outside Syria" on p1 (asserts) and p3 (questions).
 */
export async function reportLibrary() {
  const { ctx } = openSession();
  const db = ctx.session.lib.db;
  const a1 = insertArticle(db, {
    title: HOSTILE_TITLE,
    text: 'Putin said over 6.5 million refugees remain outside Syria. Meanwhile the economy grew by two per cent.',
    outlet: 'TASS',
    published: '2020-11-09',
  });
  const a2 = insertArticle(db, {
    title: 'BBC on returns',
    text: 'Aid groups doubt that 6.5 million people will return soon.',
    outlet: 'BBC',
    published: '2020-11-12',
  });
  const a3 = insertArticle(db, {
    title: 'Earlier BBC piece',
    text: 'This is an untagged aside about the weather.',
    outlet: 'BBC',
    published: '2020-10-01',
  });
  const refugees = (await call(ctx, 'tags.create', { path: 'Syria/Refugees' })).id;
  const economy = (await call(ctx, 'tags.create', { path: 'Economy' })).id;
  const syria = (await call(ctx, 'tags.list', {})).find((tag) => tag.name === 'Syria')!.id;
  const mark = async (articleId: number, words: string, tagIds: number[], note?: string) => {
    const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string;
    const start = text.indexOf(words);
    const passage = await call(ctx, 'passages.create', { articleId, start, end: start + words.length, tagIds });
    if (note) await call(ctx, 'passages.update', { id: passage.id, note });
    return passage.id;
  };
  const p1 = await mark(a1, 'over 6.5 million refugees', [refugees], 'Putin <b>repeats</b> the UNHCR figure');
  await mark(a1, 'the economy grew', [economy]);
  const p3 = await mark(a2, '6.5 million people', [refugees, economy]);
  await mark(a3, 'an untagged aside', []);
  await call(ctx, 'memos.set', { articleId: a2, text: 'BBC doubts the figure.\nSecond line of the memo.' });
  const c1 = (await call(ctx, 'claims.create', { passageId: p1, statement: 'Over 6.5 million refugees remain outside Syria' })).id;
  await call(ctx, 'claims.addAppearance', { claimId: c1, passageId: p3, stance: 'questions' });
  return { ctx, articles: { a1, a2, a3 }, tags: { syria, refugees, economy }, claims: { c1 } };
}

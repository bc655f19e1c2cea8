import { describe, expect, it } from 'vitest';
import type { Context } from '../../electron/core/handlers';
import { call, expectHealthy, insertArticle, openSession, refused } from './passages-fixture';

/**
 * Three articles from three outlets, a codebook with a parent and two children, and passages
 * tagged so that any/all and children-included filters give different answers.
 */
async function library(ctx: Context) {
  const db = ctx.session.lib.db;
  const texts = {
    tass: 'Over 6.5 mln refugees remain outside Syria. Terrorism was eliminated.',
    bbc: 'About 6,500,000 Syrians are refugees abroad. Returns are few.',
    spiegel: 'Flüchtlinge kehren kaum zurück. Über Damaskus.',
  };
  const tass = insertArticle(db, { title: 'Putin meets Assad', outlet: 'TASS', published: '2020-11-09', text: texts.tass });
  const bbc = insertArticle(db, { title: 'Assad and the return', outlet: 'BBC', published: '2021-03', text: texts.bbc });
  const undated = insertArticle(db, { title: 'Zeitgeist', outlet: 'Der Spiegel', text: texts.spiegel });
  insertArticle(db, { title: 'Untagged', outlet: 'BBC', published: '2019-01-01', text: 'Nothing marked here.' });
  const refugees = await call(ctx, 'tags.create', { path: 'Refugees' });
  const returns = await call(ctx, 'tags.create', { path: 'Refugees / Returns' });
  const numbers = await call(ctx, 'tags.create', { path: 'Refugees / Numbers' });
  const terror = await call(ctx, 'tags.create', { path: 'Terrorism' });
  const mark = (articleId: number, text: string, quote: string, tagIds: number[], note = '') =>
    call(ctx, 'passages.create', { articleId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, tagIds, note });
  const p = {
    tassRefugees: await mark(
      tass,
      texts.tass,
      'Over 6.5 mln refugees remain outside Syria',
      [refugees.id, numbers.id],
      'same figure as BBC',
    ),
    tassTerror: await mark(tass, texts.tass, 'Terrorism was eliminated', [terror.id]),
    bbcNumbers: await mark(bbc, texts.bbc, 'About 6,500,000 Syrians are refugees abroad', [numbers.id], 'census'),
    bbcReturns: await mark(bbc, texts.bbc, 'Returns are few', [returns.id]),
    spiegel: await mark(undated, texts.spiegel, 'Flüchtlinge kehren kaum zurück', [returns.id, terror.id], 'Übersetzung nötig'),
  };
  return { tags: { refugees, returns, numbers, terror }, p, articles: { tass, bbc, undated } };
}

describe('passages view', () => {
  it('filters by tags (any, all, with children), articles, outlets, dates and text', async () => {
    const { ctx, db } = openSession();
    const { tags, p, articles } = await library(ctx);
    const ids = async (filter: Record<string, unknown>) => {
      const page = await call(ctx, 'passages.list', { filter, sort: { column: 'created', direction: 'asc' } });
      expect(page.total).toBe(page.rows.length);
      return page.rows.map((row) => row.id);
    };
    expect(await ids({})).toEqual([p.tassRefugees.id, p.tassTerror.id, p.bbcNumbers.id, p.bbcReturns.id, p.spiegel.id]);
    expect(await ids({ tagIds: [tags.refugees.id] })).toEqual([p.tassRefugees.id]);
    expect(await ids({ tagIds: [tags.refugees.id], includeChildren: true })).toEqual([
      p.tassRefugees.id,
      p.bbcNumbers.id,
      p.bbcReturns.id,
      p.spiegel.id,
    ]);
    expect(await ids({ tagIds: [tags.returns.id, tags.terror.id], tagMode: 'any' })).toEqual([
      p.tassTerror.id,
      p.bbcReturns.id,
      p.spiegel.id,
    ]);
    expect(await ids({ tagIds: [tags.returns.id, tags.terror.id], tagMode: 'all' })).toEqual([p.spiegel.id]);
    expect(await ids({ tagIds: [tags.refugees.id, tags.terror.id], tagMode: 'all' })).toEqual([]);
    expect(await ids({ tagIds: [tags.refugees.id, tags.terror.id], tagMode: 'all', includeChildren: true })).toEqual([p.spiegel.id]);
    expect(await ids({ tagIds: [9999] })).toEqual([]);
    expect(await ids({ articleIds: [articles.bbc, articles.undated] })).toEqual([p.bbcNumbers.id, p.bbcReturns.id, p.spiegel.id]);
    expect(await ids({ outlets: ['TASS', 'Der Spiegel'] })).toEqual([p.tassRefugees.id, p.tassTerror.id, p.spiegel.id]);
    // Partial dates compare at the bound's precision; undated articles fall outside any range.
    expect(await ids({ from: '2021' })).toEqual([p.bbcNumbers.id, p.bbcReturns.id]);
    expect(await ids({ to: '2020-11' })).toEqual([p.tassRefugees.id, p.tassTerror.id]);
    expect(await ids({ from: '2020-11-09', to: '2021-03-31' })).toEqual([
      p.tassRefugees.id,
      p.tassTerror.id,
      p.bbcNumbers.id,
      p.bbcReturns.id,
    ]);
    // Text matches quotes and notes, numbers in any spelling, and accents loosely.
    expect(await ids({ text: '6.5 million' })).toEqual([p.tassRefugees.id, p.bbcNumbers.id]);
    expect(await ids({ text: 'census' })).toEqual([p.bbcNumbers.id]);
    expect(await ids({ text: 'fluchtlinge' })).toEqual([p.spiegel.id]);
    expect(await ids({ text: '"!!"' })).toEqual([]);
    expect(await ids({ text: 'refugees', outlets: ['BBC'], tagIds: [tags.refugees.id], includeChildren: true })).toEqual([p.bbcNumbers.id]);
    expectHealthy(db);
  });

  it('sorts by every column both ways, pages with a stable total, and names tags by path', async () => {
    const { ctx } = openSession();
    const { p } = await library(ctx);
    const order = async (column: string, direction: 'asc' | 'desc') =>
      (await call(ctx, 'passages.list', { sort: { column: column as 'quote', direction } })).rows.map((row) => row.id);
    expect(await order('quote', 'asc')).toEqual([p.bbcNumbers.id, p.spiegel.id, p.tassRefugees.id, p.bbcReturns.id, p.tassTerror.id]);
    expect(await order('quote', 'desc')).toEqual(
      [p.bbcNumbers.id, p.spiegel.id, p.tassRefugees.id, p.bbcReturns.id, p.tassTerror.id].reverse(),
    );
    expect(await order('article', 'asc')).toEqual([p.bbcNumbers.id, p.bbcReturns.id, p.tassRefugees.id, p.tassTerror.id, p.spiegel.id]);
    expect(await order('outlet', 'asc')).toEqual([p.bbcNumbers.id, p.bbcReturns.id, p.spiegel.id, p.tassRefugees.id, p.tassTerror.id]);
    expect(await order('published', 'desc')).toEqual([p.bbcReturns.id, p.bbcNumbers.id, p.tassTerror.id, p.tassRefugees.id, p.spiegel.id]);
    expect(await order('note', 'asc')).toEqual([p.tassTerror.id, p.bbcReturns.id, p.bbcNumbers.id, p.tassRefugees.id, p.spiegel.id]);
    expect(await order('created', 'desc')).toEqual([p.spiegel.id, p.bbcReturns.id, p.bbcNumbers.id, p.tassTerror.id, p.tassRefugees.id]);
    // By the first tag in codebook order: Refugees, Refugees / Returns, Refugees / Numbers, Terrorism.
    expect(await order('tags', 'asc')).toEqual([p.tassRefugees.id, p.bbcReturns.id, p.spiegel.id, p.bbcNumbers.id, p.tassTerror.id]);

    const page = await call(ctx, 'passages.list', { sort: { column: 'created', direction: 'asc' }, offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((row) => row.id)).toEqual([p.tassTerror.id, p.bbcNumbers.id]);
    const [first] = (await call(ctx, 'passages.list', { sort: { column: 'created', direction: 'asc' }, limit: 1 })).rows;
    expect(first).toMatchObject({
      articleTitle: 'Putin meets Assad',
      outlet: 'TASS',
      published: '2020-11-09',
      exact: 'Over 6.5 mln refugees remain outside Syria',
      note: 'same figure as BBC',
      tags: ['Refugees', 'Refugees / Numbers'],
    });
  });

  it('sorted by article, keeps each article’s passages in reading order, articles by title in natural order', async () => {
    const { ctx, db } = openSession();
    const text = 'First sentence here. Second sentence here. Third sentence here.';
    const ten = insertArticle(db, { title: 'Report [10]', text });
    const two = insertArticle(db, { title: 'Report [2]', text: `${text} More.` });
    const mark = (articleId: number, quote: string) =>
      call(ctx, 'passages.create', { articleId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    // Marked out of reading order, as an analyst does.
    const third = await mark(ten, 'Third sentence');
    const first = await mark(ten, 'First sentence');
    const second = await mark(ten, 'Second sentence');
    const other = await mark(two, 'Second sentence');
    const order = async (direction: 'asc' | 'desc') =>
      (await call(ctx, 'passages.list', { sort: { column: 'article', direction } })).rows.map((row) => row.id);
    expect(await order('asc')).toEqual([other.id, first.id, second.id, third.id]);
    expect(await order('desc')).toEqual([first.id, second.id, third.id, other.id]);
  });

  it('lists distinct outlets for the filter', async () => {
    const { ctx } = openSession();
    expect(await call(ctx, 'articles.outlets', {})).toEqual([]);
    await library(ctx);
    expect(await call(ctx, 'articles.outlets', {})).toEqual(['BBC', 'Der Spiegel', 'TASS']);
    expect((await refused(ctx, 'articles.outlets', { all: true })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'passages.list', { filter: { from: 'last week' } })).message).toMatch(
      /filter\.from: use a date such as 2020/,
    );
  });
});

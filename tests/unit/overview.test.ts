import { describe, expect, it } from 'vitest';
import { NO_OUTLET } from '../../electron/shared/overview';
import { handCounted } from './overview-fixture';
import { call, refused } from './passages-fixture';

describe('overview aggregates', () => {
  it('count articles per month, week and day by outlet, with the undated apart', async () => {
    const { ctx, tags } = await handCounted();
    expect(await call(ctx, 'overview.articlesOverTime', { bucket: 'month' })).toEqual({
      bucket: 'month',
      rows: [
        { period: '2020-11', outlet: 'BBC', count: 1 },
        { period: '2020-11', outlet: 'TASS', count: 2 },
        { period: '2020-12', outlet: 'BBC', count: 1 },
      ],
      undated: 1,
    });
    // 2020-11-09 is a Monday; 2020-12-01 a Tuesday of the week starting 2020-11-30.
    expect((await call(ctx, 'overview.articlesOverTime', { bucket: 'week' })).rows).toEqual([
      { period: '2020-11-09', outlet: 'BBC', count: 1 },
      { period: '2020-11-09', outlet: 'TASS', count: 2 },
      { period: '2020-11-30', outlet: 'BBC', count: 1 },
    ]);
    // No bucket: 22 days from first to last picks days.
    const byDay = await call(ctx, 'overview.articlesOverTime', {});
    expect(byDay.bucket).toBe('day');
    expect(byDay.rows.map((r) => `${r.period} ${r.outlet} ${r.count}`)).toEqual([
      '2020-11-09 BBC 1',
      '2020-11-09 TASS 1',
      '2020-11-10 TASS 1',
      '2020-12-01 BBC 1',
    ]);
    // A tag filter keeps articles with a passage of the tag or its children (A1, A3, A4).
    const tagged = await call(ctx, 'overview.articlesOverTime', { bucket: 'month', filter: { tagIds: [tags.syria] } });
    expect(tagged.rows.map((r) => `${r.period} ${r.outlet} ${r.count}`)).toEqual(['2020-11 BBC 1', '2020-11 TASS 1', '2020-12 BBC 1']);
    expect(tagged.undated).toBe(0);
    const tass = await call(ctx, 'overview.articlesOverTime', { bucket: 'month', filter: { outlets: ['TASS'], from: '2020-11-10' } });
    expect(tass.rows).toEqual([{ period: '2020-11', outlet: 'TASS', count: 1 }]);
  });

  it('count passages per tag and outlet, with the share of the outlet’s articles', async () => {
    const { ctx, tags } = await handCounted();
    const { rows } = await call(ctx, 'overview.tagsByOutlet', {});
    expect(rows.map((r) => [r.tag, r.outlet, r.count, r.articles, r.share])).toEqual([
      ['Syria', 'BBC', 1, 1, 0.5],
      ['Syria', 'TASS', 1, 1, 0.5],
      ['Syria / Refugees', 'BBC', 1, 1, 0.5],
      ['Syria / Refugees', 'TASS', 2, 1, 0.5],
      ['Economy', NO_OUTLET, 1, 1, 1],
      ['Economy', 'BBC', 1, 1, 0.5],
      ['Economy', 'TASS', 2, 1, 0.5],
    ]);
    const refugees = await call(ctx, 'overview.tagsByOutlet', { filter: { tagIds: [tags.refugees], outlets: ['BBC'] } });
    expect(refugees.rows.map((r) => [r.tag, r.outlet, r.count])).toEqual([['Syria / Refugees', 'BBC', 1]]);
  });

  it('count passages per tag and month, with the share of the month’s articles', async () => {
    const { ctx } = await handCounted();
    const result = await call(ctx, 'overview.tagsByMonth', {});
    expect(result.rows.map((r) => [r.tag, r.month, r.count, r.articles, r.share])).toEqual([
      ['Syria', '2020-11', 2, 2, 2 / 3],
      ['Syria / Refugees', '2020-11', 2, 1, 1 / 3],
      ['Syria / Refugees', '2020-12', 1, 1, 1],
      ['Economy', '2020-11', 3, 2, 2 / 3],
    ]);
    expect(result.undated).toBe(1);
  });

  it('count where two tags code the same or overlapping passages, each pair of passages once', async () => {
    const { ctx, tags } = await handCounted();
    const { rows } = await call(ctx, 'overview.tagCooccurrence', {});
    // Syria+Refugees: p1/p2. Refugees+Economy: p3 itself, and p2/p8. p1 and p8 do not overlap.
    expect(rows.map((r) => [r.tag, r.otherTag, r.count])).toEqual([
      ['Syria', 'Syria / Refugees', 1],
      ['Syria / Refugees', 'Economy', 2],
    ]);
    const tass = await call(ctx, 'overview.tagCooccurrence', { filter: { outlets: ['BBC'] } });
    expect(tass.rows).toEqual([]);
    const economy = await call(ctx, 'overview.tagCooccurrence', { filter: { tagIds: [tags.economy, tags.refugees] } });
    expect(economy.rows.map((r) => [r.tag, r.otherTag, r.count])).toEqual([['Syria / Refugees', 'Economy', 2]]);
  });

  it('place each claim’s appearances by day and outlet, first appearance first', async () => {
    const { ctx, tags, claims } = await handCounted();
    const timeline = await call(ctx, 'overview.claimTimeline', {});
    expect(timeline.rows.map((r) => [r.claimId, r.day, r.outlet, r.count])).toEqual([
      [claims.c1, '2020-11-09', 'BBC', 1],
      [claims.c1, '2020-11-09', 'TASS', 1],
      [claims.c1, '2020-12-01', 'BBC', 1],
      [claims.c3, '2020-11-10', 'TASS', 1],
    ]);
    expect(timeline.undated).toBe(1);
    const syria = await call(ctx, 'overview.claimTimeline', { filter: { tagIds: [tags.syria] } });
    expect(syria.rows.map((r) => [r.claim, r.day, r.outlet])).toEqual([
      ['Claim one', '2020-11-09', 'TASS'],
      ['Claim one', '2020-12-01', 'BBC'],
    ]);
  });

  it('measure coverage per outlet with overlapping passages merged', async () => {
    const { ctx, tags } = await handCounted();
    const { rows } = await call(ctx, 'overview.coverage', {});
    expect(rows).toEqual([
      { outlet: NO_OUTLET, articles: 1, count: 1, characters: 40, codedCharacters: 10, share: 0.25 },
      // A3: [0,100) and [150,160); A4: [0,10).
      { outlet: 'BBC', articles: 2, count: 2, characters: 300, codedCharacters: 120, share: 0.4 },
      // A1: [0,20) ∪ [10,30) ∪ [25,28) = [0,30), and [50,60); A2's untagged passage counts too.
      { outlet: 'TASS', articles: 2, count: 2, characters: 150, codedCharacters: 50, share: 50 / 150 },
    ]);
    const economy = await call(ctx, 'overview.coverage', { filter: { tagIds: [tags.economy] } });
    expect(economy.rows.map((r) => [r.outlet, r.count, r.codedCharacters])).toEqual([
      [NO_OUTLET, 1, 10],
      ['BBC', 1, 100],
      ['TASS', 1, 13],
    ]);
  });

  it('find the articles behind a clicked mark', async () => {
    const { ctx, articles, tags, claims } = await handCounted();
    const ids = async (args: Parameters<typeof call<'overview.drill'>>[2]) =>
      (await call(ctx, 'overview.drill', args)).articles.map((a) => a.title);
    expect(await ids({ chart: 'articles-over-time', bucket: 'month', mark: { period: '2020-11', outlet: 'TASS' } })).toEqual(['A1', 'A2']);
    expect(await ids({ chart: 'tags-by-outlet', mark: { tagId: tags.refugees, outlet: 'BBC' } })).toEqual(['A4']);
    expect(await ids({ chart: 'tags-by-month', mark: { tagId: tags.economy, month: '2020-11' } })).toEqual(['A1', 'A3']);
    expect(await ids({ chart: 'tag-cooccurrence', mark: { tagId: tags.refugees, otherTagId: tags.economy } })).toEqual(['A1']);
    expect(await ids({ chart: 'claim-timeline', mark: { claimId: claims.c1, day: '2020-11-09', outlet: 'BBC' } })).toEqual(['A3']);
    expect(await ids({ chart: 'coverage', mark: { outlet: NO_OUTLET } })).toEqual(['A5']);
    const drill = await call(ctx, 'overview.drill', { chart: 'tags-by-outlet', mark: { tagId: tags.syria, outlet: 'TASS' } });
    expect(drill).toMatchObject({ total: 1, passages: { articleIds: [articles.a1], tagIds: [tags.syria] } });
  });

  it('refuse an unknown chart or a malformed date with the field named', async () => {
    const { ctx } = await handCounted();
    expect((await refused(ctx, 'overview.drill', { chart: 'pie', mark: {} })).code).toBe('invalid-arguments');
    const bad = await refused(ctx, 'overview.tagsByOutlet', { filter: { from: '9 Nov 2020' } });
    expect(bad.message).toMatch(/2020-11-09/);
  });
});

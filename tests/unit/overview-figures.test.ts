import { describe, expect, it } from 'vitest';
import { chartCsv, chartSvg } from '../../electron/core/overview/render';
import { claimTimeline } from '../../electron/core/overview/claim-timeline';
import { call, insertArticle, openSession } from './passages-fixture';

/** One claim run by four outlets on four days, its figure changed on the third day and back on the fourth. */
async function travelling() {
  const { ctx } = openSession();
  const db = ctx.session.lib.db;
  const runs = [
    ['TASS', '2020-11-09', 'Over 6.5 million refugees remain outside Syria.'],
    ['BBC', '2020-11-10', 'About 6.5 million refugees remain outside Syria.'],
    ['RT', '2020-11-11', 'Some 5.6 million refugees remain outside Syria.'],
    ['TASS', '2020-11-12', 'Still 6.5 million refugees remain outside Syria.'],
    ['BBC', '2020-11-13', 'Refugees remain outside Syria, the report says.'],
  ] as const;
  const passages: number[] = [];
  for (const [outlet, published, text] of runs) {
    const articleId = insertArticle(db, { title: `${outlet} ${published}`, text, outlet, published });
    passages.push((await call(ctx, 'passages.create', { articleId, start: 0, end: text.length })).id);
  }
  const claim = (await call(ctx, 'claims.create', { passageId: passages[0]!, statement: 'Over 6.5 million refugees remain outside Syria' }))
    .id;
  for (const passageId of passages.slice(1)) await call(ctx, 'claims.addAppearance', { claimId: claim, passageId });
  return { db };
}

describe('the claim timeline marks where a claim’s figure changes', () => {
  it('on the appearances whose figure differs from the claim’s earlier one, not on those without a figure', async () => {
    const { db } = await travelling();
    const timeline = claimTimeline(db);
    expect(timeline.rows.map((row) => [row.day, row.outlet, row.figureChange])).toEqual([
      ['2020-11-09', 'TASS', ''],
      ['2020-11-10', 'BBC', ''],
      ['2020-11-11', 'RT', '5.6 million'],
      ['2020-11-12', 'TASS', '6.5 million'],
      ['2020-11-13', 'BBC', ''],
    ]);
    expect(chartCsv('claim-timeline', timeline, { bom: false }).split('\r\n').slice(0, 4)).toEqual([
      'claim_id,claim,day,outlet,count,figure_change',
      '1,Over 6.5 million refugees remain outside Syria,2020-11-09,TASS,1,',
      '1,Over 6.5 million refugees remain outside Syria,2020-11-10,BBC,1,',
      '1,Over 6.5 million refugees remain outside Syria,2020-11-11,RT,1,5.6 million',
    ]);
    // Drawn with a ring where it changed, and named so for screen readers.
    const svg = await chartSvg('claim-timeline', timeline);
    const marks = [...svg.matchAll(/<path aria-label="([^"]*)" role="graphics-symbol"[^>]*?(stroke-width="3")?[^>]*>/g)];
    const ringed = marks.filter((m) => /stroke="#1f2328" stroke-width="3"/.test(m[0])).map((m) => m[1]);
    expect(marks).toHaveLength(5);
    expect(ringed.map((label) => /Figure changed to: ([^;]*)/.exec(label!)?.[1])).toEqual(['5.6 million', '6.5 million']);
  });
});

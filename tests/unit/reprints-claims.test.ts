import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../electron/core/import/pipeline';
import { FIXTURES } from './helpers';
import { call, openSession } from './passages-fixture';

const ARTICLES = join(FIXTURES, 'reprints', 'articles');

async function library(...files: string[]) {
  const { ctx, db } = openSession();
  const report = await runImport(
    db,
    ctx.session.lib.clock,
    ctx.parser,
    files.map((f) => join(ARTICLES, f)),
  );
  const [original, reprint] = report.imported.map((i) => i.articleId) as [number, number];
  const textOf = (id: number) => db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(id) as string;
  const make = (quote: string) => {
    const start = textOf(original).indexOf(quote);
    return call(ctx, 'claims.create', { articleId: original, start, end: start + quote.length });
  };
  return { ctx, original, reprint, textOf, make };
}

describe("a claim's appearances in reprints", () => {
  it('are suggested first, in the copy, with the reprint as the reason; a quote the copy cut is not', async () => {
    const { ctx, reprint, textOf, make } = await library('hewitt-falls-to-dent-in-adelaide.txt', 'hewitt-falls-to-dent.txt');
    const quote = 'Lleyton Hewitt suffered a shock defeat to Taylor Dent';
    const claim = await make(quote);
    const [first] = await call(ctx, 'claims.related', { id: claim.id, limit: 5 });
    const at = textOf(reprint).indexOf(quote);
    expect(first).toEqual({
      type: 'appearance',
      articleId: reprint,
      start: at,
      end: at + quote.length,
      text: quote,
      claimId: null,
      relation: 'same',
      tier: 'strong',
      score: 1,
      reasons: ['reprint of “Hewitt falls to Dent in Adelaide”', 'same wording'],
      articleTitle: 'Hewitt falls to Dent',
      outlet: null,
      published: null,
    });
    const cut = await make('Hewitt played down his defeat and insisted he is focused solely on the Australian Open');
    const suggested = await call(ctx, 'claims.related', { id: cut.id, limit: 20 });
    expect(suggested.filter((s) => s.reasons.some((r) => r.startsWith('reprint of')))).toEqual([]);
  });

  it('find an edited copy of the quote, and stay hidden once rejected', async () => {
    const { ctx, reprint, textOf, make } = await library('domain-system-opens-door-to-scams.txt', 'domain-system-scam-fear.txt');
    const claim = await make('has recently been approved by the Internet Engineering Task Force');
    const [first] = await call(ctx, 'claims.related', { id: claim.id, limit: 5 });
    expect(first).toMatchObject({
      articleId: reprint,
      text: 'has recently been approved by the Internet Electronic Task Force',
      reasons: ['reprint of “Domain system opens door to scams”', 'nearly the same wording'],
    });
    expect(textOf(reprint).slice(first!.start!, first!.end!)).toBe(first!.text);
    await call(ctx, 'claims.reject', { claimId: claim.id, articleId: reprint, start: first!.start!, end: first!.end! });
    const after = await call(ctx, 'claims.related', { id: claim.id, limit: 20 });
    expect(after.some((s) => s.articleId === reprint && s.start! < first!.end! && s.end! > first!.start!)).toBe(false);
  });
});

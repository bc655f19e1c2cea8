import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers';
import { analyseSentences } from '../../electron/core/claims/terms';
import { call, importTass, insertArticle, openSession } from './passages-fixture';

const ruText = readFileSync(join(FIXTURES, 'import', 'encodings', 'expected', 'ru-refugees.txt'), 'utf8');

async function library() {
  const { ctx, db } = openSession();
  const { id: tassId, text } = await importTass(ctx);
  const ruId = insertArticle(db, {
    title: 'Возвращение беженцев',
    text: ruText,
    outlet: 'Межведомственный центр',
    published: '2020-11-10',
  });
  const economyId = insertArticle(db, {
    title: 'Prices',
    text: 'Inflation rose to 6.5% in October, the statistics office said.\n\nTurnout in the regional election was 10%, officials said.',
  });
  const make = (quote: string) =>
    call(ctx, 'claims.create', { articleId: tassId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  return { ctx, db, tassId, ruId, economyId, text, make };
}

describe('where else a claim appears', () => {
  it('finds the Russian restatements of the TASS figures among the first suggestions, with reasons', async () => {
    const { ctx, ruId, make } = await library();
    const refugees = await make('over 6.5 million refugees remain outside Syria');
    const found = await call(ctx, 'claims.related', { id: refugees.id, limit: 5 });
    const russian = found.findIndex((s) => s.articleId === ruId && s.text.includes('свыше 6,5 млн беженцев'));
    expect(russian).toBeGreaterThanOrEqual(0);
    expect(russian).toBeLessThan(3);
    expect(found[russian]).toMatchObject({ type: 'appearance', relation: 'same', tier: 'strong' });
    expect(found[russian]!.reasons).toEqual(expect.arrayContaining(['same figure 6.5 million', 'беженцев']));

    const returned = await make('Over 850,000 Syrian citizens have returned from abroad');
    const top = (await call(ctx, 'claims.related', { id: returned.id, limit: 3 })).map((s) => s.text);
    expect(top.some((t) => t.startsWith('Более 850 тысяч сирийских граждан'))).toBe(true);
  });

  it('never suggests the claim’s own appearances, nor what the analyst rejected; accepting adds the appearance', async () => {
    const { ctx, ruId, make } = await library();
    const claim = await make('over 6.5 million refugees remain outside Syria');
    const own = claim.appearances[0]!;
    const before = await call(ctx, 'claims.related', { id: claim.id });
    expect(before.some((s) => s.articleId === own.articleId && s.start! < own.end && s.end! > own.start)).toBe(false);
    const russian = before.find((s) => s.articleId === ruId)!;
    await call(ctx, 'claims.reject', { claimId: claim.id, articleId: ruId, start: russian.start!, end: russian.end! });
    expect((await call(ctx, 'claims.related', { id: claim.id })).some((s) => s.articleId === ruId)).toBe(false);
    await call(ctx, 'edit.undo', {});
    const accepted = await call(ctx, 'claims.accept', {
      claimId: claim.id,
      articleId: ruId,
      start: russian.start!,
      end: russian.end!,
      stance: 'asserts',
    });
    expect(accepted.appearances.map((a) => a.articleId)).toContain(ruId);
    expect((await call(ctx, 'claims.related', { id: claim.id })).some((s) => s.articleId === ruId)).toBe(false);
  });

  it('does not take a figure alone for a match: 6.5% inflation is no appearance of 6.5 million refugees', async () => {
    const { ctx, economyId, make } = await library();
    const claim = await make('over 6.5 million refugees remain outside Syria');
    expect((await call(ctx, 'claims.related', { id: claim.id })).some((s) => s.articleId === economyId)).toBe(false);
  });

  it('keeps the sentence index right through text edits, deletes and undo', async () => {
    const { ctx, db, ruId, make } = await library();
    const claim = await make('over 6.5 million refugees remain outside Syria');
    const hasRussian = async () => (await call(ctx, 'claims.related', { id: claim.id })).some((s) => s.articleId === ruId);
    expect(await hasRussian()).toBe(true);
    await call(ctx, 'articles.editText', { id: ruId, text: ruText.replace('свыше 6,5 млн беженцев', 'немало людей') });
    expect(await hasRussian()).toBe(false);
    await call(ctx, 'edit.undo', {});
    expect(await hasRussian()).toBe(true);
    await call(ctx, 'articles.delete', { ids: [ruId] });
    expect(await hasRussian()).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM article_sentences WHERE article_id = ?').get(ruId)).toEqual({ n: 0 });
    await call(ctx, 'edit.undo', {});
    expect(await hasRussian()).toBe(true);
    // Exactly one index row per sentence again, none left over from before the delete.
    const sentences = db.prepare('SELECT count(*) AS n FROM article_sentences WHERE article_id = ?').get(ruId) as { n: number };
    expect(sentences.n).toBe(analyseSentences(ruText).length);
    expect(db.prepare('SELECT count(*) AS n FROM sentences_fts').get()).toEqual(
      db.prepare('SELECT count(*) AS n FROM article_sentences').get(),
    );
    expect(db.prepare('SELECT count(*) AS n FROM sentence_queue').get()).toEqual({ n: 0 });
  });

  it('puts new articles on the sentence queue from their writer, with no trigger on insert (the import path)', async () => {
    const { ctx, db } = openSession();
    const triggers = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles' AND sql LIKE '%AFTER INSERT%'",
    );
    expect(triggers.all()).toEqual([]);
    const { id: tassId } = await importTass(ctx);
    const ruId = insertArticle(db, { title: 'Возвращение беженцев', text: ruText });
    const queued = db.prepare('SELECT article_id AS id FROM sentence_queue ORDER BY article_id').all();
    expect(queued).toEqual([{ id: tassId }, { id: ruId }]);
  });

  it('proposes related claims with a relation: another figure for the same thing varies', async () => {
    const { ctx, make } = await library();
    const a = await make('over 6.5 million refugees remain outside Syria');
    const b = await make('Over 850,000 Syrian citizens have returned from abroad');
    const c = await call(ctx, 'claims.create', {
      ...{ articleId: a.appearances[0]!.articleId },
      start: a.appearances[0]!.start,
      end: a.appearances[0]!.end,
      statement: 'Some 5.6 million refugees remain outside Syria',
    });
    const related = (await call(ctx, 'claims.related', { id: a.id })).filter((s) => s.type === 'claim');
    expect(related[0]).toMatchObject({ claimId: c.id, relation: 'varies' });
    expect(related.some((s) => s.claimId === b.id && s.tier === 'strong')).toBe(false);
    await call(ctx, 'claims.reject', { claimId: a.id, otherClaimId: c.id, relation: 'varies' });
    expect((await call(ctx, 'claims.related', { id: a.id })).some((s) => s.claimId === c.id)).toBe(false);
  });
});

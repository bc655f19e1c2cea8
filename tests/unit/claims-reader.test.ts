import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { call, expectHealthy, importTass, openSession, refused } from './passages-fixture';

const PHRASE = 'over 6.5 million refugees remain outside Syria';

/** What the reader asks of the claims core: a prefill for Make claim's dialog, and candidate marks it can dismiss. */
describe('claims in the reader', () => {
  it('prefills a claim from a selection or a passage without writing anything', async () => {
    const { ctx, db } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const start = text.indexOf(PHRASE);
    const expected = {
      statement: 'Over 6.5 million refugees remain outside Syria',
      kind: 'statistic',
      speaker: 'Vladimir Putin',
      stance: 'attributes',
      value: 6_500_000,
      unit: 'people',
      counted: 'refugee',
      qualifier: 'more than',
    };
    expect(await call(ctx, 'claims.prefill', { articleId, start, end: start + PHRASE.length })).toEqual(expected);
    const passage = await call(ctx, 'passages.create', { articleId, start, end: start + PHRASE.length });
    expect(await call(ctx, 'claims.prefill', { passageId: passage.id })).toEqual(expected);
    expect(db.prepare('SELECT count(*) AS n FROM claims').get()).toEqual({ n: 0 });
    expect((await refused(ctx, 'claims.prefill', { articleId, start: 10, end: 5 })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'claims.prefill', { passageId: 999 })).code).toBe('not-found');
  });

  it('makes a claim with the figure as the analyst corrected it, in one undoable step', async () => {
    const { ctx, db } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const start = text.indexOf(PHRASE);
    const claim = await call(ctx, 'claims.create', {
      articleId,
      start,
      end: start + PHRASE.length,
      statement: 'Over 6.5 million refugees remain outside Syria',
      value: 6_600_000,
      counted: 'Syrian refugees',
      qualifier: null,
    });
    expect(claim).toMatchObject({ value: 6_600_000, unit: 'people', counted: 'Syrian refugees', qualifier: null });
    await call(ctx, 'edit.undo', {});
    expect(db.prepare('SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM passages) AS n').get()).toEqual({ n: 0 });
  });

  it('leaves out of the marks the candidates dismissed and those already made claims of; undo and reopening keep it so', async () => {
    const { ctx, db, session } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const all = await call(ctx, 'claims.candidates', { articleId });
    const refugees = all.find((c) => c.text.includes(PHRASE))!;
    const returned = all.find((c) => c.text.startsWith('Over 850,000 Syrian citizens'))!;
    expect(refugees).toBeDefined();
    expect(returned).toBeDefined();

    await call(ctx, 'claims.dismissCandidate', { articleId, start: returned.start, end: returned.end });
    const afterDismiss = await call(ctx, 'claims.candidates', { articleId });
    expect(afterDismiss.map((c) => c.start)).toEqual(all.filter((c) => c !== returned).map((c) => c.start));
    // Dismissing again (another window) changes nothing and adds no step to undo.
    await call(ctx, 'claims.dismissCandidate', { articleId, start: returned.start, end: returned.end });
    expect(db.prepare('SELECT count(*) AS n FROM candidate_dismissals').get()).toEqual({ n: 1 });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Dismiss candidate claim');

    // A claim made from part of the refugees sentence takes that candidate's place.
    const start = text.indexOf(PHRASE);
    await call(ctx, 'claims.create', { articleId, start, end: start + PHRASE.length });
    const afterClaim = await call(ctx, 'claims.candidates', { articleId });
    expect(afterClaim.some((c) => c.start === refugees.start)).toBe(false);
    expect(afterClaim).toHaveLength(all.length - 2);

    // Undo the claim, then the dismissal: each candidate returns.
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'claims.candidates', { articleId })).some((c) => c.start === refugees.start)).toBe(true);
    await call(ctx, 'edit.undo', {});
    expect(await call(ctx, 'claims.candidates', { articleId })).toHaveLength(all.length);
    await call(ctx, 'edit.redo', {});
    expect(await call(ctx, 'claims.candidates', { articleId })).toHaveLength(all.length - 1);
    expectHealthy(db);

    // Stored with the library: a new session on the same file sees the dismissal.
    const path = session.lib.path;
    session.close();
    const reopened = new Session(path);
    try {
      const again = await call({ ...ctx, session: reopened }, 'claims.candidates', { articleId });
      expect(again.some((c) => c.start === returned.start)).toBe(false);
      expect(again).toHaveLength(all.length - 1);
    } finally {
      reopened.close();
    }
  });

  it('refuses to dismiss a range outside the article', async () => {
    const { ctx } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    expect((await refused(ctx, 'claims.dismissCandidate', { articleId, start: 0, end: text.length + 1 })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'claims.dismissCandidate', { articleId: 99, start: 0, end: 1 })).code).toBe('not-found');
  });
});

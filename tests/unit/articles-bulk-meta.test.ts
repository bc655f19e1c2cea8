import { describe, expect, it } from 'vitest';
import type { ChangeKind } from '../../electron/shared/types';
import { call, insertArticle, openSession, refused } from './passages-fixture';

/** Four articles: two BBC pieces with no outlet or date, a TASS one and a RIA one, each with its own values. */
function library() {
  const { session, db, ctx } = openSession();
  const add = (title: string, outlet?: string, published?: string) =>
    insertArticle(db, {
      title,
      text: `${title}. Refugees and figures in a paragraph of its own.`,
      ...(outlet ? { outlet } : {}),
      ...(published ? { published } : {}),
    });
  const a = {
    bbc1: add('Syria talks resume'),
    bbc2: add('Refugee camps swell'),
    tass: add('Putin on refugees', 'TASS', '2020-11-09'),
    ria: add('Centre on returns', 'RIA', '2020-11-10'),
  };
  const meta = (id: number) =>
    db.prepare('SELECT outlet, published, language, place FROM articles WHERE id = ?').get(id) as Record<string, string | null>;
  const changes: ChangeKind[][] = [];
  session.on('library.changed', ({ kinds }) => changes.push(kinds));
  return { session, db, ctx, a, meta, changes };
}

describe('metadata in bulk', () => {
  it('sets outlet and date on the chosen articles as one edit, which one undo takes back article by article', async () => {
    const { ctx, a, meta, changes } = library();
    const result = await call(ctx, 'articles.setMeta', {
      target: { ids: [a.bbc1, a.bbc2, a.tass] },
      patch: { outlet: ' BBC ', published: '2021-03-04' },
    });
    expect(result).toEqual({ updated: 3, fields: ['outlet', 'date'] });
    for (const id of [a.bbc1, a.bbc2, a.tass]) expect(meta(id)).toMatchObject({ outlet: 'BBC', published: '2021-03-04' });
    expect(meta(a.ria)).toMatchObject({ outlet: 'RIA', published: '2020-11-10' });
    expect(changes.at(-1)).toEqual(['articles']);
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Set outlet and date of 3 articles');
    // The outlet is searchable at once (the search index follows the column).
    expect((await call(ctx, 'articles.list', { query: 'BBC' })).total).toBe(3);

    await call(ctx, 'edit.undo', {});
    expect(meta(a.bbc1)).toMatchObject({ outlet: null, published: null });
    expect(meta(a.bbc2)).toMatchObject({ outlet: null, published: null });
    expect(meta(a.tass)).toMatchObject({ outlet: 'TASS', published: '2020-11-09' });
    expect((await call(ctx, 'articles.list', { query: 'BBC' })).total).toBe(0);
    await call(ctx, 'edit.redo', {});
    expect(meta(a.tass)).toMatchObject({ outlet: 'BBC', published: '2021-03-04' });
  });

  it('changes every article the list query matches, less the ones left out, on the server', async () => {
    const { ctx, a, meta } = library();
    const result = await call(ctx, 'articles.setMeta', {
      target: { matching: { query: 'refugee' }, exceptIds: [a.tass] },
      patch: { language: 'en', place: 'London' },
    });
    // "refugee" matches its inflections in every text; TASS is left out.
    expect(result.updated).toBe(3);
    for (const id of [a.bbc1, a.bbc2, a.ria]) expect(meta(id)).toMatchObject({ language: 'en', place: 'London' });
    expect(meta(a.tass)).toMatchObject({ language: null, place: null });
    const byOutlet = await call(ctx, 'articles.setMeta', {
      target: { matching: { filter: { outlets: ['RIA'] } } },
      patch: { place: null },
    });
    expect(byOutlet.updated).toBe(1);
    expect(meta(a.ria).place).toBeNull();
  });

  it('refuses a bad date or language, an empty change and a missing article, changing nothing', async () => {
    const { ctx, a, meta } = library();
    const badDate = await refused(ctx, 'articles.setMeta', { target: { ids: [a.bbc1] }, patch: { published: '4 March' } });
    expect(badDate.message).toContain('use a date such as 2020-11-09');
    const badLanguage = await refused(ctx, 'articles.setMeta', { target: { ids: [a.bbc1] }, patch: { language: 'English!' } });
    expect(badLanguage.message).toContain('use a language code such as en or ru');
    expect((await refused(ctx, 'articles.setMeta', { target: { ids: [a.bbc1] }, patch: {} })).message).toBe(
      'Nothing to set: give an outlet, a date, a language or a place.',
    );
    const missing = await refused(ctx, 'articles.setMeta', { target: { ids: [a.bbc1, 999] }, patch: { outlet: 'BBC' } });
    expect(missing).toMatchObject({ code: 'not-found', message: 'Article 999 does not exist (it may have been deleted)' });
    expect(meta(a.bbc1).outlet).toBeNull();
    const none = await refused(ctx, 'articles.setMeta', { target: { matching: { query: 'nowhere' } }, patch: { outlet: 'BBC' } });
    expect(none.message).toBe('No article to change: the selection is empty.');
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/library/open';
import { createPassage } from '../../electron/core/passages/edits';
import { naturalCompare, naturalKey } from '../../electron/shared/natural-sort';
import type { Args } from '../../electron/shared/contract';
import { tempDir } from './helpers';
import { call, insertArticle, openSession, refused } from './passages-fixture';

/** Five articles with what makes sorting hard: numbers in titles, case, accents, year-less and missing dates and outlets. */
function library() {
  const { session, db, ctx } = openSession();
  const add = (title: string, outlet: string | undefined, published: string | undefined, passages = 0) => {
    const text = `${title}. A paragraph long enough to hold a few passages of its own, one after another.`;
    const id = insertArticle(db, { title, text, ...(outlet ? { outlet } : {}), ...(published ? { published } : {}) });
    for (let i = 0; i < passages; i++)
      session.apply(() => createPassage(db, session.lib.clock, { articleId: id, start: i * 10, end: i * 10 + 5 }));
    return id;
  };
  const a = {
    ten: add('Refugees [10]', 'TASS', '2020-11-09', 1),
    one: add('Refugees [1]', 'BBC', '2019-03-04', 3),
    two: add('refugees [2]', 'tass', '--11-09'),
    emile: add('Émile on Syria', undefined, undefined, 2),
    zeta: add('Zeta report', 'Reuters', '2020-11'),
  };
  return { ctx, a };
}

type ListArgs = Args<'articles.list'>;

describe('the article list', () => {
  it('sorts by title in natural order, by date, outlet, passages and import, both ways', async () => {
    const { ctx, a } = library();
    const ids = async (args: ListArgs) => (await call(ctx, 'articles.list', args)).items.map((item) => item.id);
    const sorted = (column: NonNullable<ListArgs['sort']>['column'], direction: 'asc' | 'desc') => ids({ sort: { column, direction } });
    // "[10]" after "[2]" after "[1]"; case and accents do not count.
    expect(await sorted('title', 'asc')).toEqual([a.emile, a.one, a.two, a.ten, a.zeta]);
    expect(await sorted('title', 'desc')).toEqual([a.zeta, a.ten, a.two, a.one, a.emile]);
    // Dated first, then the year-less one, then the undated one, whichever way.
    expect(await sorted('published', 'asc')).toEqual([a.one, a.zeta, a.ten, a.two, a.emile]);
    expect(await sorted('published', 'desc')).toEqual([a.ten, a.zeta, a.one, a.two, a.emile]);
    // Outlets without regard to case (TASS and tass together, by title), none last.
    expect(await sorted('outlet', 'asc')).toEqual([a.one, a.zeta, a.two, a.ten, a.emile]);
    expect(await sorted('outlet', 'desc')).toEqual([a.two, a.ten, a.zeta, a.one, a.emile]);
    expect(await sorted('passages', 'desc')).toEqual([a.one, a.emile, a.ten, a.two, a.zeta]);
    expect(await sorted('passages', 'asc')).toEqual([a.two, a.zeta, a.ten, a.emile, a.one]);
    // The default: newest import first, then by title (these were imported at the same instant).
    expect(await ids({})).toEqual([a.emile, a.one, a.two, a.ten, a.zeta]);
  });

  it('filters by outlet and date range as the Passages view does, with search and paging on top', async () => {
    const { ctx, a } = library();
    const list = (args: ListArgs) => call(ctx, 'articles.list', args);
    const ids = async (args: ListArgs) => (await list(args)).items.map((item) => item.id);
    const byTitle = { column: 'title', direction: 'asc' } as const;
    expect(await ids({ filter: { outlets: ['TASS'] }, sort: byTitle })).toEqual([a.ten]);
    expect(await ids({ filter: { outlets: ['TASS', 'tass', 'BBC'] }, sort: byTitle })).toEqual([a.one, a.two, a.ten]);
    // A year-less or undated article is in no date range.
    expect(await ids({ filter: { from: '2020' }, sort: byTitle })).toEqual([a.ten, a.zeta]);
    expect(await ids({ filter: { from: '2019-03-04', to: '2020-11-01' }, sort: byTitle })).toEqual([a.one, a.zeta]);
    expect(await ids({ filter: { to: '2020-11' }, sort: byTitle })).toEqual([a.one, a.ten, a.zeta]);
    const page = await list({ query: 'refugees', filter: { outlets: ['TASS', 'tass', 'BBC'] }, sort: byTitle, offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ id: a.two, title: 'refugees [2]', passageCount: 0 }] });
    expect((await list({ query: 'refugees', filter: { outlets: ['Reuters'] } })).total).toBe(0);
    const bad = await refused(ctx, 'articles.list', { filter: { from: '9 Nov' }, sort: { column: 'views', direction: 'up' } });
    expect(bad.code).toBe('invalid-arguments');
  });

  it('keeps the natural title order after a title edit, its undo, and an upgrade of an older library', async () => {
    const { ctx, a } = library();
    const titles = async () =>
      (await call(ctx, 'articles.list', { sort: { column: 'title', direction: 'asc' } })).items.map((i) => i.title);
    await call(ctx, 'articles.update', { id: a.zeta, patch: { title: 'Refugees [3]' } });
    expect(await titles()).toEqual(['Émile on Syria', 'Refugees [1]', 'refugees [2]', 'Refugees [3]', 'Refugees [10]']);
    await call(ctx, 'edit.undo', {});
    expect((await titles()).at(-1)).toBe('Zeta report');

    const path = join(tempDir(), 'old.marginalia');
    const old = openLibrary(path, { targetVersion: 5 });
    const insert = old.db.prepare(
      `INSERT INTO articles (uid, title, text, sha256, format, imported_at, updated_at) VALUES (?, ?, 'x', ?, 'txt', '2020', '2020')`,
    );
    for (const title of ['Item 10', 'Item 9', 'item 1']) insert.run(title, title, title);
    old.close();
    const lib = openLibrary(path);
    expect(lib.db.prepare('SELECT title FROM articles ORDER BY title_key').pluck().all()).toEqual(['item 1', 'Item 9', 'Item 10']);
    lib.close();
  });
});

describe('natural order', () => {
  const titles = [
    'Refugees [10]',
    'refugees [2]',
    'Refugees [1]',
    'Émile 2',
    'emile 10',
    'Item 007',
    'Item 8',
    'Zeta',
    'Беженцы 12',
    'беженцы 3',
  ];

  it('the stored key orders as the collator does', () => {
    const byCollator = [...titles].sort(naturalCompare);
    expect(byCollator).toEqual([
      'Émile 2',
      'emile 10',
      'Item 007',
      'Item 8',
      'Refugees [1]',
      'refugees [2]',
      'Refugees [10]',
      'Zeta',
      'беженцы 3',
      'Беженцы 12',
    ]);
    const byKey = [...titles].sort((x, y) => (naturalKey(x) < naturalKey(y) ? -1 : naturalKey(x) > naturalKey(y) ? 1 : 0));
    expect(byKey).toEqual(byCollator);
  });

  it('orders long numbers by their length first, and leading zeros do not count', () => {
    const numbers = ['x 123456789012', 'x 99999999999', 'x 0001', 'x 2'];
    expect([...numbers].sort((x, y) => (naturalKey(x) < naturalKey(y) ? -1 : 1))).toEqual([
      'x 0001',
      'x 2',
      'x 99999999999',
      'x 123456789012',
    ]);
  });
});

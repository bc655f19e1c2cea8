import { parse } from 'csv-parse/sync';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exportPassagesCsv } from '../../electron/core/export/csv-passages';
import { call, insertArticle, openSession, refused } from './passages-fixture';

function library() {
  const { db, ctx } = openSession();
  const add = (title: string, outlet: string) => insertArticle(db, { title, text: `${title}. A paragraph about refugees.`, outlet });
  const a = { tass: add('Putin on refugees', 'TASS'), ria: add('Centre on returns', 'RIA'), bbc: add('Camps swell', 'BBC') };
  return { db, ctx, a };
}

describe('custom article fields', () => {
  it('are defined per library, set one by one and in bulk with validation, and undo as one step', async () => {
    const { ctx, a } = library();
    const kind = await call(ctx, 'fields.create', { name: 'Outlet type', type: 'choice', options: ['State', 'Public', 'Private'] });
    const reach = await call(ctx, 'fields.create', { name: 'Reach', type: 'number' });
    const founded = await call(ctx, 'fields.create', { name: 'Founded', type: 'date' });
    expect((await call(ctx, 'fields.list', {})).map((f) => [f.name, f.type, f.options])).toEqual([
      ['Outlet type', 'choice', ['State', 'Public', 'Private']],
      ['Reach', 'number', []],
      ['Founded', 'date', []],
    ]);
    expect((await refused(ctx, 'fields.create', { name: 'outlet TYPE', type: 'text' })).message).toBe(
      'A field named "outlet TYPE" already exists.',
    );
    expect((await refused(ctx, 'fields.create', { name: 'Tier', type: 'choice' })).message).toContain(
      'a choice field needs at least one choice',
    );

    // A number field refuses "abc"; a choice must be one of its choices; nothing is written.
    const bad = await refused(ctx, 'articles.setMeta', {
      target: { ids: [a.tass, a.ria] },
      patch: {},
      fields: { [reach.id]: 'abc', [kind.id]: 'Tabloid' },
    });
    expect(bad.message).toBe('Outlet type: "Tabloid" is not one of its choices (State, Public, Private); Reach: "abc" is not a number');
    expect((await refused(ctx, 'articles.update', { id: a.bbc, patch: {}, fields: { [founded.id]: 'last year' } })).message).toBe(
      'Founded: "last year" is not a date (use 2020-11-09, 2020-11 or 2020)',
    );
    expect(await call(ctx, 'fields.forArticle', { articleId: a.tass })).toEqual({});

    const result = await call(ctx, 'articles.setMeta', {
      target: { ids: [a.tass, a.ria] },
      patch: {},
      fields: { [kind.id]: 'state', [reach.id]: '1,5' },
    });
    expect(result).toEqual({ updated: 2, fields: ['Outlet type', 'Reach'] });
    await call(ctx, 'articles.update', { id: a.bbc, patch: {}, fields: { [kind.id]: 'Public', [reach.id]: 40 } });
    expect(await call(ctx, 'fields.forArticle', { articleId: a.tass })).toEqual({ [kind.id]: 'State', [reach.id]: 1.5 });
    expect(await call(ctx, 'fields.forArticle', { articleId: a.bbc })).toEqual({ [kind.id]: 'Public', [reach.id]: 40 });

    // The article list filters by a field's values or a numeric range (numbers compare as numbers).
    const titles = async (fields: Array<{ fieldId: number; values?: Array<string | number>; min?: number; max?: number }>) =>
      (await call(ctx, 'articles.list', { filter: { fields }, sort: { column: 'title', direction: 'asc' } })).items.map((i) => i.title);
    expect(await titles([{ fieldId: kind.id, values: ['State'] }])).toEqual(['Centre on returns', 'Putin on refugees']);
    expect(await titles([{ fieldId: reach.id, min: 5 }])).toEqual(['Camps swell']);
    expect(
      await titles([
        { fieldId: reach.id, max: 5 },
        { fieldId: kind.id, values: ['State', 'Public'] },
      ]),
    ).toEqual(['Centre on returns', 'Putin on refugees']);
    // The Passages view's filter is the same one.
    await call(ctx, 'passages.create', { articleId: a.bbc, start: 0, end: 5 });
    expect((await call(ctx, 'passages.list', { filter: { fields: [{ fieldId: kind.id, values: ['Public'] }] } })).total).toBe(1);
    expect((await call(ctx, 'passages.list', { filter: { fields: [{ fieldId: kind.id, values: ['State'] }] } })).total).toBe(0);

    await call(ctx, 'edit.undo', {}); // the passage
    await call(ctx, 'edit.undo', {}); // BBC's values
    await call(ctx, 'edit.undo', {}); // the bulk edit, both articles at once
    expect(await call(ctx, 'fields.forArticle', { articleId: a.tass })).toEqual({});
    expect(await call(ctx, 'fields.forArticle', { articleId: a.ria })).toEqual({});
    await call(ctx, 'edit.redo', {});
    expect(await call(ctx, 'fields.forArticle', { articleId: a.ria })).toEqual({ [kind.id]: 'State', [reach.id]: 1.5 });
  });

  it('keeps values through deleting and undeleting an article or a field, and refuses to drop a choice in use', async () => {
    const { ctx, a } = library();
    const kind = await call(ctx, 'fields.create', { name: 'Outlet type', type: 'choice', options: ['State', 'Private'] });
    await call(ctx, 'articles.update', { id: a.tass, patch: {}, fields: { [kind.id]: 'State' } });
    expect((await refused(ctx, 'fields.update', { id: kind.id, options: ['Private'] })).message).toBe(
      'Articles still have "State" as their Outlet type: change them first.',
    );
    await call(ctx, 'fields.update', { id: kind.id, name: 'Ownership', options: ['State', 'Private', 'Mixed'] });
    await call(ctx, 'articles.delete', { ids: [a.tass] });
    await call(ctx, 'edit.undo', {});
    expect(await call(ctx, 'fields.forArticle', { articleId: a.tass })).toEqual({ [kind.id]: 'State' });
    await call(ctx, 'fields.delete', { id: kind.id });
    expect(await call(ctx, 'fields.list', {})).toEqual([]);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'fields.list', {})).map((f) => f.name)).toEqual(['Ownership']);
    expect(await call(ctx, 'fields.forArticle', { articleId: a.tass })).toEqual({ [kind.id]: 'State' });
  });
});

describe('custom fields in the passages CSV', () => {
  it('follow the article columns, one each under its name, with each article value', async () => {
    const { db, ctx, a } = library();
    const kind = await call(ctx, 'fields.create', { name: 'Outlet type', type: 'choice', options: ['State', 'Public'] });
    const reach = await call(ctx, 'fields.create', { name: 'Reach', type: 'number' });
    await call(ctx, 'articles.setMeta', { target: { ids: [a.tass] }, patch: {}, fields: { [kind.id]: 'State', [reach.id]: 12.5 } });
    await call(ctx, 'passages.create', { articleId: a.tass, start: 0, end: 4 });
    await call(ctx, 'passages.create', { articleId: a.bbc, start: 0, end: 4 });
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await exportPassagesCsv(db, out, { bom: false });
    const rows = parse(Buffer.concat(chunks).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!).slice(6, 10)).toEqual(['url', 'Outlet type', 'Reach', 'tags']);
    expect(rows.map((row) => [row.article_title, row['Outlet type'], row.Reach])).toEqual([
      ['Putin on refugees', 'State', '12.5'],
      ['Camps swell', '', ''],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  filterReducer,
  hasInput,
  initialFilter,
  toPassageFilter,
  type FilterAction,
} from '../../renderer/src/components/passages/filter-state';
import { call, importTass, openSession } from './passages-fixture';

const run = (actions: FilterAction[], start = initialFilter()) => actions.reduce(filterReducer, start);

describe('the passages filter form', () => {
  it('starts empty, or on the tag the codebook asked for', () => {
    expect(toPassageFilter(initialFilter())).toEqual({});
    expect(hasInput(initialFilter())).toBe(false);
    expect(toPassageFilter(initialFilter({ tagIds: [7] }))).toEqual({ tagIds: [7], tagMode: 'any', includeChildren: true });
  });

  it('starts on exactly the articles behind a chart’s mark, which one picked article replaces and the chip removes', () => {
    const start = initialFilter({ tagIds: [4], articles: { ids: [3, 8, 12], label: '3 articles behind TASS · 2020-11' } });
    expect(toPassageFilter(start)).toEqual({ tagIds: [4], tagMode: 'any', includeChildren: true, articleIds: [3, 8, 12] });
    expect(hasInput(run([{ type: 'removeTag', id: 4 }], start))).toBe(true);
    const picked = run([{ type: 'article', article: { id: 5, title: 'Elsewhere' } }], start);
    expect(picked.articles).toBeNull();
    expect(toPassageFilter(picked).articleIds).toEqual([5]);
    expect(toPassageFilter(run([{ type: 'articles', articles: null }], start))).toEqual({
      tagIds: [4],
      tagMode: 'any',
      includeChildren: true,
    });
    expect(run([{ type: 'clear' }], start).articles).toBeNull();
  });

  it('keeps one coder’s passages ("Only mine", "Only X") until All coders or Clear filters', () => {
    const only = run([{ type: 'coder', id: 2 }]);
    expect(toPassageFilter(only)).toEqual({ coderIds: [2] });
    expect(hasInput(only)).toBe(true);
    expect(toPassageFilter(run([{ type: 'coder', id: null }], only))).toEqual({});
    expect(run([{ type: 'clear' }], only).coderId).toBeNull();
  });

  it('builds the contract filter from what was picked and typed, leaving out dates it cannot read', () => {
    const state = run([
      { type: 'addTag', id: 3 },
      { type: 'addTag', id: 5 },
      { type: 'addTag', id: 3 },
      { type: 'tagMode', mode: 'all' },
      { type: 'includeChildren', value: false },
      { type: 'article', article: { id: 9, title: 'TASS' } },
      { type: 'outlet', outlet: 'TASS' },
      { type: 'from', value: ' 2020-11 ' },
      { type: 'to', value: '9 Nov' },
      { type: 'text', value: '  refugees ' },
    ]);
    expect(toPassageFilter(state)).toEqual({
      tagIds: [3, 5],
      tagMode: 'all',
      includeChildren: false,
      articleIds: [9],
      outlets: ['TASS'],
      from: '2020-11',
      text: 'refugees',
    });
    // The text as it settled after typing, not as typed this instant.
    expect(toPassageFilter(state, 'refug').text).toBe('refug');
    expect(toPassageFilter(run([{ type: 'removeTag', id: 3 }], state)).tagIds).toEqual([5]);
  });

  it('clears what was picked but keeps how tags combine', () => {
    const state = run([{ type: 'addTag', id: 3 }, { type: 'tagMode', mode: 'all' }, { type: 'text', value: 'x' }, { type: 'clear' }]);
    expect(hasInput(state)).toBe(false);
    expect(state.tagMode).toBe('all');
    expect(toPassageFilter(state)).toEqual({});
  });

  it('is a filter the library accepts and answers', async () => {
    const { ctx } = openSession();
    const { id, text } = await importTass(ctx);
    const tag = await call(ctx, 'tags.create', { path: 'Syria / Refugees' });
    const phrase = 'over 6.5 million refugees';
    const start = text.indexOf(phrase);
    await call(ctx, 'passages.create', { articleId: id, start, end: start + phrase.length, tagIds: [tag.id] });
    const state = run([
      { type: 'addTag', id: tag.id },
      { type: 'text', value: 'million' },
    ]);
    const page = await call(ctx, 'passages.list', { filter: toPassageFilter(state) });
    expect(page.rows.map((r) => r.exact)).toEqual([phrase]);
    const none = await call(ctx, 'passages.list', { filter: toPassageFilter(run([{ type: 'text', value: 'nowhere' }], state)) });
    expect(none.total).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { CodingProgress } from '../../electron/shared/types';
import { call, expectHealthy, insertArticle, openSession } from './passages-fixture';

const ARTICLE = [
  'Refugees returned to Aleppo on Monday. The city is quiet.',
  '',
  'Officials counted the returning refugees again. Nobody else came.',
  '',
  'A refugee said the roads were safe. Another paragraph ends here.',
].join('\n');

function library() {
  const opened = openSession();
  const first = insertArticle(opened.db, { title: 'Aleppo', text: ARTICLE });
  const second = insertArticle(opened.db, { title: 'Idlib', text: 'No returns yet. The refugees wait at the border.' });
  const third = insertArticle(opened.db, { title: 'Markets', text: 'Shares rose on Monday.' });
  return { ...opened, first, second, third };
}

const quotes = (db: ReturnType<typeof openSession>['db'], tagId: number) =>
  db
    .prepare(
      'SELECT p.article_id AS a, p.exact AS q FROM passages p JOIN passage_tags t ON t.passage_id = p.id WHERE t.tag_id = ? ORDER BY p.article_id, p.start',
    )
    .all(tagId);

describe('coding all hits of a search', () => {
  it('tags every matching sentence (stems included) in one undoable step, and redoes it', async () => {
    const { ctx, db, session, first, second } = library();
    const tag = await call(ctx, 'tags.create', { path: 'Returns' });
    const progress: CodingProgress[] = [];
    session.on('search.codingProgress', (p) => progress.push(p));
    const result = await call(ctx, 'search.codeHits', { query: 'refugee', unit: 'sentence', tagId: tag.id, jobId: 'j1' });
    expect(result).toEqual({ created: 4, tagged: 4, articles: 2 });
    expect(quotes(db, tag.id)).toEqual([
      { a: first, q: 'Refugees returned to Aleppo on Monday.' },
      { a: first, q: 'Officials counted the returning refugees again.' },
      { a: first, q: 'A refugee said the roads were safe.' },
      { a: second, q: 'The refugees wait at the border.' },
    ]);
    expect(progress.at(-1)).toEqual({ jobId: 'j1', done: 2, total: 2 });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Tag 4 matching sentences with Returns');
    expectHealthy(db);

    await call(ctx, 'edit.undo', {});
    expect(quotes(db, tag.id)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(0);
    expectHealthy(db);
    await call(ctx, 'edit.redo', {});
    expect(quotes(db, tag.id)).toHaveLength(4);
    expectHealthy(db);
  });

  it('tags paragraphs of the chosen articles only, reusing a passage that already covers one', async () => {
    const { ctx, db, first, second } = library();
    const tag = await call(ctx, 'tags.create', { path: 'Returns' });
    const start = ARTICLE.indexOf('Officials');
    const end = ARTICLE.indexOf('came.') + 'came.'.length;
    const before = await call(ctx, 'passages.create', { articleId: first, start, end });
    const result = await call(ctx, 'search.codeHits', {
      query: 'refugees Monday',
      articleIds: [first, second],
      unit: 'paragraph',
      tagId: tag.id,
      jobId: 'j2',
    });
    // Only the Aleppo article has both words; each of its paragraphs holds a hit of one of them.
    expect(result).toEqual({ created: 2, tagged: 3, articles: 1 });
    expect(quotes(db, tag.id)).toEqual([
      { a: first, q: 'Refugees returned to Aleppo on Monday. The city is quiet.' },
      { a: first, q: 'Officials counted the returning refugees again. Nobody else came.' },
      { a: first, q: 'A refugee said the roads were safe. Another paragraph ends here.' },
    ]);
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(3);
    await call(ctx, 'edit.undo', {});
    // All it matches but the one left out.
    const except = await call(ctx, 'search.codeHits', {
      query: 'refugees',
      exceptArticleIds: [first],
      unit: 'sentence',
      tagId: tag.id,
      jobId: 'j5',
    });
    expect(except).toEqual({ created: 1, tagged: 1, articles: 1 });
    expect(quotes(db, tag.id)).toEqual([{ a: second, q: 'The refugees wait at the border.' }]);
    await call(ctx, 'edit.undo', {});
    // The passage made before keeps living, without the tag.
    expect(db.prepare('SELECT id FROM passages').pluck().all()).toEqual([before.id]);
    expect(quotes(db, tag.id)).toEqual([]);
    expectHealthy(db);
  });

  it('stops when cancelled, changing nothing, and refuses a tag that does not exist', async () => {
    const { ctx, db, session } = library();
    for (let i = 0; i < 120; i++) insertArticle(db, { title: `Report ${i}`, text: `Refugees crossed at point ${i}.` });
    const tag = await call(ctx, 'tags.create', { path: 'Crossings' });
    session.on('search.codingProgress', ({ done }) => {
      if (done < 122) void dispatch(ctx, 'search.cancelCoding', { jobId: 'j3' });
    });
    const cancelled = await dispatch(ctx, 'search.codeHits', { query: 'refugees', unit: 'sentence', tagId: tag.id, jobId: 'j3' });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(0);
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Create tag Crossings');
    const missing = await dispatch(ctx, 'search.codeHits', { query: 'refugees', unit: 'sentence', tagId: 999, jobId: 'j4' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

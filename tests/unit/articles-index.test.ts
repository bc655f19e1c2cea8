import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../electron/core/handlers';
import { runImport } from '../../electron/core/import/pipeline';
import { FIXTURES } from './helpers';
import { call, dump, expectHealthy, importTass, insertArticle, openSession } from './passages-fixture';

/** Ids of the articles a search finds. */
const found = async (ctx: Context, query: string): Promise<number[]> =>
  (await call(ctx, 'search.query', { query })).articles.map((a) => a.id).sort((a, b) => a - b);

// Every path that writes `articles` rows keeps their search index right (articles are indexed by
// their writer, not by a trigger, since migration 4); `expectHealthy` runs `marginalia check`'s test.
describe('the article search index across every write path', () => {
  it('an article deleted and brought back by undo is found again, whole; redo deletes it again', async () => {
    const { ctx, db } = openSession();
    const { id, text } = await importTass(ctx);
    const other = insertArticle(db, { title: 'Grain corridor talks', text: 'Ankara hosted the grain corridor talks on Tuesday.' });
    const tag = await call(ctx, 'tags.create', { path: 'Refugees' });
    const quote = 'over 6.5 million refugees remain outside Syria';
    await call(ctx, 'passages.create', {
      articleId: id,
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
      tagIds: [tag.id],
    });
    const before = dump(db);
    const sources = db.prepare('SELECT * FROM article_sources ORDER BY article_id').all();
    expect(await found(ctx, 'terrorism')).toEqual([id]);

    await call(ctx, 'articles.delete', { ids: [id, other] });
    expect(await found(ctx, 'terrorism')).toEqual([]);
    expect(await found(ctx, 'corridor')).toEqual([]);
    expectHealthy(db);

    await call(ctx, 'edit.undo', {});
    expect(await found(ctx, 'terrorism')).toEqual([id]);
    expect(await found(ctx, 'corridor')).toEqual([other]);
    // Number tokens too: "6.5 mln" finds "6.5 million" in the restored text and passage.
    expect(await found(ctx, '6.5 mln')).toEqual([id]);
    expect((await call(ctx, 'search.query', { query: 'refugees remain' })).passages.map((p) => p.articleId)).toEqual([id]);
    expect(dump(db)).toEqual(before);
    expect(db.prepare('SELECT * FROM article_sources ORDER BY article_id').all()).toEqual(sources);
    expectHealthy(db);

    await call(ctx, 'edit.redo', {});
    expect(await found(ctx, 'terrorism')).toEqual([]);
    expect(dump(db).articles).toEqual([]);
    expectHealthy(db);

    await call(ctx, 'edit.undo', {});
    expect(await found(ctx, 'terrorism')).toEqual([id]);
    expect(dump(db)).toEqual(before);
    expectHealthy(db);
  });

  it('the deletion keeps every table whose rows go with an article (a new one must join its undo)', () => {
    const { db } = openSession();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const cascading = tables.filter((table) =>
      (db.pragma(`foreign_key_list(${table})`) as Array<{ table: string; on_delete: string }>).some(
        (fk) => ['articles', 'passages'].includes(fk.table) && fk.on_delete === 'CASCADE',
      ),
    );
    // The tables deleteArticles (electron/core/articles/edits.ts) snapshots for its undo, and the
    // sentence index, which is derived: undo re-queues the article and it is indexed again.
    expect(cascading).toEqual([
      'article_field_values',
      'article_sentences',
      'article_sources',
      'candidate_dismissals',
      'claim_appearances',
      'claim_rejections',
      'memos',
      'passage_tags',
      'passages',
    ]);
  });

  it('edited metadata is what search finds, and undo and redo move the index with it', async () => {
    const { ctx, db } = openSession();
    const { id } = await importTass(ctx);
    await call(ctx, 'articles.update', { id, patch: { title: 'Kremlin briefing on Idlib', byline: 'Ivanova' } });
    expect(await found(ctx, 'Idlib')).toEqual([id]);
    expect(await found(ctx, 'Ivanova')).toEqual([id]);
    expect(await found(ctx, 'hotbed')).toEqual([id]); // the old title's word is still in the text
    expectHealthy(db);

    await call(ctx, 'edit.undo', {});
    expect(await found(ctx, 'Idlib')).toEqual([]);
    expect(await found(ctx, 'Ivanova')).toEqual([]);
    expectHealthy(db);
    await call(ctx, 'edit.redo', {});
    expect(await found(ctx, 'Idlib')).toEqual([id]);
    expectHealthy(db);
  });

  it('edited text is what search finds, numbers included, across undo and redo', async () => {
    const { ctx, db } = openSession();
    const { id, text } = await importTass(ctx);
    await call(ctx, 'articles.editText', { id, text: `${text}\n\nA further 12,400 families registered in Homs.` });
    expect(await found(ctx, 'Homs')).toEqual([id]);
    expect(await found(ctx, '12.4 thousand')).toEqual([id]);
    expectHealthy(db);

    await call(ctx, 'edit.undo', {});
    expect(await found(ctx, 'Homs')).toEqual([]);
    expect(await found(ctx, '12.4 thousand')).toEqual([]);
    expectHealthy(db);
    await call(ctx, 'edit.redo', {});
    expect(await found(ctx, 'Homs')).toEqual([id]);
    expectHealthy(db);
  });

  it('articles from a REFI-QDA project, alone or inside a batch import, are found by search', async () => {
    const project = join(FIXTURES, 'qdpx', 'demo.qdpx');
    const alone = openSession();
    const report = await call(alone.ctx, 'import.qdpx', { path: project });
    const batch = openSession();
    const { imported } = await runImport(batch.db, batch.session.lib.clock, batch.ctx.parser, [project]);
    for (const [{ ctx, db }, articles] of [
      [alone, report.imported],
      [batch, imported],
    ] as const) {
      expect(articles).toHaveLength(2);
      for (const { articleId, title } of articles) expect(await found(ctx, `"${title}"`)).toEqual([articleId]);
      expectHealthy(db);
    }
  });
});

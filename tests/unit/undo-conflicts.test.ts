import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Context } from '../../electron/core/handlers';
import { Session } from '../../electron/core/session';
import type { Article, EditState, Passage, Tag } from '../../electron/shared/types';
import { runCli } from '../run-cli';
import { startServe, type ServeProcess } from '../serve-process';
import { TASS } from '../fixtures/tass';
import { tempDir } from './helpers';
import { call, dump, expectHealthy, importTass, openSession, refused } from './passages-fixture';

/** A second window on the same library file: its own session, with its own undo history. */
function secondWindow(ctx: Context): Context {
  const session = new Session(ctx.session.lib.path);
  afterEach(() => session.close());
  return { session, parser: ctx.parser };
}

describe('undo never overwrites a later edit made elsewhere', () => {
  const serves: ServeProcess[] = [];
  afterEach(async () => {
    await Promise.all(serves.splice(0).map((s) => s.stop()));
  });

  it('two serve processes: A undoes its title after B set another one, and is refused with the reason', async () => {
    const library = join(tempDir(), 'shared.marginalia');
    expect((await runCli(['import', '--library', library, TASS.path])).code).toBe(0);
    const [a, b] = await Promise.all([startServe(library), startServe(library)]);
    serves.push(a, b);
    const [article] = (await a.api<{ items: Article[] }>('articles.list', {})).items;
    await a.api('articles.update', { id: article!.id, patch: { title: 'Title set in window A' } });
    await b.api('articles.update', { id: article!.id, patch: { title: 'Title set in window B' } });

    const undo = await a.send('edit.undo');
    expect(undo).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Cannot undo "Edit article details": the article "Title set in window B" was changed in another window or program since. ' +
          'Nothing was undone; this step was taken off the undo history.',
      },
    });
    expect((await b.api<Article>('articles.get', { id: article!.id })).title).toBe('Title set in window B');
    expect(await a.api<EditState>('edit.state')).toEqual({
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
      refused:
        'Cannot undo "Edit article details": the article "Title set in window B" was changed in another window or program since. ' +
        'Nothing was undone; this step was taken off the undo history.',
    });
    // B's own history is untouched: it undoes its title back to A's.
    await b.api('edit.undo');
    expect((await a.api<Article>('articles.get', { id: article!.id })).title).toBe('Title set in window A');
  });

  it('passages, taggings and tags: every edit kind checks the rows it wrote', async () => {
    const { ctx, db } = openSession();
    const other = secondWindow(ctx);
    const { id: articleId, text } = await importTass(ctx);
    const at = (quote: string) => ({ articleId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const refugees = await call(ctx, 'tags.create', { path: 'Refugees' });
    const passage = await call(ctx, 'passages.create', at('over 6.5 million refugees remain outside Syria'));

    // The other window tags the passage this one created: undoing the creation would delete that tagging.
    await call(other, 'passages.tag', { passageIds: [passage.id], tagId: refugees.id });
    const before = dump(db);
    expect((await refused(ctx, 'edit.undo', {})).message).toBe(
      'Cannot undo "Mark passage": a tag on the passage "over 6.5 million refugees remain outside Syria" was added in another window or program since. ' +
        'Nothing was undone; this step was taken off the undo history.',
    );
    expect(dump(db)).toEqual(before);

    // The tag this window created was renamed elsewhere: its creation cannot be undone either.
    await call(other, 'tags.update', { id: refugees.id, name: 'Displaced people' });
    expect((await refused(ctx, 'edit.undo', {})).message).toBe(
      'Cannot undo "Create tag Refugees": the tag "Displaced people" was changed in another window or program since. ' +
        'Nothing was undone; this step was taken off the undo history.',
    );

    // A note this window wrote, deleted with its passage elsewhere.
    const second = await call(ctx, 'passages.create', at('Over 850,000 Syrian citizens have returned from abroad'));
    await call(ctx, 'passages.update', { id: second.id, note: 'UNHCR says otherwise' });
    await call(other, 'passages.delete', { ids: [second.id] });
    expect((await refused(ctx, 'edit.undo', {})).message).toBe(
      'Cannot undo "Add note": the passage "Over 850,000 Syrian citizens have returned from abroad" was deleted in another window or program since. ' +
        'Nothing was undone; this step was taken off the undo history.',
    );
    expectHealthy(db);
  });

  it('a redo checks too, and steps whose rows nobody touched still undo and redo', async () => {
    const { ctx, db } = openSession();
    const other = secondWindow(ctx);
    const { id: articleId, text } = await importTass(ctx);
    const quote = 'over 6.5 million refugees remain outside Syria';
    const start = text.indexOf(quote);
    const tag = await call(ctx, 'tags.create', { path: 'Refugees' });
    const made = await call(ctx, 'passages.create', { articleId, start, end: start + quote.length, tagIds: [tag.id] });
    // The other window works on rows this history never wrote: nothing in the way.
    const elsewhere = await call(other, 'tags.create', { path: 'Elsewhere' });
    await call(ctx, 'edit.undo', {});
    expect(await call(ctx, 'passages.forArticle', { articleId })).toEqual([]);
    // While undone, the other window takes the id the passage had; redoing would put it over.
    const taken: Passage = await call(other, 'passages.create', { articleId, start: 0, end: 10 });
    expect(taken.id).toBe(made.id);
    expect((await refused(ctx, 'edit.redo', {})).message).toBe(
      `Cannot redo "Tag passage with Refugees": the passage "${text.slice(0, 10)}" was added in another window or program since. ` +
        'Nothing was redone; this step was taken off the redo history.',
    );
    expect((await call(ctx, 'edit.state', {})).canRedo).toBe(false);
    const tags: Tag[] = await call(ctx, 'tags.list', {});
    expect(tags.map((t) => t.id).sort()).toEqual([tag.id, elsewhere.id].sort());
    expectHealthy(db);
  });

  it('a codebook import: a tag added under one it created blocks its undo, a tag elsewhere does not', async () => {
    const { ctx, db } = openSession();
    const other = secondWindow(ctx);
    await call(ctx, 'tags.importCsv', { csv: 'path\nMiddle East / Syria\n' });
    await call(other, 'tags.create', { path: 'Economy' });
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'tags.list', {})).map((t) => t.path)).toEqual(['Economy']);
    await call(ctx, 'edit.redo', {});
    const syria = (await call(other, 'tags.list', {})).find((t) => t.path === 'Middle East / Syria')!;
    await call(other, 'tags.create', { path: 'Aleppo', parentId: syria.id });
    expect((await refused(ctx, 'edit.undo', {})).message).toBe(
      'Cannot undo "Import codebook": the tag "Aleppo" was added in another window or program since. ' +
        'Nothing was undone; this step was taken off the undo history.',
    );
    expect((await call(ctx, 'tags.list', {})).map((t) => t.path).sort()).toEqual([
      'Economy',
      'Middle East',
      'Middle East / Syria',
      'Middle East / Syria / Aleppo',
    ]);
    expectHealthy(db);
  });
});

import { describe, expect, it } from 'vitest';
import { call, dump, expectHealthy, importTass, openSession } from './passages-fixture';

describe('shared undo history', () => {
  it('walks a mixed history of codebook, passage and text edits back to the start and forward again', async () => {
    const { ctx, db } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const at = (quote: string) => ({ articleId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const states = [dump(db)];
    const labels: string[] = [];
    const step = async <T>(run: () => Promise<T>): Promise<T> => {
      const value = await run();
      states.push(dump(db));
      labels.push((await call(ctx, 'edit.state', {})).undoLabel!);
      return value;
    };

    const syria = await step(() => call(ctx, 'tags.create', { path: 'Middle East / Syria' }));
    const refugees = await step(() => call(ctx, 'tags.create', { path: 'Refugees / Numbers' }));
    const p1 = await step(() =>
      call(ctx, 'passages.create', { ...at('over 6.5 million refugees remain outside Syria'), tagIds: [refugees.id, syria.id] }),
    );
    const p2 = await step(() =>
      call(ctx, 'passages.create', { ...at('Over 850,000 Syrian citizens have returned from abroad'), tagIds: [refugees.id] }),
    );
    await step(() => call(ctx, 'passages.tag', { passageIds: [p1.id, p2.id], tagId: refugees.parentId! }));
    await step(() => call(ctx, 'tags.update', { id: syria.id, name: 'Syrian Arab Republic', color: '#112233' }));
    await step(() => call(ctx, 'tags.move', { id: refugees.id, parentId: syria.parentId }));
    await step(() =>
      call(ctx, 'tags.importCsv', { csv: 'path,description,colour\nMiddle East / Iran,Sanctions,\nRefugees,UNHCR,#59a14f\n' }),
    );
    await step(() => call(ctx, 'passages.update', { id: p2.id, note: 'UNHCR has 5.6 million' }));
    await step(() =>
      call(ctx, 'articles.editText', { id: articleId, text: text.replace('NOVO-OGARYOVO', 'NOVO-OGARYOVO (Moscow Region)') }),
    );
    await step(() => call(ctx, 'tags.merge', { sourceId: refugees.parentId!, targetId: syria.parentId! }));
    await step(() => call(ctx, 'passages.untag', { passageId: p1.id, tagId: syria.id }));
    await step(() => call(ctx, 'tags.delete', { id: syria.parentId! }));
    await step(() => call(ctx, 'passages.delete', { ids: [p1.id] }));
    expect(labels).toEqual([
      'Create tag Middle East / Syria',
      'Create tag Refugees / Numbers',
      'Tag passage with Numbers, Syria',
      'Tag passage with Numbers',
      'Tag 2 passages with Refugees',
      'Rename Syria to Syrian Arab Republic',
      'Move Numbers to Middle East',
      'Import codebook',
      'Add note',
      'Edit article text',
      'Merge Refugees into Middle East',
      'Remove Syrian Arab Republic from passage',
      'Delete tag Middle East',
      'Delete passage',
    ]);
    expect(await call(ctx, 'tags.list', {})).toEqual([]);
    expectHealthy(db);

    for (let i = states.length - 2; i >= 0; i--) {
      const state = await call(ctx, 'edit.undo', {});
      expect(state.redoLabel).toBe(labels[i]);
      expect(dump(db)).toEqual(states[i]);
      expectHealthy(db);
    }
    expect(await call(ctx, 'edit.state', {})).toEqual({
      canUndo: false,
      canRedo: true,
      undoLabel: null,
      redoLabel: labels[0],
      refused: null,
    });
    for (let i = 1; i < states.length; i++) {
      await call(ctx, 'edit.redo', {});
      expect(dump(db)).toEqual(states[i]);
    }
    expectHealthy(db);
  });
});

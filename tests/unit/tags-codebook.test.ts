import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../electron/core/tags/palette';
import { call, dump, expectHealthy, importTass, insertArticle, openSession, refused } from './passages-fixture';

describe('codebook', () => {
  it('creates nested tags from a path, reusing ancestors case-insensitively, and undo removes only what it created', async () => {
    const { ctx, db } = openSession();
    const syria = await call(ctx, 'tags.create', { path: 'Middle East / Syria', description: ' Civil war, reconstruction ' });
    expect(syria).toMatchObject({ name: 'Syria', path: 'Middle East / Syria', description: 'Civil war, reconstruction', position: 0 });
    const iran = await call(ctx, 'tags.create', { path: '  middle EAST/Iran ' });
    expect(iran).toMatchObject({ path: 'Middle East / Iran', parentId: syria.parentId, position: 1 });
    const list = await call(ctx, 'tags.list', {});
    expect(list.map((t) => t.path)).toEqual(['Middle East', 'Middle East / Syria', 'Middle East / Iran']);
    // Auto colours come from the palette and spread out over new tags.
    expect(new Set(list.map((t) => t.color)).size).toBe(3);
    for (const tag of list) expect(PALETTE).toContain(tag.color);

    // Case-insensitive for Cyrillic too, not only ASCII.
    const children = await call(ctx, 'tags.create', { path: 'Беженцы / Дети', color: '#AA0000' });
    expect(children.color).toBe('#aa0000');
    expect(await call(ctx, 'tags.create', { path: 'беженцы / Возвращение' })).toMatchObject({ parentId: children.parentId });

    const under = await call(ctx, 'tags.create', { path: 'Damascus', parentId: syria.id });
    expect(under.path).toBe('Middle East / Syria / Damascus');

    expect(await refused(ctx, 'tags.create', { path: 'middle east / SYRIA' })).toMatchObject({
      code: 'conflict',
      message: 'The tag "Middle East / Syria" already exists.',
    });
    expect((await refused(ctx, 'tags.create', { path: 'A // B' })).message).toMatch(/empty level/);

    await call(ctx, 'edit.undo', {}); // Damascus
    await call(ctx, 'edit.undo', {}); // Возвращение
    await call(ctx, 'edit.undo', {}); // Беженцы / Дети: both levels go
    expect((await call(ctx, 'tags.list', {})).map((t) => t.path)).toEqual(['Middle East', 'Middle East / Syria', 'Middle East / Iran']);
    await call(ctx, 'edit.undo', {}); // Iran only: the reused ancestor stays
    expect((await call(ctx, 'tags.list', {})).map((t) => t.path)).toEqual(['Middle East', 'Middle East / Syria']);
    const redone = await call(ctx, 'edit.redo', {});
    expect(redone.undoLabel).toBe('Create tag Middle East / Iran');
    expect((await call(ctx, 'tags.list', {})).find((t) => t.name === 'Iran')?.id).toBe(iran.id);
    expectHealthy(db);
  });

  it('renames, refusing a sibling clash with a clear message', async () => {
    const { ctx } = openSession();
    const a = await call(ctx, 'tags.create', { path: 'Europe / Refugees' });
    const b = await call(ctx, 'tags.create', { path: 'Europe / Migrants' });
    const other = await call(ctx, 'tags.create', { path: 'Asia / Migrants' });
    expect(await refused(ctx, 'tags.update', { id: b.id, name: 'refugees' })).toEqual({
      code: 'conflict',
      message: 'There is already a tag named "Refugees" under "Europe".',
    });
    expect((await refused(ctx, 'tags.update', { id: b.id, name: 'A/B' })).code).toBe('invalid-arguments');
    // The same name under another parent is fine, and so is changing a tag's own case.
    expect(await call(ctx, 'tags.update', { id: other.id, name: 'Refugees' })).toMatchObject({ path: 'Asia / Refugees' });
    expect(await call(ctx, 'tags.update', { id: a.id, name: 'REFUGEES', color: '#123456', description: 'UNHCR counts' })).toMatchObject({
      name: 'REFUGEES',
      color: '#123456',
      description: 'UNHCR counts',
    });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Rename Refugees to REFUGEES');
    await call(ctx, 'tags.update', { id: b.id, color: '#654321' });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Recolour Migrants');
  });

  it('moves tags with their subtree, renumbers positions and refuses cycles', async () => {
    const { ctx, db } = openSession();
    const damascus = await call(ctx, 'tags.create', { path: 'Middle East / Syria / Damascus' });
    const iran = await call(ctx, 'tags.create', { path: 'Middle East / Iran' });
    const iraq = await call(ctx, 'tags.create', { path: 'Middle East / Iraq' });
    const me = iran.parentId!;
    const syria = damascus.parentId!;
    const before = dump(db);

    expect((await refused(ctx, 'tags.move', { id: me, parentId: me })).message).toMatch(/cannot move under itself/);
    expect((await refused(ctx, 'tags.move', { id: me, parentId: damascus.id })).message).toBe(
      '"Middle East" cannot move under its own descendant "Middle East / Syria / Damascus".',
    );
    expect(await call(ctx, 'tags.move', { id: iraq.id, parentId: me, position: 0 })).toMatchObject({ position: 0 });
    const order = async () => (await call(ctx, 'tags.list', {})).map((t) => `${t.path}@${t.position}`);
    expect(await order()).toEqual([
      'Middle East@0',
      'Middle East / Iraq@0',
      'Middle East / Syria@1',
      'Middle East / Syria / Damascus@0',
      'Middle East / Iran@2',
    ]);

    const moved = await call(ctx, 'tags.move', { id: syria, parentId: null });
    expect(moved).toMatchObject({ path: 'Syria', parentId: null, position: 1 });
    expect(await order()).toEqual(['Middle East@0', 'Middle East / Iraq@0', 'Middle East / Iran@1', 'Syria@1', 'Syria / Damascus@0']);
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Move Syria to the top level');

    await call(ctx, 'tags.create', { path: 'Iran' });
    expect((await refused(ctx, 'tags.move', { id: iran.id, parentId: null })).message).toBe(
      'There is already a tag named "Iran" at the top of the codebook.',
    );
    await call(ctx, 'edit.undo', {});
    await call(ctx, 'edit.undo', {});
    await call(ctx, 'edit.undo', {});
    expect(dump(db)).toEqual(before);
    expectHealthy(db);
  });

  it('merges one tag into another: passages combine without duplicates, children merge by name, undo restores exactly', async () => {
    const { ctx, db } = openSession();
    const { id: articleId } = await importTass(ctx);
    const refugees = await call(ctx, 'tags.create', { path: 'Refugees' });
    const refugeeChildren = await call(ctx, 'tags.create', { path: 'Refugees / Children' });
    const returns = await call(ctx, 'tags.create', { path: 'Refugees / Returns' });
    const displacement = await call(ctx, 'tags.create', { path: 'Displacement' });
    const displacedChildren = await call(ctx, 'tags.create', { path: 'Displacement / children' });
    const both = await call(ctx, 'passages.create', { articleId, start: 0, end: 20, tagIds: [refugees.id, displacement.id] });
    const onlySource = await call(ctx, 'passages.create', { articleId, start: 30, end: 50, tagIds: [refugees.id, returns.id] });
    const kids = await call(ctx, 'passages.create', { articleId, start: 60, end: 80, tagIds: [refugeeChildren.id, displacedChildren.id] });
    const before = dump(db);

    expect((await refused(ctx, 'tags.merge', { sourceId: refugees.id, targetId: returns.id })).message).toMatch(/its own descendant/);
    expect((await refused(ctx, 'tags.merge', { sourceId: refugees.id, targetId: refugees.id })).message).toMatch(/into itself/);

    const merged = await call(ctx, 'tags.merge', { sourceId: refugees.id, targetId: displacement.id });
    expect(merged).toMatchObject({ id: displacement.id, passageCount: 2, passageCountWithChildren: 3 });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Merge Refugees into Displacement');
    expect((await call(ctx, 'tags.list', {})).map((t) => t.path)).toEqual([
      'Displacement',
      'Displacement / children',
      'Displacement / Returns',
    ]);
    expect((await call(ctx, 'passages.get', { id: both.id })).tagIds).toEqual([displacement.id]);
    expect((await call(ctx, 'passages.get', { id: onlySource.id })).tagIds).toEqual([returns.id, displacement.id]);
    expect((await call(ctx, 'passages.get', { id: kids.id })).tagIds).toEqual([displacedChildren.id]);
    const after = dump(db);
    expectHealthy(db);

    await call(ctx, 'edit.undo', {});
    expect(dump(db)).toEqual(before);
    await call(ctx, 'edit.redo', {});
    expect(dump(db)).toEqual(after);
    await call(ctx, 'edit.undo', {});
    expect(dump(db)).toEqual(before);
    expectHealthy(db);
  });

  it('merges a child into its parent even when a grandchild shares the child’s name', async () => {
    const { ctx, db } = openSession();
    const inner = await call(ctx, 'tags.create', { path: 'Middle East / Syria / Syria' });
    const syria = (await call(ctx, 'tags.list', {})).find((t) => t.path === 'Middle East / Syria')!;
    const merged = await call(ctx, 'tags.merge', { sourceId: syria.id, targetId: syria.parentId! });
    expect(merged.path).toBe('Middle East');
    expect((await call(ctx, 'tags.list', {})).map((t) => [t.id, t.path])).toEqual([
      [merged.id, 'Middle East'],
      [inner.id, 'Middle East / Syria'],
    ]);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'tags.list', {})).map((t) => t.path)).toEqual([
      'Middle East',
      'Middle East / Syria',
      'Middle East / Syria / Syria',
    ]);
    expectHealthy(db);
  });

  it('deletes a subtree with its taggings, reports usage first, and undo restores every row with its id', async () => {
    const { ctx, db } = openSession();
    const { id: articleId } = await importTass(ctx);
    const syria = await call(ctx, 'tags.create', { path: 'Middle East / Syria' });
    const damascus = await call(ctx, 'tags.create', { path: 'Middle East / Syria / Damascus' });
    const other = await call(ctx, 'tags.create', { path: 'Putin' });
    await call(ctx, 'passages.create', { articleId, start: 0, end: 10, tagIds: [syria.id, damascus.id, other.id] });
    await call(ctx, 'passages.create', { articleId, start: 20, end: 30, tagIds: [damascus.id] });
    await call(ctx, 'passages.create', { articleId, start: 40, end: 50, tagIds: [other.id] });
    const before = dump(db);

    expect(await call(ctx, 'tags.usage', { id: syria.id })).toEqual({ passages: 2, articles: 1, descendants: 1 });
    expect(await call(ctx, 'tags.delete', { id: syria.id })).toEqual({ passagesTouched: 2 });
    expect((await call(ctx, 'tags.list', {})).map((t) => t.path)).toEqual(['Middle East', 'Putin']);
    expect(db.prepare('SELECT count(*) AS n FROM passage_tags').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM passages').get()).toEqual({ n: 3 });
    const after = dump(db);
    expectHealthy(db);

    await call(ctx, 'edit.undo', {});
    expect(dump(db)).toEqual(before);
    await call(ctx, 'edit.redo', {});
    expect(dump(db)).toEqual(after);
    await call(ctx, 'edit.undo', {});
    expect(dump(db)).toEqual(before);
    expect((await refused(ctx, 'tags.usage', { id: 999 })).code).toBe('not-found');
    expectHealthy(db);
  });

  it('counts direct passages and articles, and each passage and article once with children', async () => {
    const { ctx } = openSession();
    const { id: articleId } = await importTass(ctx);
    const other = insertArticle(ctx.session.lib.db, { title: 'Second', text: 'Refugees return to Aleppo, officials say.' });
    const parent = await call(ctx, 'tags.create', { path: 'Syria' });
    const child = await call(ctx, 'tags.create', { path: 'Syria / Refugees' });
    const empty = await call(ctx, 'tags.create', { path: 'Russia' });
    const grandchild = await call(ctx, 'tags.create', { path: 'Russia / Kremlin / Peskov' });
    await call(ctx, 'passages.create', { articleId, start: 0, end: 10, tagIds: [parent.id, child.id] });
    await call(ctx, 'passages.create', { articleId, start: 20, end: 30, tagIds: [child.id] });
    await call(ctx, 'passages.create', { articleId: other, start: 0, end: 8, tagIds: [child.id, grandchild.id] });
    const byPath = new Map((await call(ctx, 'tags.list', {})).map((t) => [t.path, t]));
    const counts = { passageCount: 1, articleCount: 1, passageCountWithChildren: 3, articleCountWithChildren: 2 };
    expect(byPath.get('Syria')).toMatchObject(counts);
    expect(byPath.get('Syria / Refugees')).toMatchObject({
      passageCount: 3,
      articleCount: 2,
      passageCountWithChildren: 3,
      articleCountWithChildren: 2,
    });
    // A parent with nothing of its own still sums its descendants'.
    expect(byPath.get('Russia')).toMatchObject({
      passageCount: 0,
      articleCount: 0,
      passageCountWithChildren: 1,
      articleCountWithChildren: 1,
    });
    // One tag read alone (as an edit returns it) counts the same.
    expect(await call(ctx, 'tags.update', { id: parent.id, description: 'Syria' })).toMatchObject(counts);
    expect(await call(ctx, 'tags.update', { id: empty.id, description: 'Russia' })).toMatchObject({
      passageCountWithChildren: 1,
      articleCountWithChildren: 1,
    });
  });

  it('validates arguments at the contract boundary', async () => {
    const { ctx } = openSession();
    expect(await refused(ctx, 'tags.create', { path: '' })).toMatchObject({ code: 'invalid-arguments' });
    expect(await refused(ctx, 'tags.create', { path: 'X', color: 'red' })).toMatchObject({
      code: 'invalid-arguments',
      message: 'Invalid arguments for tags.create: color: use a colour such as #4e79a7',
    });
    expect(await refused(ctx, 'tags.move', { id: 1 })).toMatchObject({ code: 'invalid-arguments' });
    expect(await refused(ctx, 'tags.merge', { sourceId: 1, targetId: 2, force: true })).toMatchObject({ code: 'invalid-arguments' });
    expect(await refused(ctx, 'tags.update', { id: 1, name: 'Gaza / West Bank' })).toMatchObject({ code: 'invalid-arguments' });
  });
});

import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { call, expectHealthy, openSession, refused } from './passages-fixture';

const pins = async (ctx: Parameters<typeof call>[0]) =>
  Object.fromEntries((await call(ctx, 'tags.list', {})).filter((t) => t.pin !== null).map((t) => [t.path, t.pin]));

describe('tags pinned to number keys', () => {
  it('pins to the first free key or a chosen one, moves a pin, unpins, and undo and redo take each step back', async () => {
    const { ctx, db } = openSession();
    const refugees = await call(ctx, 'tags.create', { path: 'Refugees' });
    const figures = await call(ctx, 'tags.create', { path: 'Claims / Figures' });
    const blame = await call(ctx, 'tags.create', { path: 'Blame' });
    expect(refugees.pin).toBeNull();

    expect(await call(ctx, 'tags.pin', { id: refugees.id })).toEqual({ pin: 1 });
    expect(await call(ctx, 'tags.pin', { id: figures.id })).toEqual({ pin: 2 });
    expect(await pins(ctx)).toEqual({ Refugees: 1, 'Claims / Figures': 2 });

    // Key 1 taken by another tag: it moves there, and Refugees loses it; Blame's own old key is freed.
    await call(ctx, 'tags.pin', { id: blame.id, slot: 5 });
    await call(ctx, 'tags.pin', { id: blame.id, slot: 1 });
    expect(await pins(ctx)).toEqual({ Blame: 1, 'Claims / Figures': 2 });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Pin Blame to key 1');
    await call(ctx, 'tags.pin', { id: figures.id, slot: null });
    expect(await pins(ctx)).toEqual({ Blame: 1 });

    await call(ctx, 'edit.undo', {});
    expect(await pins(ctx)).toEqual({ Blame: 1, 'Claims / Figures': 2 });
    await call(ctx, 'edit.undo', {});
    expect(await pins(ctx)).toEqual({ Blame: 5, Refugees: 1, 'Claims / Figures': 2 });
    await call(ctx, 'edit.redo', {});
    expect(await pins(ctx)).toEqual({ Blame: 1, 'Claims / Figures': 2 });
    expectHealthy(db);
  });

  it('refuses a tenth pin and steps that change nothing, with what to do instead', async () => {
    const { ctx } = openSession();
    const tags = [];
    for (let i = 1; i <= 10; i++) tags.push(await call(ctx, 'tags.create', { path: `Tag ${i}` }));
    for (const tag of tags.slice(0, 9)) await call(ctx, 'tags.pin', { id: tag.id });
    expect(await refused(ctx, 'tags.pin', { id: tags[9]!.id })).toEqual({
      code: 'conflict',
      message: 'All 9 number keys have a tag; unpin one before pinning "Tag 10".',
    });
    expect(await refused(ctx, 'tags.pin', { id: tags[9]!.id, slot: null })).toMatchObject({ message: '"Tag 10" is not pinned.' });
    expect(await refused(ctx, 'tags.pin', { id: tags[2]!.id, slot: 3 })).toMatchObject({ message: '"Tag 3" is already on key 3.' });
    expect((await refused(ctx, 'tags.pin', { id: tags[0]!.id, slot: 10 })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'tags.pin', { id: 9999 })).code).toBe('not-found');
  });

  it('frees the key of a deleted or merged tag, gives it back on undo, and keeps pins in the library file', async () => {
    const { ctx, session } = openSession();
    const a = await call(ctx, 'tags.create', { path: 'Alpha' });
    const b = await call(ctx, 'tags.create', { path: 'Beta' });
    await call(ctx, 'tags.pin', { id: a.id, slot: 3 });
    await call(ctx, 'tags.pin', { id: b.id, slot: 4 });
    await call(ctx, 'tags.delete', { id: a.id });
    expect(await pins(ctx)).toEqual({ Beta: 4 });
    // A new tag can take the freed key; a tag created later never inherits a deleted tag's pin.
    const c = await call(ctx, 'tags.create', { path: 'Gamma' });
    expect(c.pin).toBeNull();
    expect(await call(ctx, 'tags.pin', { id: c.id })).toEqual({ pin: 1 });
    await call(ctx, 'edit.undo', {}); // the pin of Gamma
    await call(ctx, 'edit.undo', {}); // Gamma
    await call(ctx, 'edit.undo', {}); // the deletion
    expect(await pins(ctx)).toEqual({ Alpha: 3, Beta: 4 });
    await call(ctx, 'tags.merge', { sourceId: b.id, targetId: a.id });
    expect(await pins(ctx)).toEqual({ Alpha: 3 });

    const path = session.lib.path;
    session.close();
    const reopened = new Session(path);
    try {
      expect(await pins({ ...ctx, session: reopened })).toEqual({ Alpha: 3 });
    } finally {
      reopened.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { dropPlacement, dropZone } from '../../renderer/src/components/codebook/drop-placement';
import { buildTree } from '../../renderer/src/components/codebook/tree';
import { call, openSession } from './passages-fixture';

/** A real codebook: Syria (Refugees, Statistics, Sources), Russia, Ukraine. */
async function codebook() {
  const { ctx } = openSession();
  for (const path of ['Syria / Refugees', 'Syria / Statistics', 'Syria / Sources', 'Russia', 'Ukraine'])
    await call(ctx, 'tags.create', { path });
  const id = async (path: string) => (await call(ctx, 'tags.list', {})).find((t) => t.path === path)!.id;
  const tree = async () => buildTree(await call(ctx, 'tags.list', {}));
  /** Paths in codebook order, as the tree shows them. */
  const order = async () => {
    const t = await tree();
    const out: string[] = [];
    const walk = (parent: number | null) => {
      for (const tag of t.children.get(parent) ?? []) {
        out.push(tag.path);
        walk(tag.id);
      }
    };
    walk(null);
    return out;
  };
  return { ctx, id, tree, order };
}

describe('dropping a tag in the codebook', () => {
  it('reads the top quarter of a row as before, the bottom quarter as after, the rest as into', () => {
    expect([0, 0.2, 0.25, 0.5, 0.75, 0.8, 1].map(dropZone)).toEqual(['before', 'before', 'into', 'into', 'into', 'after', 'after']);
  });

  it('places a tag before or after a sibling, and the library puts it exactly there', async () => {
    const { ctx, id, tree, order } = await codebook();
    const sources = await id('Syria / Sources');
    const refugees = await id('Syria / Refugees');
    const before = dropPlacement(await tree(), sources, refugees, 'before');
    expect(before).toEqual({ parentId: await id('Syria'), position: 0 });
    await call(ctx, 'tags.move', { id: sources, ...before! });
    expect(await order()).toEqual(['Syria', 'Syria / Sources', 'Syria / Refugees', 'Syria / Statistics', 'Russia', 'Ukraine']);

    // After the last sibling, counted without the dragged tag itself.
    const after = dropPlacement(await tree(), sources, await id('Syria / Statistics'), 'after');
    expect(after).toEqual({ parentId: await id('Syria'), position: 2 });
    await call(ctx, 'tags.move', { id: sources, ...after! });
    expect(await order()).toEqual(['Syria', 'Syria / Refugees', 'Syria / Statistics', 'Syria / Sources', 'Russia', 'Ukraine']);
  });

  it('moves a tag between levels: into another tag, beside a top-level tag, or onto the top-level strip', async () => {
    const { ctx, id, tree, order } = await codebook();
    const statistics = await id('Syria / Statistics');
    const into = dropPlacement(await tree(), statistics, await id('Russia'), 'into');
    expect(into).toEqual({ parentId: await id('Russia') });
    await call(ctx, 'tags.move', { id: statistics, ...into! });
    expect(await order()).toContain('Russia / Statistics');

    const beside = dropPlacement(await tree(), statistics, await id('Ukraine'), 'before');
    expect(beside).toEqual({ parentId: null, position: 2 });
    await call(ctx, 'tags.move', { id: statistics, ...beside! });
    expect(await order()).toEqual(['Syria', 'Syria / Refugees', 'Syria / Sources', 'Russia', 'Statistics', 'Ukraine']);

    const refugees = await id('Syria / Refugees');
    expect(dropPlacement(await tree(), refugees, 'top', 'into')).toEqual({ parentId: null });
    expect(dropPlacement(await tree(), await id('Russia'), 'top', 'into')).toBeNull();
  });

  it('refuses drops that would change nothing or break the tree', async () => {
    const { id, tree } = await codebook();
    const t = await tree();
    const syria = await id('Syria');
    const refugees = await id('Syria / Refugees');
    // Onto itself, into its own child, beside its own child (that would make it its own sibling's parent), into its parent again.
    expect(dropPlacement(t, syria, syria, 'into')).toBeNull();
    expect(dropPlacement(t, syria, refugees, 'into')).toBeNull();
    expect(dropPlacement(t, syria, refugees, 'before')).toBeNull();
    expect(dropPlacement(t, refugees, syria, 'into')).toBeNull();
    // A tag that is not in the codebook (deleted meanwhile).
    expect(dropPlacement(t, 9999, syria, 'into')).toBeNull();
  });
});

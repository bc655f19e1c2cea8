import { descendantsOf, type TagTree } from './tree';

/** Where on a row a dragged tag is dropped: its top quarter, its bottom quarter, or its middle. */
export type DropWhere = 'before' | 'after' | 'into';
/** A tag's row, or the strip that moves a tag to the top level. */
export type DropTarget = number | 'top';
/** Where a move puts the tag: under a parent (null: top level), at a position among its siblings. */
export interface Placement {
  parentId: number | null;
  position?: number;
}

/** The part of a row under the pointer, from how far down the row it is (0 top … 1 bottom). */
export function dropZone(fraction: number): DropWhere {
  return fraction < 0.25 ? 'before' : fraction > 0.75 ? 'after' : 'into';
}

/**
 * Where dropping tag `draggedId` on `target` puts it, or null where it may not go: onto itself,
 * into its own subtree, into the parent it already has, or to the top level when it is there.
 * Before and after place it among the target's siblings (positions counted without the tag).
 */
export function dropPlacement(tree: TagTree, draggedId: number, target: DropTarget, where: DropWhere): Placement | null {
  const tag = tree.byId.get(draggedId);
  if (!tag) return null;
  if (target === 'top') return tag.parentId !== null ? { parentId: null } : null;
  const over = tree.byId.get(target);
  if (!over || target === tag.id) return null;
  const banned = descendantsOf(tree, tag.id);
  if (where === 'into') return target !== tag.parentId && !banned.has(target) ? { parentId: target } : null;
  const parentId = over.parentId;
  if (parentId !== null && (parentId === tag.id || banned.has(parentId))) return null;
  const siblings = (tree.children.get(parentId) ?? []).filter((t) => t.id !== tag.id);
  const index = siblings.findIndex((t) => t.id === target);
  return { parentId, position: where === 'before' ? index : index + 1 };
}

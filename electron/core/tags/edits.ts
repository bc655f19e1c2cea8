import type { Database } from 'better-sqlite3';
import type { Tag } from '../../shared/types';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError } from '../errors';
import { among, recordEdit } from '../articles/row-changes';
import { cleanName } from './paths';
import { getTag, loadTree, type Tree } from './queries';

export interface TagPatch {
  name?: string | undefined;
  color?: string | undefined;
  description?: string | undefined;
}

export function refuseClash(tree: Tree, parentId: number | null, name: string, self: number): void {
  const clash = tree.childNamed(parentId, name);
  if (clash && clash.id !== self) {
    const where = parentId === null ? 'at the top of the codebook' : `under "${tree.path(parentId)}"`;
    throw new MarginaliaError('conflict', `There is already a tag named "${clash.name}" ${where}.`);
  }
}

function updateLabel(oldName: string, newName: string, patch: TagPatch): string {
  if (newName !== oldName) return `Rename ${oldName} to ${newName}`;
  if (patch.color !== undefined && patch.description === undefined) return `Recolour ${oldName}`;
  return `Edit tag ${oldName}`;
}

/** Renames, recolours or describes a tag; a rename refuses a sibling's name. */
export function updateTag(db: Database, clock: Clock, id: number, patch: TagPatch): Edit<Tag> {
  const tree = loadTree(db);
  const node = tree.get(id);
  const oldName = node.name;
  const name = patch.name === undefined ? oldName : cleanName(patch.name);
  refuseClash(tree, node.parentId, name, id);
  return recordEdit(
    db,
    () => [among('tags', 'id', [id])],
    () => {
      db.prepare(
        `UPDATE tags SET name = ?, color = coalesce(?, color), description = coalesce(?, description), updated_at = ? WHERE id = ?`,
      ).run(name, patch.color?.toLowerCase() ?? null, patch.description?.trim() ?? null, isoNow(clock), id);
      node.name = name;
      return getTag(db, id, tree);
    },
    () => ({ label: updateLabel(oldName, name, patch), changes: ['tags'] }),
  );
}

/** Gives siblings the positions 0..n-1 in the given order. */
function renumber(db: Database, siblings: ReadonlyArray<{ id: number }>): void {
  const setPosition = db.prepare('UPDATE tags SET position = ? WHERE id = ? AND position IS NOT ?');
  siblings.forEach((sibling, position) => setPosition.run(position, sibling.id, position));
}

/** Moves a tag (with its subtree) under another parent or to the top, at `position` among its new siblings (last by default). */
export function moveTag(db: Database, clock: Clock, id: number, parentId: number | null, position?: number): Edit<Tag> {
  const tree = loadTree(db);
  const node = tree.get(id);
  if (parentId !== null) {
    tree.get(parentId);
    if (tree.subtree(id).includes(parentId)) {
      throw new MarginaliaError(
        'conflict',
        `"${node.name}" cannot move under ${parentId === id ? 'itself' : `its own descendant "${tree.path(parentId)}"`}.`,
      );
    }
  }
  refuseClash(tree, parentId, node.name, id);
  const oldSiblings = tree.childrenOf(node.parentId).filter((sibling) => sibling.id !== id);
  const newSiblings = tree.childrenOf(parentId).filter((sibling) => sibling.id !== id);
  newSiblings.splice(Math.min(position ?? newSiblings.length, newSiblings.length), 0, node);
  const touched = [...new Set([...oldSiblings, ...newSiblings].map((sibling) => sibling.id))];
  const label =
    parentId === node.parentId
      ? `Reorder ${node.name}`
      : `Move ${node.name} to ${parentId === null ? 'the top level' : tree.byId.get(parentId)!.name}`;
  return recordEdit(
    db,
    () => [among('tags', 'id', touched)],
    () => {
      db.prepare('UPDATE tags SET parent_id = ?, updated_at = ? WHERE id = ?').run(parentId, isoNow(clock), id);
      if (parentId !== node.parentId) renumber(db, oldSiblings);
      renumber(db, newSiblings);
      return getTag(db, id);
    },
    () => ({ label, changes: ['tags'] }),
  );
}

/** Deletes a tag, its descendants and all their taggings; undo restores every row with its id. */
export function deleteTag(db: Database, id: number): Edit<{ passagesTouched: number }> {
  const tree = loadTree(db);
  const node = tree.get(id);
  const ids = tree.subtree(id);
  return recordEdit(
    db,
    () => [among('tags', 'id', ids), among('passage_tags', 'tag_id', ids)],
    () => {
      const { n } = db
        .prepare('SELECT count(DISTINCT passage_id) AS n FROM passage_tags WHERE tag_id IN (SELECT value FROM json_each(?))')
        .get(JSON.stringify(ids)) as { n: number };
      db.prepare('DELETE FROM tags WHERE id = ?').run(id);
      return { passagesTouched: n };
    },
    () => ({ label: `Delete tag ${node.name}`, changes: ['tags', 'passages'] }),
  );
}

import type { Database } from 'better-sqlite3';
import type { Tag } from '../../shared/types';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError } from '../errors';
import { among, recordEdit } from '../articles/row-changes';
import { getTag, loadTree, type Tree, type TreeNode } from './queries';

/**
 * Folds `from` into `into`: its passages take `into` (a passage tagged with both keeps one
 * tagging), its children move under `into` — a child named like one of `into`'s children is
 * merged into that child, recursively — and `from` is deleted.
 */
function mergeInto(db: Database, tree: Tree, from: TreeNode, into: TreeNode, now: string): void {
  // `from` goes away at the end; its uid as a placeholder name frees its own name for a child that moves up beside it.
  db.prepare('UPDATE tags SET name = uid WHERE id = ?').run(from.id);
  // Each tagging moves with the coder who applied it.
  db.prepare(
    'INSERT OR IGNORE INTO passage_tags (passage_id, tag_id, coder_id) SELECT passage_id, ?, coder_id FROM passage_tags WHERE tag_id = ?',
  ).run(into.id, from.id);
  let position = tree.childrenOf(into.id).reduce((max, child) => Math.max(max, child.position + 1), 0);
  for (const child of tree.childrenOf(from.id)) {
    const same = tree.childNamed(into.id, child.name);
    if (same && same.id !== from.id) {
      mergeInto(db, tree, child, same, now);
    } else {
      db.prepare('UPDATE tags SET parent_id = ?, position = ?, updated_at = ? WHERE id = ?').run(into.id, position++, now, child.id);
    }
  }
  db.prepare('DELETE FROM tags WHERE id = ?').run(from.id);
}

/** Merges tag `sourceId` into `targetId` (see mergeInto); undo restores every tag and tagging exactly. */
export function mergeTags(db: Database, clock: Clock, sourceId: number, targetId: number): Edit<Tag> {
  const tree = loadTree(db);
  const source = tree.get(sourceId);
  const target = tree.get(targetId);
  if (sourceId === targetId) throw new MarginaliaError('conflict', `"${source.name}" cannot be merged into itself.`);
  if (tree.subtree(sourceId).includes(targetId)) {
    throw new MarginaliaError(
      'conflict',
      `"${source.name}" cannot be merged into its own descendant "${tree.path(targetId)}"; move that tag out first.`,
    );
  }
  const touched = [...new Set([...tree.subtree(sourceId), ...tree.subtree(targetId)])];
  return recordEdit(
    db,
    () => [among('tags', 'id', touched), among('passage_tags', 'tag_id', touched)],
    () => {
      mergeInto(db, tree, source, target, isoNow(clock));
      return getTag(db, targetId);
    },
    () => ({ label: `Merge ${source.name} into ${target.name}`, changes: ['tags', 'passages'] }),
  );
}

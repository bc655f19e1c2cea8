import { newUid } from '../uid';
import type { Database } from 'better-sqlite3';
import type { Tag } from '../../shared/types';
import { isoNow, type Clock } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError } from '../errors';
import { among, recordEdit } from '../articles/row-changes';
import { pickColor } from './palette';
import { splitPath } from './paths';
import { getTag, loadTree, type Tree } from './queries';

export interface NewTag {
  path: string;
  color?: string | undefined;
  description?: string | undefined;
  parentId?: number | null | undefined;
}

/** Inserts one tag last among its siblings and records it in `tree`. */
export function insertTag(
  db: Database,
  clock: Clock,
  tree: Tree,
  tag: { parentId: number | null; name: string; color?: string | undefined; description?: string | undefined },
): number {
  const position = tree.childrenOf(tag.parentId).reduce((max, sibling) => Math.max(max, sibling.position + 1), 0);
  const now = isoNow(clock);
  const id = Number(
    db
      .prepare(
        `INSERT INTO tags (uid, parent_id, name, color, description, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(newUid(), tag.parentId, tag.name, (tag.color ?? pickColor(db)).toLowerCase(), tag.description ?? '', position, now, now)
      .lastInsertRowid,
  );
  tree.add({ id, parentId: tag.parentId, name: tag.name, position });
  return id;
}

/** Walks `names` down from `parentId`, reusing tags case-insensitively and creating the missing ones. */
export function ensurePath(
  db: Database,
  clock: Clock,
  tree: Tree,
  parentId: number | null,
  names: string[],
  created: number[],
): number | null {
  let parent = parentId;
  for (const name of names) {
    const existing = tree.childNamed(parent, name);
    if (existing) {
      parent = existing.id;
    } else {
      parent = insertTag(db, clock, tree, { parentId: parent, name });
      created.push(parent);
    }
  }
  return parent;
}

/** Creates a tag from a path such as "Middle East / Syria", with any missing ancestors; undo removes all it created. */
export function createTag(db: Database, clock: Clock, args: NewTag): Edit<Tag> {
  const created: number[] = [];
  return recordEdit(
    db,
    () => [among('tags', 'id', created)],
    () => {
      const tree = loadTree(db);
      const base = args.parentId ?? null;
      if (base !== null) tree.get(base);
      const names = splitPath(args.path);
      const parent = ensurePath(db, clock, tree, base, names.slice(0, -1), created);
      const name = names.at(-1)!;
      const clash = tree.childNamed(parent, name);
      if (clash) throw new MarginaliaError('conflict', `The tag "${tree.path(clash.id)}" already exists.`);
      const id = insertTag(db, clock, tree, { parentId: parent, name, color: args.color, description: args.description?.trim() });
      created.push(id);
      return getTag(db, id, tree);
    },
    (tag) => ({ label: `Create tag ${tag.path}`, changes: ['tags'] }),
  );
}

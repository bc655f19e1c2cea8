import type { Tag } from '../../../../electron/shared/types';
import { naturalCompare } from '../../../../electron/shared/natural-sort';

/** The codebook as parent → ordered children, with a lookup by id. */
export interface TagTree {
  byId: Map<number, Tag>;
  /** Children of each tag (null: top level), in codebook order. */
  children: Map<number | null, Tag[]>;
}

/** One visible row of the flattened tree. */
export interface TreeRow {
  tag: Tag;
  /** 1 for top-level tags. */
  level: number;
  hasChildren: boolean;
  expanded: boolean;
  /** 1-based position among its siblings, and their number (aria-posinset / aria-setsize). */
  posInSet: number;
  setSize: number;
}

const byPosition = (a: Tag, b: Tag) => a.position - b.position || naturalCompare(a.name, b.name);

export function buildTree(tags: readonly Tag[]): TagTree {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const children = new Map<number | null, Tag[]>();
  for (const tag of tags) {
    const parent = tag.parentId !== null && byId.has(tag.parentId) ? tag.parentId : null;
    const list = children.get(parent);
    if (list) list.push(tag);
    else children.set(parent, [tag]);
  }
  for (const list of children.values()) list.sort(byPosition);
  return { byId, children };
}

/**
 * The rows a user sees: depth-first, skipping the children of collapsed tags. With a filter, the
 * matching tags and their ancestors are shown, all expanded.
 */
export function flatten(tree: TagTree, collapsed: ReadonlySet<number>, filter = ''): TreeRow[] {
  const needle = filter.trim().toLocaleLowerCase();
  let shown: Set<number> | null = null;
  if (needle) {
    shown = new Set();
    for (const tag of tree.byId.values()) {
      if (!tag.name.toLocaleLowerCase().includes(needle)) continue;
      for (let t: Tag | undefined = tag; t && !shown.has(t.id); t = t.parentId === null ? undefined : tree.byId.get(t.parentId)) {
        shown.add(t.id);
      }
    }
  }
  const rows: TreeRow[] = [];
  const walk = (parent: number | null, level: number) => {
    const all = tree.children.get(parent) ?? [];
    const siblings = shown ? all.filter((t) => shown.has(t.id)) : all;
    siblings.forEach((tag, i) => {
      const kids = tree.children.get(tag.id);
      const hasChildren = kids !== undefined && kids.length > 0;
      const expanded = hasChildren && (shown !== null || !collapsed.has(tag.id));
      rows.push({ tag, level, hasChildren, expanded, posInSet: i + 1, setSize: siblings.length });
      if (expanded) walk(tag.id, level + 1);
    });
  };
  walk(null, 1);
  return rows;
}

/** The tag's descendants (not the tag itself). */
export function descendantsOf(tree: TagTree, id: number): Set<number> {
  const out = new Set<number>();
  const stack = [...(tree.children.get(id) ?? [])];
  while (stack.length) {
    const tag = stack.pop() as Tag;
    out.add(tag.id);
    stack.push(...(tree.children.get(tag.id) ?? []));
  }
  return out;
}

/** Tableau 10, the palette the library picks new tag colours from. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

// Counts are formatted in one place for the UI and the CLI.
export { formatCount as count, plural } from '../../../../electron/shared/counts';

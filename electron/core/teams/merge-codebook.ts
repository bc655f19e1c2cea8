import type { Database } from 'better-sqlite3';
import type { CodebookMapping, CodebookRow, MergeReport } from '../../shared/merge';
import type { Clock } from '../clock';
import { MarginaliaError } from '../errors';
import { ensurePath, insertTag } from '../tags/create';
import { nameKey, splitPath } from '../tags/paths';
import { loadTree, type Tree } from '../tags/queries';

const keyOf = (names: string[]): string => names.map(nameKey).join('/');

function findPath(tree: Tree, names: string[]): number | undefined {
  let id: number | null = null;
  for (const name of names) {
    const child = tree.childNamed(id, name);
    if (!child) return undefined;
    id = child.id;
  }
  return id ?? undefined;
}

function existingTag(tree: Tree, mapping: CodebookMapping): number {
  const to = mapping.to?.trim() ?? '';
  if (to === '')
    throw new MarginaliaError(
      'invalid-arguments',
      `"${mapping.from}": say which tag of this library to ${mapping.action} it ${mapping.action === 'map' ? 'onto' : 'into'}.`,
    );
  const id = findPath(tree, splitPath(to));
  if (id === undefined) {
    throw new MarginaliaError(
      'invalid-arguments',
      `"${mapping.from}" cannot be ${mapping.action === 'map' ? 'mapped onto' : 'merged into'} "${to}": this library has no such tag (to make it, choose create).`,
    );
  }
  return id;
}

/**
 * Brings the other library's codebook in by path: a tag whose path (case aside) is here is that
 * tag; the analyst's mappings send others onto an existing tag (their children then match under
 * it), create them (at their path or another), or merge them with everything below into one tag;
 * any other tag is created at its path with its colour and description. Nothing of ours is renamed
 * or moved. Returns, for each of their tag ids, the id of ours that takes its passages.
 */
export function mergeCodebook(
  ours: Database,
  theirs: Database,
  clock: Clock,
  mappings: readonly CodebookMapping[],
  report: MergeReport,
): Map<number, number> {
  const them = loadTree(theirs);
  const details = new Map(
    (theirs.prepare('SELECT id, color, description FROM tags').all() as Array<{ id: number; color: string; description: string }>).map(
      (t) => [t.id, t],
    ),
  );
  const uses = new Map(
    (theirs.prepare('SELECT tag_id AS id, count(*) AS n FROM passage_tags GROUP BY tag_id').all() as Array<{ id: number; n: number }>).map(
      (u) => [u.id, u.n],
    ),
  );
  const theirPaths = new Map(them.ordered().map((node) => [keyOf(splitPath(them.path(node.id))), node.id]));
  const chosen = new Map<string, CodebookMapping>();
  for (const mapping of mappings) {
    const key = keyOf(splitPath(mapping.from));
    if (!theirPaths.has(key))
      throw new MarginaliaError('invalid-arguments', `"${mapping.from}" is not a tag of ${report.file}, so it cannot be mapped.`);
    chosen.set(key, mapping);
  }

  const tree = loadTree(ours);
  const target = new Map<number, number>();
  const folded = new Set<number>();
  const row = (path: string, action: CodebookRow['action'], id: number, theirId: number): void => {
    if (action !== 'match') report.codebook.differing.push({ path, action, to: tree.path(id), passages: uses.get(theirId) ?? 0 });
  };
  for (const node of them.ordered()) {
    const path = them.path(node.id);
    const parent = node.parentId === null ? null : (target.get(node.parentId) as number);
    const { color, description } = details.get(node.id) as { color: string; description: string };
    const mapping = chosen.get(keyOf(splitPath(path)));
    let id: number;
    let action: CodebookRow['action'];
    if (node.parentId !== null && folded.has(node.parentId)) {
      [id, action] = [parent as number, 'merge'];
      folded.add(node.id);
    } else if (mapping && mapping.action !== 'create') {
      [id, action] = [existingTag(tree, mapping), mapping.action];
      if (action === 'merge') folded.add(node.id);
    } else if (mapping?.to?.trim()) {
      const names = splitPath(mapping.to);
      if (findPath(tree, names) !== undefined)
        throw new MarginaliaError(
          'invalid-arguments',
          `"${mapping.from}" cannot be created as "${mapping.to}": that tag exists already (choose map to put it there).`,
        );
      const created: number[] = [];
      const under = ensurePath(ours, clock, tree, null, names.slice(0, -1), created);
      [id, action] = [insertTag(ours, clock, tree, { parentId: under, name: names.at(-1) as string, color, description }), 'create'];
      report.codebook.created += created.length;
    } else {
      const same = tree.childNamed(parent, node.name);
      [id, action] = same
        ? [same.id, 'match']
        : [insertTag(ours, clock, tree, { parentId: parent, name: node.name, color, description }), 'create'];
    }
    target.set(node.id, id);
    if (action === 'match') report.codebook.matched++;
    else if (action === 'create') report.codebook.created++;
    else if (action === 'map') report.codebook.mapped++;
    else report.codebook.merged++;
    row(path, action, id, node.id);
  }
  return target;
}

/** Every tag's path ("Middle East / Syria"), for naming tags in mappings. */
export function theirTagPaths(db: Database): string[] {
  const tree = loadTree(db);
  return tree.ordered().map((node) => tree.path(node.id));
}

import type { Database } from 'better-sqlite3';
import { MarginaliaError } from '../errors';
import { type PassageFilter, conditions } from '../passages/list';
import { loadTree } from '../tags/queries';
import { splitPath } from '../tags/paths';

export type { PassageFilter };

/**
 * The Passages view's own conditions (passages.list), so an export holds exactly the passages
 * the view shows. A WHERE clause over `passages p JOIN articles a` with its parameters.
 */
export function filterSql(db: Database, filter: PassageFilter = {}): { where: string; params: unknown[] } {
  const where = conditions(filter, loadTree(db));
  // null: the filter can match nothing (a text search with no searchable word).
  if (!where) return { where: '0', params: [] };
  return { where: where.clauses.length > 0 ? where.clauses.join(' AND ') : '1', params: where.params };
}

/** Tag ids for paths such as "Middle East / Syria" (as the CLI's --tag takes them). */
export function tagIdsForPaths(db: Database, paths: string[]): number[] {
  const tree = loadTree(db);
  return paths.map((path) => {
    let parentId: number | null = null;
    for (const name of splitPath(path)) {
      const node = tree.childNamed(parentId, name);
      if (!node) {
        const known = tree.childrenOf(parentId).map((n) => n.name);
        throw new MarginaliaError(
          'not-found',
          `No tag "${name}" in the codebook${parentId === null ? '' : ` under "${tree.path(parentId)}"`}` +
            (known.length > 0 ? ` (there: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})` : ''),
        );
      }
      parentId = node.id;
    }
    return parentId as number;
  });
}

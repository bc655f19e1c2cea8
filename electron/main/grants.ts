import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { MarginaliaError } from '../core/errors';
import type { PathResolver, PathUse } from '../core/path-policy';

/** Most grants kept; the oldest go first (a session drops a few per import or export). */
const MAX_GRANTS = 10_000;

/**
 * Paths reach the page only as grants: opaque ids for a file the user chose in a dialog (to
 * write) or dropped on the window or picked in a file input (to read). Main resolves them; a path
 * the page makes up, or a read grant used to write, is refused.
 */
export class PathGrants {
  private readonly granted = new Map<string, { path: string; use: PathUse }>();

  grant(path: string, use: PathUse): string {
    const id = `grant:${randomUUID()}`;
    this.granted.set(id, { path, use });
    if (this.granted.size > MAX_GRANTS) this.granted.delete(this.granted.keys().next().value as string);
    return id;
  }

  readonly resolve: PathResolver = (id, use) => {
    const grant = this.granted.get(id);
    if (grant?.use === use) return grant.path;
    const what = grant ? basename(grant.path) : 'That file';
    const action = use === 'read' ? 'read' : 'write';
    throw new MarginaliaError(
      'forbidden',
      `${what}: Marginalia may ${action} only files you chose in its dialogs or dropped on its window. Choose the file again.`,
    );
  };
}

import type { ChangeKind } from '../shared/types';

/**
 * An applied edit: what it produced and how to take it back. `revert` runs inside a transaction
 * and returns the edit that re-applies it, so undo and redo are the same mechanism.
 */
export interface Edit<T = unknown> {
  value: T;
  label: string;
  changes: ChangeKind[];
  /**
   * Why taking the edit back would overwrite someone else's work (another window or program has
   * changed, deleted or added rows this edit wrote since), or null when it is safe. Runs in the
   * same transaction as `revert`, just before it.
   */
  conflict: () => string | null;
  revert: () => Edit;
}

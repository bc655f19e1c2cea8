import type { ChangeKind } from '../shared/types';

/**
 * An applied edit: what it produced and how to take it back. `revert` runs inside a transaction
 * and returns the edit that re-applies it, so undo and redo are the same mechanism.
 */
export interface Edit<T = unknown> {
  value: T;
  label: string;
  changes: ChangeKind[];
  revert: () => Edit;
}

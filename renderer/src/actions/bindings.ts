import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ActionId } from '../../../electron/shared/actions';

/** What an action does in this view, and whether it can now. */
export interface Binding {
  run(): void;
  /** Absent: always enabled while bound. */
  enabled?(): boolean;
  /** What it would act on now, for the command palette ("Refugees" for a pinned tag's key). */
  detail?(): string | undefined;
}

export type Bindings = Partial<Record<ActionId, Binding>>;

/** Per action, the components that bind it, innermost (last mounted) last: that one runs. */
const bound = new Map<ActionId, Array<() => Binding | undefined>>();

/**
 * Binds actions while the component is mounted. The object may be new on every render: the
 * latest one is read when an action runs, so bindings see current state without re-registering.
 */
export function useBindActions(bindings: Bindings): void {
  const latest = useRef(bindings);
  useLayoutEffect(() => {
    latest.current = bindings;
  });
  const ids = Object.keys(bindings).sort().join(' ');
  useEffect(() => {
    const entries = (ids ? (ids.split(' ') as ActionId[]) : []).map((id) => {
      const read = () => latest.current[id];
      const stack = bound.get(id) ?? [];
      stack.push(read);
      bound.set(id, stack);
      return { id, read };
    });
    return () => {
      for (const { id, read } of entries) {
        const stack = bound.get(id) ?? [];
        stack.splice(stack.lastIndexOf(read), 1);
      }
    };
  }, [ids]);
}

export function bindingOf(id: ActionId): Binding | undefined {
  return bound.get(id)?.at(-1)?.();
}

export function isEnabled(id: ActionId): boolean {
  const binding = bindingOf(id);
  return binding !== undefined && (binding.enabled?.() ?? true);
}

/** Runs an action if it is bound and enabled; says whether it ran. */
export function runAction(id: ActionId): boolean {
  const binding = bindingOf(id);
  if (!binding || !(binding.enabled?.() ?? true)) return false;
  binding.run();
  return true;
}

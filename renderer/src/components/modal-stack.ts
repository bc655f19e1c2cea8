/**
 * The open modal layers, topmost last. While one is open everything else in the page is inert
 * (no focus, no clicks, hidden from assistive technology), so a key or a stray Tab can never
 * reach the toolbar behind a dialog and open a second one over it.
 */
const stack: HTMLElement[] = [];
const madeInert = new Set<HTMLElement>();

function apply(): void {
  const top = stack.at(-1);
  for (const child of document.body.children) {
    if (!(child instanceof HTMLElement)) continue;
    if (top && child !== top && !child.contains(top)) {
      if (!child.inert) {
        child.inert = true;
        madeInert.add(child);
      }
    } else if (madeInert.has(child)) {
      child.inert = false;
      madeInert.delete(child);
    }
  }
  for (const element of madeInert) {
    if (!element.isConnected) madeInert.delete(element);
  }
}

/** Makes `layer` (a child of body) the topmost modal; the returned function releases it. */
export function holdModal(layer: HTMLElement): () => void {
  stack.push(layer);
  apply();
  return () => {
    const index = stack.lastIndexOf(layer);
    if (index >= 0) stack.splice(index, 1);
    apply();
  };
}

/** Whether a modal dialog is open (app-wide keys stay quiet under one). */
export function modalOpen(): boolean {
  return stack.length > 0;
}

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** What Tab reaches inside `root`, in order: visible controls, one radio per group (as the browser does). */
export function focusables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  const all = [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[inert]'),
  );
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name);
    const checked = group.find((o) => o.checked);
    return checked ? el === checked : el === group[0];
  });
}

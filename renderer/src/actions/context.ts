import type { ActionScope } from '../../../electron/shared/actions';
import { modalOpen } from '../components/modal-stack';

/** Where a key press lands: which scopes' keys are live, and whether it lands in a text field. */
export interface ActionContext {
  scopes: ReadonlySet<ActionScope>;
  typing: boolean;
}

/** Focus contexts mark their root with data-action-scope (the reader's layout, the tree, the grid). */
export const SCOPE_ATTRIBUTE = 'data-action-scope';

function isTextField(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  // The reader's text is contenteditable only for its caret: it keeps the reader's keys.
  if (element.closest('[data-reader-text]')) return false;
  return element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
}

/** Text of the article selected (a mouse selection leaves focus where it was). */
function selectionInReader(): boolean {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode) return false;
  const anchor = selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode.parentElement;
  return anchor?.closest('[data-reader-text]') != null;
}

/**
 * The context of a key press on `target` (or of the palette opened from there): none under a
 * modal dialog or in a menu (they own their keys); app keys, plus the innermost focus context, or
 * the reader when focus is nowhere in particular or its text is selected.
 */
export function contextOf(target: EventTarget | null): ActionContext | null {
  const element = target instanceof Element ? target : null;
  if (modalOpen() || element?.closest('[role="menu"], [role="dialog"]')) return null;
  const scopes = new Set<ActionScope>(['app']);
  const scoped = element?.closest(`[${SCOPE_ATTRIBUTE}]`)?.getAttribute(SCOPE_ATTRIBUTE);
  if (scoped === 'codebook' || scoped === 'passages' || scoped === 'claims' || scoped === 'claim') scopes.add(scoped);
  else if (scoped === 'reader' || element === null || element === document.body || selectionInReader()) scopes.add('reader');
  return { scopes, typing: isTextField(element) };
}

/** Whether focus is in a text field (undo from the menu then undoes the typing, not the library). */
export function typingInTextField(): boolean {
  return isTextField(document.activeElement);
}

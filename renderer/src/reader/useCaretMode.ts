import { useCallback, useState, type RefObject } from 'react';
import { placeCaret } from './dom-offsets';

/**
 * Caret mode in the reader's text (Tab into it, or F7): the text becomes contenteditable only so
 * that a caret and Shift+arrow selection work. `start` places the caret at the start of the first
 * line on screen unless the selection is already in the text.
 */
export function useCaretMode(body: RefObject<HTMLElement | null>) {
  const [caret, setCaret] = useState(false);
  const start = useCallback(() => {
    setCaret(true);
    requestAnimationFrame(() => {
      const root = body.current;
      const selection = window.getSelection();
      if (!root || ((selection?.rangeCount ?? 0) > 0 && root.contains(selection?.anchorNode ?? null))) return;
      const top = root.parentElement?.parentElement?.getBoundingClientRect().top ?? 0;
      const first = [...root.querySelectorAll<HTMLElement>('[data-start]')].find((run) => run.getBoundingClientRect().bottom > top);
      if (first?.firstChild) selection?.collapse(first.firstChild, 0);
    });
  }, [body]);
  const toggle = useCallback(() => (caret ? setCaret(false) : start()), [caret, start]);
  /**
   * Focus back in the text with the selection collapsed at a text offset (where the words just
   * tagged end), in caret mode or not: never at the first line on screen.
   */
  const resumeAt = useCallback(
    (offset: number, caretOn: boolean) => {
      const root = body.current;
      if (!root) return;
      placeCaret(root, offset);
      root.focus({ preventScroll: true });
      setCaret(caretOn);
    },
    [body],
  );
  return { caret, setCaret, start, toggle, resumeAt };
}

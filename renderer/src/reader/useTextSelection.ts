import { useCallback, useEffect, useState, type RefObject } from 'react';
import { modalOpen } from '../components/modal-stack';
import { domRangeOf, selectionRange, trimRange, type TextRange } from './dom-offsets';

/** A range of the article with where its toolbar or picker floats (relative to the text's box). */
export interface Floating {
  range: TextRange;
  top: number;
  left: number;
}

/**
 * The user's text selection inside the reader, as article offsets (trimmed of outer spaces),
 * read once per frame while it changes (not under a dialog). `clearSelectionOf` drops the browser's selection only
 * while it is still that range: the user may already have selected the next phrase.
 */
export function useTextSelection(body: RefObject<HTMLElement | null>, text: string) {
  const [floating, setFloating] = useState<Floating | null>(null);

  /**
   * The selection as it is now. `floating` follows selectionchange a frame late, so an action (T,
   * N, a toolbar click) reads this instead: a key pressed right after the last Shift+→ or the end
   * of a drag must act on all of the selection, not on the frame before.
   */
  const liveSelection = useCallback((): Floating | null => {
    const root = body.current;
    if (!root) return null;
    const raw = selectionRange(root);
    const range = raw && trimRange(text, raw);
    if (!range) return null;
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    const host = root.getBoundingClientRect();
    return { range, top: (rect?.top ?? host.top) - host.top, left: Math.max(0, (rect?.left ?? host.left) - host.left) };
  }, [body, text]);
  // Under a dialog the toolbar stays where it was (focus in the dialog takes the selection away),
  // so closing the dialog gives focus back to the toolbar button that opened it.
  const readSelection = useCallback(() => !modalOpen() && setFloating(liveSelection()), [liveSelection]);

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(readSelection);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [readSelection]);

  const clearSelectionOf = useCallback(
    (range: TextRange) => {
      const root = body.current;
      const current = root ? selectionRange(root) : null;
      const trimmed = current && trimRange(text, current);
      if (trimmed && trimmed.start === range.start && trimmed.end === range.end) window.getSelection()?.removeAllRanges();
    },
    [body, text],
  );

  /** Selects a range of the text again (a dialog opened on it was cancelled). */
  const restoreSelection = useCallback(
    (range: TextRange) => {
      const dom = body.current && domRangeOf(body.current, range);
      if (!dom) return;
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(dom);
    },
    [body],
  );

  return { floating, setFloating, liveSelection, clearSelectionOf, restoreSelection };
}

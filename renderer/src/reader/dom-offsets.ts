/**
 * DOM positions ↔ text offsets. Every run of article text is rendered as one element with
 * data-start (its offset in the article text) holding exactly one text node (a run of marks not
 * laid out is a placeholder with data-hidden-start/-end instead), and every block
 * carries data-block-start/data-block-end, so a DOM point maps to a UTF-16 offset without
 * walking the tree.
 */

function runOffset(run: HTMLElement, within: number): number {
  return Number(run.dataset.start) + within;
}

/** The text offset of a DOM point inside the reader, or null when it lies outside any text. */
export function offsetOfPoint(node: Node, offset: number): number | null {
  // The placeholder of marks the reader does not lay out (long-runs.ts) stands for all of them.
  const hidden = (node instanceof HTMLElement ? node : node.parentElement)?.closest<HTMLElement>('[data-hidden-start]');
  if (hidden) return Number(offset === 0 ? hidden.dataset.hiddenStart : hidden.dataset.hiddenEnd);
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>('[data-start]');
    return run ? runOffset(run, offset) : null;
  }
  if (!(node instanceof HTMLElement)) return null;
  const run = node.closest<HTMLElement>('[data-start]');
  if (run) return runOffset(run, offset === 0 ? 0 : (run.textContent ?? '').length);
  const block = node.closest<HTMLElement>('[data-block-start]');
  if (block) {
    // A point between children of a block: the start of the next run, else the block's end.
    const next = node.childNodes[offset];
    const nextRun =
      next instanceof HTMLElement ? (next.matches('[data-start]') ? next : next.querySelector<HTMLElement>('[data-start]')) : null;
    return nextRun ? Number(nextRun.dataset.start) : Number(block.dataset.blockEnd);
  }
  // A point between blocks (e.g. a triple-click selection ending at the next block's start).
  const after = node.childNodes[offset];
  const nextBlock =
    after instanceof HTMLElement
      ? (after.querySelector<HTMLElement>('[data-block-start]') ?? (after.matches('[data-block-start]') ? after : null))
      : null;
  if (nextBlock) return Number(nextBlock.dataset.blockStart);
  const before = node.childNodes[offset - 1];
  const prevBlock =
    before instanceof HTMLElement
      ? ([...before.querySelectorAll<HTMLElement>('[data-block-end]')].pop() ?? (before.matches('[data-block-end]') ? before : null))
      : null;
  return prevBlock ? Number(prevBlock.dataset.blockEnd) : null;
}

export interface TextRange {
  start: number;
  end: number;
}

/** The current selection as text offsets, when it lies inside `root` and is not empty. */
export function selectionRange(root: HTMLElement): TextRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetOfPoint(range.startContainer, range.startOffset);
  const end = offsetOfPoint(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Trims whitespace at both ends of a range, as analysts expect when they drag over a line end. */
export function trimRange(text: string, range: TextRange): TextRange | null {
  let { start, end } = range;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** The DOM point of a text offset: inside the run holding it (`atEnd`: the run ending there wins). */
function pointOf(root: HTMLElement, offset: number, atEnd: boolean): [Node, number] | null {
  // The block first, then its runs: a long article has thousands of runs and a handful of blocks per screen.
  const block = [...root.querySelectorAll<HTMLElement>('[data-block-start]')].find(
    (b) => Number(b.dataset.blockStart) <= offset && offset <= Number(b.dataset.blockEnd) && (atEnd || offset < Number(b.dataset.blockEnd)),
  );
  if (!block) return null;
  for (const run of block.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(run.dataset.start);
    const length = run.firstChild?.textContent?.length ?? 0;
    const inside = atEnd ? offset > start && offset <= start + length : offset >= start && offset < start + length;
    if (inside && run.firstChild) return [run.firstChild, offset - start];
  }
  return null;
}

/** A DOM range over text offsets of the rendered article, or null when a part is not rendered. */
export function domRangeOf(root: HTMLElement, range: TextRange): Range | null {
  const start = pointOf(root, range.start, false);
  const end = pointOf(root, range.end, true);
  if (!start || !end) return null;
  const dom = document.createRange();
  dom.setStart(...start);
  dom.setEnd(...end);
  return dom;
}

/** Collapses the selection at a text offset (the caret's place), when that text is rendered. */
export function placeCaret(root: HTMLElement, offset: number): boolean {
  const point = pointOf(root, offset, true) ?? pointOf(root, offset, false);
  if (!point) return false;
  window.getSelection()?.collapse(...point);
  return true;
}

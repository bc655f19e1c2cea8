import { useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { domRangeOf, type TextRange } from './dom-offsets';
import { TagPicker } from './TagPicker';

/** The name of the CSS highlight that keeps the words being tagged marked while focus is in the picker. */
const PENDING = 'tag-picking';
const GAP = 8;

type Props = Omit<ComponentProps<typeof TagPicker>, 'style'> & {
  body: RefObject<HTMLElement | null>;
  range: TextRange;
};

/**
 * Where the picker goes, in window pixels: in the margin beside the words' last line when it fits
 * there (the text stays readable), else just below the words, else just above them; never over them.
 */
function place(words: Range, picker: DOMRect): Place {
  const lines = [...words.getClientRects()].filter((r) => r.width > 0);
  const all = words.getBoundingClientRect();
  const first = lines[0] ?? all;
  const last = lines.at(-1) ?? all;
  const textBox = (words.endContainer.parentElement?.closest('.text') ?? words.endContainer.parentElement)?.getBoundingClientRect();
  const fitTop = (top: number) => Math.max(GAP, Math.min(top, window.innerHeight - picker.height - GAP));
  const beside = (textBox?.right ?? all.right) + GAP;
  if (beside + picker.width <= window.innerWidth - GAP) return { left: beside, top: fitTop(last.bottom) };
  const left = Math.max(GAP, Math.min(last.left, window.innerWidth - picker.width - GAP));
  const below = all.bottom + GAP;
  if (below + picker.height <= window.innerHeight - GAP) return { left, top: below };
  return { left: Math.max(GAP, Math.min(first.left, window.innerWidth - picker.width - GAP)), top: fitTop(all.top - GAP - picker.height) };
}

type Place = { left: number; top: number };

const same = (a: Place | null, b: Place) => a !== null && Math.abs(a.left - b.left) < 0.5 && Math.abs(a.top - b.top) < 0.5;

/** Marks the words (a CSS highlight) and says where the picker goes, once both are rendered. */
function measure(root: HTMLElement | null, range: TextRange, picker: HTMLElement | null): Place | null {
  const words = root ? domRangeOf(root, range) : null;
  if (!words || !picker) return null;
  CSS.highlights.set(PENDING, new Highlight(words));
  return place(words, picker.getBoundingClientRect());
}

/**
 * The quick tag picker for words in the reader: floating on the page beside them, following them
 * as the text scrolls, with the words kept marked (focus in the picker takes the browser's own
 * selection away).
 */
export function FloatingTagPicker({ body, range, ...picker }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<Place | null>(null);

  useLayoutEffect(() => {
    const next = measure(body.current, range, box.current);
    if (next) setAt((now) => (same(now, next) ? now : next));
  }, [body, range]);
  // Again as the text scrolls, and when its DOM changes (tagging re-renders the words' block, so their range is made anew).
  useEffect(() => {
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = measure(body.current, range, box.current);
        if (next) setAt((now) => (same(now, next) ? now : next));
      });
    };
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    const changes = new MutationObserver(follow);
    if (body.current) changes.observe(body.current, { childList: true, subtree: true, characterData: true });
    return () => {
      changes.disconnect();
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
      CSS.highlights.delete(PENDING);
    };
  }, [body, range]);

  return createPortal(
    <div ref={box} className="floating-picker" style={at ? { left: at.left, top: at.top } : { left: 0, top: 0, opacity: 0 }}>
      <TagPicker {...picker} />
    </div>,
    document.body,
  );
}

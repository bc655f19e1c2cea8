import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  label: string;
  onSelect(): void;
  danger?: boolean;
  disabled?: boolean;
  /** Shortcut shown beside the label (the tree handles the key itself). */
  shortcut?: string;
}

interface Props {
  label: string;
  items: MenuItem[];
  /** Where to open, in viewport pixels (top-left corner, kept on screen). */
  at: { x: number; y: number };
  onClose(): void;
}

/**
 * A popup menu (role menu): focus moves in, arrows move, Enter or click runs, Escape or Tab closes.
 * Rendered on the page itself, so no panel clips it or scrolls to show it.
 */
export function Menu({ label, items, at, onClose }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      items.findIndex((i) => !i.disabled),
    ),
  );

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPos({
      x: Math.max(4, Math.min(at.x, window.innerWidth - width - 4)),
      y: Math.max(4, at.y + height > window.innerHeight - 4 ? at.y - height : at.y),
    });
  }, [at]);

  // Focus moves with the active item in the event that moves it (and on mount in a layout effect),
  // never in a passive effect: one still pending when an item is clicked would pull focus back into
  // the closing menu, and the dialog the item opens would then return focus to a menu that is gone.
  const focusItem = (index: number) => {
    setActive(index);
    box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[index]?.focus({ preventScroll: true });
  };
  const initial = useRef(active);
  useLayoutEffect(() => {
    box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[initial.current]?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) onClose();
    };
    const onBlur = () => onClose();
    document.addEventListener('mousedown', onDown, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('resize', onBlur);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onBlur);
    };
  }, [onClose]);

  const move = (from: number, step: number) => {
    for (let i = 1; i <= items.length; i++) {
      const next = (from + step * i + items.length * i) % items.length;
      if (!items[next]?.disabled) return focusItem(next);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    const key = event.key;
    if (key === 'ArrowDown') move(active, 1);
    else if (key === 'ArrowUp') move(active, -1);
    else if (key === 'Home') move(-1, 1);
    else if (key === 'End') move(items.length, -1);
    else if (key === 'Escape' || key === 'Tab') onClose();
    else if (key.length === 1 && /\S/.test(key)) {
      const lower = key.toLowerCase();
      const start = active + 1;
      for (let i = 0; i < items.length; i++) {
        const index = (start + i) % items.length;
        const item = items[index];
        if (item && !item.disabled && item.label.toLowerCase().startsWith(lower)) {
          focusItem(index);
          break;
        }
      }
    } else return;
    event.preventDefault();
  };

  return createPortal(
    <div ref={box} className="menu" role="menu" aria-label={label} style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown}>
      {items.map((item, index) => (
        <div
          key={item.label}
          role="menuitem"
          tabIndex={index === active ? 0 : -1}
          aria-disabled={item.disabled || undefined}
          className={item.danger ? 'menu-item danger' : 'menu-item'}
          onMouseEnter={() => !item.disabled && focusItem(index)}
          onClick={() => {
            if (item.disabled) return;
            onClose();
            item.onSelect();
          }}
          onKeyDown={(event) => {
            if ((event.key === 'Enter' || event.key === ' ') && !item.disabled) {
              event.preventDefault();
              event.stopPropagation();
              onClose();
              item.onSelect();
            }
          }}
        >
          <span>{item.label}</span>
          {item.shortcut ? <kbd>{item.shortcut}</kbd> : null}
        </div>
      ))}
    </div>,
    document.body,
  );
}

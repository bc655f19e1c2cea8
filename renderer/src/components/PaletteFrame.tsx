import type { KeyboardEvent, ReactNode } from 'react';
import { Dialog } from './Dialog';

interface Props {
  /** The dialog's accessible name. */
  label: string;
  icon: string;
  input: {
    label: string;
    placeholder: string;
    listId: string;
    /** An element that explains the input (the search box's help). */
    describedBy?: string;
    expanded: boolean;
    activeId: string | undefined;
    value: string;
    onChange(value: string): void;
  };
  status: string;
  /** How many results there are, which one is active, and moving it. */
  count: number;
  active: number;
  onActive(index: number): void;
  /** Enter: open or run the active result. */
  onEnter(): void;
  /** Escape or a click beside it. */
  onDismiss(): void;
  /** The results (a listbox, with any alert above it). */
  children: ReactNode;
}

const PAGE = 8;

/**
 * A palette: a modal dialog near the top of the window with one combobox over its results; the
 * arrows and Page keys move through them, Enter takes the active one (Dialog does Escape and Tab).
 */
export function PaletteFrame({ label, icon, input, status, count, active, onActive, onEnter, onDismiss, children }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: (active + 1) % count,
      ArrowUp: (active - 1 + count) % count,
      PageDown: Math.min(count - 1, active + PAGE),
      PageUp: Math.max(0, active - PAGE),
    };
    const to = moves[event.key];
    if (to !== undefined) {
      if (count > 0) onActive(to);
    } else if (event.key === 'Enter') {
      // Enter on a button inside the palette (a tab, "Code all hits…") presses that button.
      if (event.nativeEvent.isComposing || !(event.target instanceof HTMLInputElement)) return;
      onEnter();
    } else return;
    event.preventDefault();
  };
  return (
    <Dialog
      label={label}
      className="palette"
      backdropClassName="dialog-backdrop palette-backdrop"
      onClose={onDismiss}
      onKeyDown={onKeyDown}
    >
      <div className="palette-input">
        <span className="palette-icon" aria-hidden="true">
          {icon}
        </span>
        <input
          type="text"
          role="combobox"
          aria-label={input.label}
          aria-expanded={input.expanded}
          aria-controls={input.listId}
          aria-autocomplete="list"
          aria-activedescendant={input.activeId}
          aria-describedby={input.describedBy}
          placeholder={input.placeholder}
          autoComplete="off"
          spellCheck={false}
          value={input.value}
          onChange={(e) => input.onChange(e.target.value)}
        />
        <kbd aria-hidden="true">Esc</kbd>
      </div>
      <div className="palette-status" role="status" aria-live="polite">
        {status}
      </div>
      {children}
    </Dialog>
  );
}

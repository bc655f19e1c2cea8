import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';

interface Props<T> {
  /** The text field's accessible name and hint. */
  label: string;
  placeholder: string;
  /** The list's accessible name. */
  listLabel: string;
  query: string;
  onQueryChange(text: string): void;
  options: readonly T[];
  keyOf(option: T): string;
  render(option: T): ReactNode;
  optionClass?(option: T): string | undefined;
  /** Whether an option is selected (aria-selected); by default the active one is. */
  isSelected?(option: T, active: boolean): boolean;
  /** Enter on the active option, or a click on one. */
  onPick(option: T, how: 'key' | 'click'): void;
  onEscape?(): void;
  onBlur?(event: FocusEvent<HTMLInputElement>): void;
  /** Shown in the list when no option is. */
  empty: ReactNode;
}

/**
 * A text field that filters a list (ARIA combobox with a listbox): focus starts in the field, the
 * arrows move the active option, Enter or a click picks it, Escape is the caller's. A fragment, so
 * the caller's element holds both.
 */
export function ComboList<T>({
  label,
  placeholder,
  listLabel,
  query,
  onQueryChange,
  options,
  keyOf,
  render,
  optionClass,
  isSelected = (_, active) => active,
  onPick,
  onEscape,
  onBlur,
  empty,
}: Props<T>) {
  const [active, setActive] = useState(0);
  // New words, a new list: the first option is active again.
  const [shownFor, setShownFor] = useState(query);
  if (shownFor !== query) {
    setShownFor(query);
    setActive(0);
  }
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const at = Math.min(active, Math.max(0, options.length - 1));
  const current = options[at];

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive(Math.min(options.length - 1, at + 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(0, at - 1));
    else if (event.key === 'Enter') {
      if (current !== undefined) onPick(current, 'key');
    } else if (event.key === 'Escape' && onEscape) onEscape();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <>
      <input
        ref={input}
        role="combobox"
        aria-label={label}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={current !== undefined ? `${listId}-${keyOf(current)}` : undefined}
        aria-autocomplete="list"
        placeholder={placeholder}
        value={query}
        onChange={(e) => onQueryChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <ul id={listId} role="listbox" aria-label={listLabel}>
        {options.map((option, i) => (
          <li
            key={keyOf(option)}
            id={`${listId}-${keyOf(option)}`}
            role="option"
            aria-selected={isSelected(option, i === at)}
            className={[optionClass?.(option), i === at ? 'active' : undefined].filter(Boolean).join(' ') || undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setActive(i);
              onPick(option, 'click');
            }}
          >
            {render(option)}
          </li>
        ))}
        {options.length === 0 ? (
          <li className="hint" role="presentation">
            {empty}
          </li>
        ) : null}
      </ul>
    </>
  );
}

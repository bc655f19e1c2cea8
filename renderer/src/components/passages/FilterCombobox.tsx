import { useEffect, useId, useState, type KeyboardEvent } from 'react';

export interface ComboOption {
  id: number;
  label: string;
  detail?: string;
  color?: string;
}

interface Props {
  label: string;
  placeholder: string;
  /** Options for the current text (the caller filters them; at most a few dozen). */
  options: ComboOption[];
  query: string;
  onQueryChange(query: string): void;
  onPick(option: ComboOption): void;
  emptyText?: string;
}

/** A text box with a suggestion list (ARIA combobox with listbox popup): type, arrow, Enter to add. */
export function FilterCombobox({ label, placeholder, options, query, onQueryChange, onPick, emptyText = 'Nothing matches' }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const index = Math.min(active, options.length - 1);
  const activeOption = index >= 0 ? options[index] : undefined;

  const activeId = open && activeOption ? `${listId}-${activeOption.id}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const pick = (option: ComboOption) => {
    onPick(option);
    onQueryChange('');
    setActive(0);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const n = options.length;
      if (n) setActive((index + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (event.key === 'Enter') {
      if (open && activeOption) {
        event.preventDefault();
        pick(activeOption);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      }
    }
  };

  return (
    <div className="combo">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        placeholder={placeholder}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          onQueryChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <div className="combo-popup" id={listId} role="listbox" aria-label={label}>
          {options.length === 0 ? (
            <div className="combo-empty">{emptyText}</div>
          ) : (
            options.map((option, i) => (
              <div
                key={option.id}
                id={`${listId}-${option.id}`}
                role="option"
                aria-selected={i === index}
                className="combo-option"
                // Keep focus in the input: a click picks without blurring first.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(option)}
              >
                {option.color ? <span className="swatch" style={{ background: option.color }} aria-hidden="true" /> : null}
                <span className="combo-label">{option.label}</span>
                {option.detail ? <span className="combo-detail">{option.detail}</span> : null}
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}

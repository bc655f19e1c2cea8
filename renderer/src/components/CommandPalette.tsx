import { useEffect, useId, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { ACTIONS, type ActionId } from '../../../electron/shared/actions';
import { bindingOf, isEnabled, runAction } from '../actions/bindings';
import { contextOf } from '../actions/context';
import { matchCommands, type PaletteEntry } from '../actions/palette-match';
import { keysOf } from '../actions/platform';
import { PaletteFrame } from './PaletteFrame';

interface Entry extends PaletteEntry {
  id: ActionId;
  keys: string[];
}

/** Where the palette was opened from: focus and text selection go back there before a command runs. */
function captureOrigin() {
  const focus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const selection = window.getSelection();
  const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0).cloneRange() : null;
  return { focus, range, context: contextOf(focus) };
}

/**
 * Ctrl+Shift+P (⌘⇧P): every action available where the palette was opened, found by typing its
 * name; Enter runs it there. A modal dialog with a combobox over a listbox.
 */
export function CommandPalette({ onClose }: { onClose(): void }) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [origin] = useState(captureOrigin);
  const entries = useMemo<Entry[]>(
    () =>
      ACTIONS.filter((a) => a.id !== 'command-palette' && bindingOf(a.id) && origin.context?.scopes.has(a.scope))
        // Of a row of number keys, only those that would act (a tag pinned there); the rest is noise.
        .filter((a) => !('series' in a) || isEnabled(a.id))
        .map((a) => {
          const detail = bindingOf(a.id)?.detail?.();
          return { id: a.id, label: detail ? `${a.label}: ${detail}` : a.label, keys: keysOf(a.id), enabled: isEnabled(a.id) };
        }),
    [origin],
  );
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => matchCommands(entries, text), [entries, text]);
  const index = Math.min(active, shown.length - 1);
  const activeEntry = index >= 0 ? shown[index] : undefined;
  const optionId = (entry: Entry) => `${baseId}-${entry.id}`;
  const activeOptionId = activeEntry ? optionId(activeEntry) : null;
  useEffect(() => {
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView({ block: 'nearest' });
  }, [activeOptionId]);

  /**
   * Closes the palette at once (the dialog gives focus back and the window stops being inert),
   * then puts back the text selection it was opened on, so a command acts there.
   */
  const close = () => {
    flushSync(onClose);
    if (origin.range && origin.range.startContainer.isConnected) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(origin.range);
    }
  };
  const choose = (entry: Entry | undefined) => {
    if (!entry?.enabled) return;
    close();
    runAction(entry.id);
  };

  const status = shown.length === 0 ? `No command matches “${text.trim()}”.` : `${shown.length} command${shown.length === 1 ? '' : 's'}`;

  return (
    <PaletteFrame
      label="Command palette"
      icon="›"
      input={{
        label: 'Command',
        placeholder: 'Type a command',
        listId,
        expanded: shown.length > 0,
        activeId: activeEntry ? optionId(activeEntry) : undefined,
        value: text,
        onChange: (value) => {
          setText(value);
          setActive(0);
        },
      }}
      status={status}
      count={shown.length}
      active={index}
      onActive={setActive}
      onEnter={() => choose(activeEntry)}
      onDismiss={close}
    >
      <div id={listId} role="listbox" aria-label="Commands" className="palette-results">
        {shown.map((entry) => (
          <div
            key={entry.id}
            id={optionId(entry)}
            role="option"
            aria-selected={entry === activeEntry}
            aria-disabled={!entry.enabled || undefined}
            className="palette-option command-option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => entry !== activeEntry && setActive(shown.indexOf(entry))}
            onClick={() => choose(entry)}
          >
            <span className="command-label">{entry.label}</span>
            {entry.enabled ? null : <span className="command-note">not available here</span>}
            {entry.keys.length ? (
              <span className="command-keys">
                {entry.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </span>
            ) : null}
          </div>
        ))}
      </div>
    </PaletteFrame>
  );
}

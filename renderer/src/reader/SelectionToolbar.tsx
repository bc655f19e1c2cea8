import type { MouseEvent } from 'react';
import { ariaKeysOf } from '../actions/platform';
import type { Floating } from './useTextSelection';

interface Props {
  at: Floating;
  onTag(): void;
  onNote(): void;
  onMakeClaim(): void;
  onAddToClaim(): void;
  onCopyCitation(): void;
}

/**
 * A button that opens a dialog takes focus first (its mousedown is prevented so that the selection
 * stays), so the dialog gives focus back to it when it closes.
 */
const opening = (open: () => void) => (event: MouseEvent<HTMLButtonElement>) => {
  event.currentTarget.focus({ preventScroll: true });
  open();
};

/** What can be done with selected text, floating above it. Pressing it keeps the selection. */
export function SelectionToolbar({ at, onTag, onNote, onMakeClaim, onAddToClaim, onCopyCitation }: Props) {
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={{ top: at.top - 44, left: at.left }}
      onMouseDown={(e) => e.preventDefault()}
    >
      <button type="button" className="button small" onClick={onTag} aria-keyshortcuts={ariaKeysOf('tag')}>
        Tag
      </button>
      <button type="button" className="button small" onClick={onNote} aria-keyshortcuts={ariaKeysOf('note')}>
        Note
      </button>
      <button type="button" className="button small" onClick={opening(onMakeClaim)} aria-keyshortcuts={ariaKeysOf('make-claim')}>
        Make claim
      </button>
      <button type="button" className="button small" onClick={opening(onAddToClaim)} aria-keyshortcuts={ariaKeysOf('add-to-claim')}>
        Add to claim
      </button>
      <button type="button" className="button small" onClick={onCopyCitation}>
        Copy with citation
      </button>
    </div>
  );
}

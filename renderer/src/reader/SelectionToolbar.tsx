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
      <button type="button" className="button small" onClick={onMakeClaim} aria-keyshortcuts={ariaKeysOf('make-claim')}>
        Make claim
      </button>
      <button type="button" className="button small" onClick={onAddToClaim} aria-keyshortcuts={ariaKeysOf('add-to-claim')}>
        Add to claim
      </button>
      <button type="button" className="button small" onClick={onCopyCitation}>
        Copy with citation
      </button>
    </div>
  );
}

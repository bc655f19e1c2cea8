import { useEffect, useId, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';
import { PLATFORM } from '../../actions/platform';

/** Saves what was typed, if anything changed; resolves false when saving failed (the error is shown). */
export type SaveMemo = () => Promise<boolean>;

interface Props {
  /** The article whose memo this is, or null for the library's. */
  articleId: number | null;
  /** What the memo is about, for the text field's name ("Memo on …"). */
  about: string;
  /** Where the editor puts its save, so that whoever closes it can save first. */
  saveRef?: RefObject<SaveMemo | null>;
  /** Mod+Enter: save and be done. */
  onDone?(): void;
  /** More buttons beside Save (the dialog's Done). */
  actions?: ReactNode;
}

const saveTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A memo in Markdown: the text as it was saved, edited in place. Saving is one undoable edit
 * (Undo in the toolbar takes it back); a change made elsewhere (undo, another window) shows up
 * here unless the analyst is in the middle of typing.
 */
export function MemoEditor({ articleId, about, saveRef, onDone, actions }: Props) {
  const memo = useCommand('memos.get', { articleId });
  const saved = memo.data?.text ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const text = draft ?? saved;
  // Typing makes a draft; once saved, the field follows the library's text again (undo, another window).
  const dirty = draft !== null && draft !== saved;

  const save = async (): Promise<boolean> => {
    if (!dirty) return true;
    setStatus('saving');
    setError(null);
    try {
      await call('memos.set', { articleId, text });
      await memo.refetch();
      // What was typed while it saved stays a draft.
      setDraft((current) => (current === text ? null : current));
      setStatus('saved');
      return true;
    } catch (e) {
      setError(`The memo was not saved: ${(e as Error).message}`);
      setStatus('idle');
      return false;
    }
  };
  useEffect(() => {
    if (saveRef) saveRef.current = save;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (PLATFORM === 'mac' ? event.metaKey : event.ctrlKey)) {
      event.preventDefault();
      void save().then((ok) => ok && onDone?.());
    }
  };

  const when = memo.data?.updatedAt ? `Last saved ${saveTime.format(new Date(memo.data.updatedAt))}` : 'No memo yet';
  return (
    <div className="memo-editor">
      <textarea
        aria-label={`Memo on ${about}`}
        aria-describedby={hintId}
        value={text}
        readOnly={memo.isPending}
        placeholder={memo.isPending ? 'Loading…' : 'Write in Markdown: # Heading, **bold**, - list item'}
        onChange={(e) => {
          setDraft(e.target.value);
          setStatus('idle');
        }}
        onKeyDown={onKeyDown}
        rows={16}
        data-autofocus=""
      />
      <div className="memo-status">
        <span id={hintId} className="muted small">
          Markdown. {PLATFORM === 'mac' ? '⌘' : 'Ctrl'}+Enter saves and closes; Undo takes a save back.
        </span>
        <span role="status" className="small">
          {status === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : status === 'saved' ? 'Saved' : when}
        </span>
      </div>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="buttons">
        <button type="button" className="button" disabled={!dirty || status === 'saving'} onClick={() => void save()}>
          Save
        </button>
        {actions}
      </div>
    </div>
  );
}

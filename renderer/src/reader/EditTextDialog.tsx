import { useState } from 'react';
import type { AnchorCounts, Article } from '../../../electron/shared/types';
import { call } from '../client/api';
import { Dialog } from '../components/Dialog';

/** Fixes an article's text (OCR or import errors); passages follow their words, and it is undoable. */
export function EditTextDialog({ article, onClose, onSaved }: { article: Article; onClose(): void; onSaved(counts: AnchorCounts): void }) {
  const [text, setText] = useState(article.text);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      const result = await call('articles.editText', { id: article.id, text });
      onSaved(result.reanchored);
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };
  return (
    <Dialog title="Edit text" onClose={onClose} wide>
      <p className="muted small">
        Correct the text; highlights follow their words. Blank lines separate paragraphs. Undo restores the previous text.
      </p>
      <textarea className="edit-text" aria-label="Article text" value={text} onChange={(e) => setText(e.target.value)} rows={18} />
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="buttons">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={saving || text === article.text} onClick={() => void save()}>
          Save text
        </button>
      </div>
    </Dialog>
  );
}

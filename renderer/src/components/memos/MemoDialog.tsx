import { useRef } from 'react';
import { Dialog } from '../Dialog';
import { MemoEditor, type SaveMemo } from './MemoEditor';

/**
 * The memo of an article or of the library in a dialog. However it is closed (Done, Escape, a
 * click beside it), what was typed is saved first; a failed save keeps it open with the error.
 */
export function MemoDialog({ articleId, about, onClose }: { articleId: number | null; about: string; onClose(): void }) {
  const save = useRef<SaveMemo | null>(null);
  const close = async () => {
    if (await (save.current?.() ?? Promise.resolve(true))) onClose();
  };
  return (
    <Dialog title={articleId === null ? 'Library memo' : 'Article memo'} onClose={() => void close()} wide>
      <p className="muted small">
        {articleId === null ? 'Notes on the whole study: questions, decisions, the codebook’s history.' : `On “${about}”.`}
      </p>
      <MemoEditor
        articleId={articleId}
        about={about}
        saveRef={save}
        onDone={onClose}
        actions={
          <button type="button" className="button primary" onClick={() => void close()}>
            Done
          </button>
        }
      />
    </Dialog>
  );
}

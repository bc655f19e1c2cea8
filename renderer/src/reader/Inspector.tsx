import { useEffect, useRef, useState } from 'react';
import type { Article, Passage, Tag } from '../../../electron/shared/types';
import { call } from '../client/api';
import { formatPublished } from '../format';
import { PassageClaims } from './claims/PassageClaims';
import { TagPicker } from './TagPicker';
import { citation } from './citation';

interface Props {
  article: Article;
  passage: Passage;
  tags: Tag[];
  /** A text selection the user made, offered for re-attaching an orphaned passage. */
  selection: { start: number; end: number } | null;
  focusNote: boolean;
  onApplyTag(passageId: number, choice: { tagId: number } | { createPath: string }): Promise<void>;
  /** The passage's id in the library (one still being saved has a temporary id until then). */
  savedId(id: number): Promise<number>;
  onDeleted(): void;
  onError(message: string): void;
  /** Make claim / Add to claim from this passage. */
  onClaim(what: 'make' | 'add'): void;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** The selected passage in full: quote, tags, note, its claims, dates, and its actions. */
export function Inspector({ article, passage, tags, selection, focusNote, onApplyTag, savedId, onDeleted, onError, onClaim }: Props) {
  // The draft note; the same passage changed elsewhere (undo, another window) resets it.
  const [draft, setDraft] = useState({ base: passage.note, text: passage.note });
  const note = draft.base === passage.note ? draft.text : passage.note;
  const setNote = (text: string) => setDraft({ base: passage.note, text });
  const [picking, setPicking] = useState(false);
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const byId = new Map(tags.map((t) => [t.id, t]));

  useEffect(() => {
    if (focusNote) noteBox.current?.focus();
  }, [focusNote, passage.id]);

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const saveNote = () => {
    if (note !== passage.note) void run(async () => call('passages.update', { id: await savedId(passage.id), note }));
  };

  return (
    <section className="inspector" aria-label="Passage">
      <header>
        <h2>Passage</h2>
        {passage.anchor !== 'exact' ? (
          <span className={`anchor-badge ${passage.anchor}`} role="status">
            {passage.anchor === 'fuzzy' ? 'Moved: re-found after a text edit' : 'Orphaned: its text is gone'}
          </span>
        ) : null}
      </header>
      <blockquote className="quote">{passage.exact}</blockquote>
      <div className="field">
        <div className="label" id={`tags-${passage.id}`}>
          Tags
        </div>
        <ul className="chips" aria-labelledby={`tags-${passage.id}`}>
          {passage.tagIds.map((id) => {
            const tag = byId.get(id);
            if (!tag) return null;
            return (
              <li key={id} className="chip">
                <span className="swatch" style={{ background: tag.color }} />
                {tag.path}
                <button
                  type="button"
                  aria-label={`Remove tag ${tag.path}`}
                  onClick={() => void run(async () => call('passages.untag', { passageId: await savedId(passage.id), tagId: id }))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        {picking ? (
          <TagPicker
            tags={tags}
            applied={passage.tagIds}
            onApply={(choice) => onApplyTag(passage.id, choice)}
            onClose={() => setPicking(false)}
          />
        ) : (
          <button type="button" className="button small" onClick={() => setPicking(true)}>
            Add tag…
          </button>
        )}
      </div>
      <label className="field">
        <span className="label">Note</span>
        <textarea
          ref={noteBox}
          aria-label="Note"
          value={note}
          rows={4}
          placeholder="Write a note in the margin…"
          onChange={(e) => setNote(e.target.value)}
          onBlur={saveNote}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              saveNote();
            }
            if (e.key === 'Escape') {
              setNote(passage.note);
              e.currentTarget.blur();
            }
          }}
        />
      </label>
      <PassageClaims passageId={passage.id} claimIds={passage.claimIds} onClaim={onClaim} />
      <dl className="dates">
        <dt>Created</dt>
        <dd>{when(passage.createdAt)}</dd>
        <dt>Edited</dt>
        <dd>{when(passage.updatedAt)}</dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className="button small"
          onClick={() => void run(() => navigator.clipboard.writeText(citation(passage.exact, article)))}
        >
          Copy with citation
        </button>
        {passage.anchor === 'orphan' || passage.anchor === 'fuzzy' ? (
          <button
            type="button"
            className="button small"
            disabled={!selection}
            title={selection ? undefined : 'Select the text this passage should mark, then re-attach'}
            onClick={() => selection && void run(async () => call('passages.reattach', { id: await savedId(passage.id), ...selection }))}
          >
            Re-attach to selection
          </button>
        ) : null}
        <button
          type="button"
          className="button small danger"
          onClick={() =>
            void run(async () => {
              await call('passages.delete', { ids: [await savedId(passage.id)] });
              onDeleted();
            })
          }
        >
          Delete passage
        </button>
      </div>
      <p className="muted small">
        {article.title}
        {article.published ? `, ${formatPublished(article.published)}` : ''}
      </p>
    </section>
  );
}

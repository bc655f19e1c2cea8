import { useEffect, useRef, useState } from 'react';
import type { ClaimLink } from '../../../../electron/shared/claims';
import { relationColor, RELATION_LABELS } from '../graph/relation-style';
import { undoable } from './undoable';

interface Props {
  link: ClaimLink;
  /** Which end's page shows it: out (this claim → the other) or in. */
  direction: 'out' | 'in';
  onOpenClaim(id: number): void;
  onError(message: string): void;
}

/** One link on a claim's page: relation, the other claim, its note (editable here, from either end), Unlink. */
export function LinkItem({ link, direction, onOpenClaim, onError }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Closing the editor brings the Edit note button back: focus returns to it.
  useEffect(() => {
    if (draft !== null || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [draft]);
  const otherId = direction === 'out' ? link.toClaimId : link.fromClaimId;
  const other = direction === 'out' ? link.toStatement : link.fromStatement;
  const phrase = direction === 'out' ? `This claim ${RELATION_LABELS[link.relation]}` : `${RELATION_LABELS[link.relation]} this claim`;

  const close = () => {
    refocus.current = true;
    setDraft(null);
  };
  const save = async () => {
    if (draft === null) return;
    if (draft.trim() === link.note) return close();
    setSaving(true);
    const saved = await undoable('claims.linkNote', { linkId: link.id, note: draft }, 'Link note saved', onError);
    setSaving(false);
    if (saved) close();
  };

  return (
    <li className="link-item" aria-label={direction === 'out' ? `${phrase}: ${other}` : `${other} ${phrase}`}>
      <span className="relation-badge" style={{ borderColor: relationColor(link.relation) }}>
        {link.relation}
      </span>
      <span className="link-text">
        {direction === 'out' ? `${phrase} ` : null}
        <button type="button" className="link-button" onClick={() => onOpenClaim(otherId)}>
          {other}
        </button>
        {direction === 'in' ? ` ${phrase}` : null}
        {link.status === 'suggested' ? <span className="muted"> (suggested)</span> : null}
        {draft === null ? (
          link.note ? (
            <span className="link-note">{link.note}</span>
          ) : null
        ) : (
          <form
            className="link-note-editor"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <textarea
              aria-label={`Note on the link with ${other}`}
              rows={2}
              value={draft}
              autoFocus
              disabled={saving}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void save();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  close();
                }
              }}
            />
            <button type="submit" className="button small primary" disabled={saving}>
              Save note
            </button>
            <button type="button" className="button small" onClick={close}>
              Cancel
            </button>
          </form>
        )}
      </span>
      {draft === null ? (
        <button
          ref={editButton}
          type="button"
          className="button small"
          aria-label={`${link.note ? 'Edit note' : 'Add note'}: ${other}`}
          onClick={() => setDraft(link.note)}
        >
          {link.note ? 'Edit note' : 'Add note'}
        </button>
      ) : null}
      <button
        type="button"
        className="button small"
        aria-label={`Unlink ${other}`}
        onClick={() => void undoable('claims.unlink', { linkId: link.id }, 'Link removed', onError)}
      >
        Unlink
      </button>
    </li>
  );
}

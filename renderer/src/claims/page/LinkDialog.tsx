import { useState } from 'react';
import { RELATIONS, type Claim, type ClaimSummary, type Relation } from '../../../../electron/shared/claims';
import { Dialog } from '../../components/Dialog';
import { RELATION_LABELS } from '../graph/relation-style';
import { ClaimPicker } from './ClaimPicker';
import { undoable } from './undoable';

/** Link this claim to another: pick the claim, the relation and a note. The link is undoable and shows from both ends. */
export function LinkDialog({ claim, onClose }: { claim: Claim; onClose(): void }) {
  const [other, setOther] = useState<ClaimSummary | null>(null);
  const [relation, setRelation] = useState<Relation>('supports');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!other) return setError('Choose the claim to link to.');
    const link = await undoable(
      'claims.link',
      { fromId: claim.id, toId: other.id, relation, ...(note.trim() ? { note: note.trim() } : {}) },
      `Linked: ${RELATION_LABELS[relation]} “${other.statement}”`,
      setError,
    );
    if (link) onClose();
  };
  return (
    <Dialog title="Link claim" onClose={onClose} wide>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted small">From “{claim.statement}”</p>
        <div className="field wide">
          <span>To claim</span>
          <ClaimPicker label="Claim to link to" exceptId={claim.id} picked={other} onPick={setOther} />
        </div>
        <fieldset className="relation-choice">
          <legend>Relation</legend>
          {RELATIONS.map((r) => (
            <label key={r} className="check">
              <input type="radio" name="relation" value={r} checked={relation === r} onChange={() => setRelation(r)} />
              {r}
            </label>
          ))}
        </fieldset>
        <label className="field wide">
          <span>Note</span>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="buttons">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!other}>
            Link
          </button>
        </div>
      </form>
    </Dialog>
  );
}

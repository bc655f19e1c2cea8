import { useState } from 'react';
import type { Claim, ClaimSummary } from '../../../../electron/shared/claims';
import { Dialog } from '../../components/Dialog';
import { ClaimPicker } from './ClaimPicker';
import { undoable } from './undoable';

/** Merge another claim that turns out to be this one into it: appearances and links combine (no link twice). */
export function MergeDialog({ claim, onClose }: { claim: Claim; onClose(): void }) {
  const [other, setOther] = useState<ClaimSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!other) return setError('Choose the claim to merge into this one.');
    const merged = await undoable(
      'claims.merge',
      { sourceId: other.id, targetId: claim.id },
      `Merged “${other.statement}” into this claim`,
      setError,
    );
    if (merged) onClose();
  };
  return (
    <Dialog title="Merge a claim into this one" onClose={onClose} wide>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted small">“{claim.statement}” keeps its statement and takes the other claim’s appearances and links.</p>
        <div className="field wide">
          <span>Claim to merge</span>
          <ClaimPicker label="Claim to merge into this one" exceptId={claim.id} picked={other} onPick={setOther} />
        </div>
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
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  );
}

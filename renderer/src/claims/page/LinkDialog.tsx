import { useState } from 'react';
import { RELATIONS, type Claim, type Relation } from '../../../../electron/shared/claims';
import { RELATION_LABELS } from '../graph/relation-style';
import { PickClaimDialog } from './PickClaimDialog';
import { undoable } from './undoable';

/** Link this claim to another: pick the claim, the relation and a note. The link is undoable and shows from both ends. */
export function LinkDialog({ claim, onClose }: { claim: Claim; onClose(): void }) {
  const [relation, setRelation] = useState<Relation>('supports');
  const [note, setNote] = useState('');
  return (
    <PickClaimDialog
      title="Link claim"
      claim={claim}
      intro={`From “${claim.statement}”`}
      field="To claim"
      pickerLabel="Claim to link to"
      missing="Choose the claim to link to."
      submitLabel="Link"
      onClose={onClose}
      onSubmit={async (other, fail) =>
        (await undoable(
          'claims.link',
          { fromId: claim.id, toId: other.id, relation, ...(note.trim() ? { note: note.trim() } : {}) },
          `Linked: ${RELATION_LABELS[relation]} “${other.statement}”`,
          fail,
        )) !== undefined
      }
    >
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
    </PickClaimDialog>
  );
}

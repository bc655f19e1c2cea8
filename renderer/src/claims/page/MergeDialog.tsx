import type { Claim } from '../../../../electron/shared/claims';
import { PickClaimDialog } from './PickClaimDialog';
import { undoable } from './undoable';

/** Merge another claim that turns out to be this one into it: appearances and links combine (no link twice). */
export function MergeDialog({ claim, onClose }: { claim: Claim; onClose(): void }) {
  return (
    <PickClaimDialog
      title="Merge a claim into this one"
      claim={claim}
      intro={`“${claim.statement}” keeps its statement and takes the other claim’s appearances and links.`}
      field="Claim to merge"
      pickerLabel="Claim to merge into this one"
      missing="Choose the claim to merge into this one."
      submitLabel="Merge"
      onClose={onClose}
      onSubmit={async (other, fail) =>
        (await undoable(
          'claims.merge',
          { sourceId: other.id, targetId: claim.id },
          `Merged “${other.statement}” into this claim`,
          fail,
        )) !== undefined
      }
    />
  );
}

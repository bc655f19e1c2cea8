import { useState, type ReactNode } from 'react';
import type { Claim, ClaimSummary } from '../../../../electron/shared/claims';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { ClaimPicker } from './ClaimPicker';

interface Props {
  title: string;
  /** The claim the dialog is about (never offered). */
  claim: Claim;
  /** A line under the title: what the edit will do. */
  intro: ReactNode;
  /** The picker's visible label and its accessible name. */
  field: string;
  pickerLabel: string;
  /** Said when the analyst submits with no claim picked. */
  missing: string;
  submitLabel: string;
  onClose(): void;
  /** Runs the edit with the picked claim; true once done (the dialog closes), errors reported through `fail`. */
  onSubmit(other: ClaimSummary, fail: (message: string) => void): Promise<boolean>;
  /** Fields after the picker (relation, note). */
  children?: ReactNode;
}

/** A dialog that picks another claim to act on this one with (link, merge): picker, fields, error, Cancel and submit. */
export function PickClaimDialog({ title, claim, intro, field, pickerLabel, missing, submitLabel, onClose, onSubmit, children }: Props) {
  const [other, setOther] = useState<ClaimSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!other) return setError(missing);
    if (await onSubmit(other, setError)) onClose();
  };
  return (
    <Dialog title={title} onClose={onClose} wide>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted small">{intro}</p>
        <div className="field wide">
          <span>{field}</span>
          <ClaimPicker label={pickerLabel} exceptId={claim.id} picked={other} onPick={setOther} />
        </div>
        {children}
        <FormFooter error={error} onCancel={onClose} submit={submitLabel} disabled={!other} />
      </form>
    </Dialog>
  );
}

import { useState, type FormEvent } from 'react';
import type { Claim, ClaimSummary, Stance } from '../../../../electron/shared/claims';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { AppearanceFields } from './AppearanceFields';
import { ClaimPicker } from './ClaimPicker';
import type { ClaimPlace } from './place';
import { SourceQuote } from './SourceQuote';

interface Props {
  place: ClaimPlace;
  quote: string;
  onClose(): void;
  onAdded(claim: Claim): void;
}

/**
 * Add to claim: pick a claim, then the stance and speaker of this appearance (prefilled from the
 * attribution around the words); one undoable step, which makes the passage for a bare selection.
 */
export function AddToClaimDialog({ place, quote, onClose, onAdded }: Props) {
  const prefill = useCommand('claims.prefill', place);
  const [chosen, setChosen] = useState<ClaimSummary | null>(null);
  const [appearance, setAppearance] = useState<{ stance: Stance; speaker: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (appearance === null && prefill.data) setAppearance({ stance: prefill.data.stance, speaker: prefill.data.speaker ?? '' });
  const fields = appearance ?? { stance: 'asserts' as Stance, speaker: '' };

  const add = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!chosen) return setError('Choose the claim these words state.');
    setSaving(true);
    try {
      onAdded(
        await call('claims.addAppearance', { claimId: chosen.id, ...place, stance: fields.stance, speaker: fields.speaker.trim() || null }),
      );
    } catch (e) {
      setSaving(false);
      setError((e as Error).message);
    }
  };

  return (
    <Dialog title="Add to claim" onClose={onClose} wide>
      <form className="claim-form" onSubmit={(e) => void add(e)}>
        <ClaimPicker
          chosen={chosen}
          onChoose={(claim) => {
            setChosen(claim);
            setError(null);
          }}
          onConfirm={() => void add()}
        />
        <div className="claim-form-row">
          <AppearanceFields draft={fields} onChange={(patch) => setAppearance({ ...fields, ...patch })} />
        </div>
        <SourceQuote quote={quote} />
        <FormFooter error={error} onCancel={onClose} submit={chosen ? 'Add to this claim' : 'Add to claim'} disabled={saving || !chosen} />
      </form>
    </Dialog>
  );
}

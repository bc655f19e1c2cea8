import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CLAIM_KINDS, type Claim, type ClaimPrefill } from '../../../../electron/shared/claims';
import { CommandError, call } from '../../client/api';
import { useCommand } from '../../client/queries';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { AppearanceFields } from './AppearanceFields';
import { formatFigure } from './figure';
import type { ClaimPlace } from './place';
import { SourceQuote } from './SourceQuote';

interface Props {
  place: ClaimPlace;
  /** The words the claim is made from, shown under the form. */
  quote: string;
  onClose(): void;
  onMade(claim: Claim): void;
}

/** The form's fields as typed: the figure's value stays text until saved. */
type Draft = Omit<ClaimPrefill, 'value' | 'speaker' | 'unit' | 'counted' | 'qualifier'> & {
  value: string;
  speaker: string;
  unit: string;
  counted: string;
  qualifier: string;
};

function draftOf(prefill: ClaimPrefill): Draft {
  return {
    ...prefill,
    value: prefill.value === null ? '' : String(prefill.value),
    speaker: prefill.speaker ?? '',
    unit: prefill.unit ?? '',
    counted: prefill.counted ?? '',
    qualifier: prefill.qualifier ?? '',
  };
}

const orNull = (text: string): string | null => text.trim() || null;

/** The value as a number, null when empty, undefined when it is not a number. */
function valueOf(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

const FIGURE_FIELDS = [
  { key: 'value', label: 'Value', hint: 'As a plain number: 6500000' },
  { key: 'unit', label: 'Unit', hint: 'people, %, USD …' },
  { key: 'counted', label: 'What is counted', hint: '' },
  { key: 'qualifier', label: 'Qualifier', hint: 'more than, about, up to …' },
] as const;

/**
 * Make claim: a form prefilled by the library from the words and the attribution around them
 * (statement, kind, speaker, stance, the figure), everything editable. Saving makes the claim and
 * its first appearance (and the passage, for a bare selection) in one undoable step.
 */
export function MakeClaimDialog({ place, quote, onClose, onMade }: Props) {
  const prefill = useCommand('claims.prefill', place);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (draft === null && prefill.data) setDraft(draftOf(prefill.data));
  // The form arrives with the prefill, after the dialog took focus: the statement takes it then.
  const statement = useRef<HTMLTextAreaElement>(null);
  const ready = draft !== null;
  useEffect(() => {
    if (ready) statement.current?.focus();
  }, [ready]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => draft && setDraft({ ...draft, [key]: value });
  const value = draft ? valueOf(draft.value) : null;
  const figure =
    draft && value !== undefined
      ? formatFigure({ value, unit: orNull(draft.unit), counted: orNull(draft.counted), qualifier: orNull(draft.qualifier) })
      : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    if (!draft.statement.trim()) return setError('A claim needs a statement.');
    if (value === undefined) return setError(`The figure's value must be a number (got “${draft.value}”).`);
    setSaving(true);
    try {
      const claim = await call('claims.create', {
        ...place,
        statement: draft.statement.trim(),
        kind: draft.kind,
        speaker: orNull(draft.speaker),
        stance: draft.stance,
        value,
        unit: orNull(draft.unit),
        counted: orNull(draft.counted),
        qualifier: orNull(draft.qualifier),
      });
      onMade(claim);
    } catch (e) {
      setSaving(false);
      setError(e instanceof CommandError && e.issues ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : (e as Error).message);
    }
  };

  return (
    <Dialog title="Make claim" onClose={onClose}>
      {draft === null ? (
        <p className={prefill.isError ? 'form-error' : 'muted'} role={prefill.isError ? 'alert' : 'status'}>
          {prefill.isError ? `The claim could not be prefilled: ${prefill.error.message}` : 'Reading the sentence…'}
        </p>
      ) : (
        <form className="claim-form" onSubmit={(e) => void submit(e)}>
          <label className="field">
            <span>Statement</span>
            <textarea ref={statement} rows={3} value={draft.statement} onChange={(e) => set('statement', e.target.value)} />
          </label>
          <div className="claim-form-row">
            <label className="field">
              <span>Kind</span>
              <select value={draft.kind} onChange={(e) => set('kind', e.target.value as Draft['kind'])}>
                {CLAIM_KINDS.map((kind) => (
                  <option key={kind}>{kind}</option>
                ))}
              </select>
            </label>
            <AppearanceFields draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
          </div>
          <fieldset className="claim-figure">
            <legend>Figure</legend>
            <div className="form-grid">
              {FIGURE_FIELDS.map(({ key, label, hint }) => (
                <label key={key} style={{ display: 'contents' }}>
                  <span>{label}</span>
                  <input
                    value={draft[key]}
                    inputMode={key === 'value' ? 'decimal' : undefined}
                    aria-invalid={key === 'value' && value === undefined}
                    placeholder={hint}
                    onChange={(e) => set(key, e.target.value)}
                  />
                </label>
              ))}
            </div>
            <p className="claim-figure-reading" role="status" aria-label="Figure as read">
              {value === undefined ? 'Not a number' : (figure ?? 'No figure')}
            </p>
          </fieldset>
          <SourceQuote quote={quote} />
          <FormFooter error={error} onCancel={onClose} submit="Save claim" disabled={saving} />
        </form>
      )}
    </Dialog>
  );
}

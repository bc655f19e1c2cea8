import { useState } from 'react';
import { CLAIM_KINDS, type Claim, type ClaimKind } from '../../../../electron/shared/claims';
import { call } from '../../client/api';

interface Draft {
  statement: string;
  kind: ClaimKind;
  speaker: string;
  value: string;
  unit: string;
  counted: string;
  qualifier: string;
}

const draftOf = (c: Claim): Draft => ({
  statement: c.statement,
  kind: c.kind,
  speaker: c.speaker ?? '',
  value: c.value === null ? '' : String(c.value),
  unit: c.unit ?? '',
  counted: c.counted ?? '',
  qualifier: c.qualifier ?? '',
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The claim's own fields, editable; Save sends what changed as one undoable edit. */
export function ClaimEditor({ claim }: { claim: Claim }) {
  const [draft, setDraft] = useState(() => draftOf(claim));
  const [base, setBase] = useState(claim);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A change from elsewhere (undo, another window) shows, unless the analyst is mid-edit.
  if (base !== claim) {
    setBase(claim);
    if (JSON.stringify(draft) === JSON.stringify(draftOf(base))) setDraft(draftOf(claim));
  }
  const saved = draftOf(claim);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const valueValid = draft.value.trim() === '' || Number.isFinite(Number(draft.value.replace(/[\s,]/g, '')));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const value = orNull(draft.value.replace(/[\s,]/g, ''));
      await call('claims.update', {
        id: claim.id,
        ...(draft.statement !== saved.statement ? { statement: draft.statement } : {}),
        ...(draft.kind !== saved.kind ? { kind: draft.kind } : {}),
        ...(draft.speaker !== saved.speaker ? { speaker: orNull(draft.speaker) } : {}),
        ...(draft.value !== saved.value ? { value: value === null ? null : Number(value) } : {}),
        ...(draft.unit !== saved.unit ? { unit: orNull(draft.unit) } : {}),
        ...(draft.counted !== saved.counted ? { counted: orNull(draft.counted) } : {}),
        ...(draft.qualifier !== saved.qualifier ? { qualifier: orNull(draft.qualifier) } : {}),
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="claim-editor"
      aria-label="Claim fields"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty && valueValid) void save();
      }}
    >
      <label className="field wide">
        <span>Statement</span>
        <textarea
          rows={2}
          value={draft.statement}
          onChange={(e) => set({ statement: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
          }}
        />
      </label>
      <label className="field">
        <span>Kind</span>
        <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as ClaimKind })}>
          {CLAIM_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Speaker</span>
        <input value={draft.speaker} onChange={(e) => set({ speaker: e.target.value })} />
      </label>
      <fieldset className="figure-fields">
        <legend>Figure</legend>
        <label className="field">
          <span>Value</span>
          <input inputMode="decimal" aria-invalid={!valueValid} value={draft.value} onChange={(e) => set({ value: e.target.value })} />
        </label>
        <label className="field">
          <span>Unit</span>
          <input value={draft.unit} onChange={(e) => set({ unit: e.target.value })} />
        </label>
        <label className="field">
          <span>Counts</span>
          <input value={draft.counted} onChange={(e) => set({ counted: e.target.value })} />
        </label>
        <label className="field">
          <span>Qualifier</span>
          <input value={draft.qualifier} onChange={(e) => set({ qualifier: e.target.value })} />
        </label>
      </fieldset>
      <div className="editor-actions">
        <button type="submit" className="button primary" disabled={!dirty || !valueValid || saving}>
          {saving ? 'Saving…' : 'Save claim'}
        </button>
        {dirty ? (
          <button type="button" className="button" onClick={() => setDraft(saved)}>
            Revert
          </button>
        ) : null}
        {!valueValid ? <span className="form-error">The value is a number, such as 6500000.</span> : null}
        {error ? (
          <span className="form-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </form>
  );
}

import { STANCES, type Stance } from '../../../../electron/shared/claims';

export interface AppearanceDraft {
  speaker: string;
  stance: Stance;
}

/** Who says the words and how the text presents them: the fields Make claim and Add to claim both ask. */
export function AppearanceFields({ draft, onChange }: { draft: AppearanceDraft; onChange(patch: Partial<AppearanceDraft>): void }) {
  return (
    <>
      <label className="field">
        <span>Speaker</span>
        <input value={draft.speaker} placeholder="Nobody named" onChange={(e) => onChange({ speaker: e.target.value })} />
      </label>
      <label className="field">
        <span>Stance</span>
        <select value={draft.stance} onChange={(e) => onChange({ stance: e.target.value as Stance })}>
          {STANCES.map((stance) => (
            <option key={stance}>{stance}</option>
          ))}
        </select>
      </label>
    </>
  );
}

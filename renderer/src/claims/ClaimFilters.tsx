import { CLAIM_KINDS } from '../../../electron/shared/claims';
import type { Args } from '../../../electron/shared/contract';
import { useCommand } from '../client/queries';
import { dateValid } from '../components/passages/filter-state';
import { DateBound } from '../components/passages/PassageFilters';

/** What the analyst has typed and picked (dates as typed; '' is "any"). */
export interface ClaimFilterState {
  text: string;
  kind: string;
  speaker: string;
  outlet: string;
  tagId: string;
  from: string;
  to: string;
}

export const NO_FILTER: ClaimFilterState = { text: '', kind: '', speaker: '', outlet: '', tagId: '', from: '', to: '' };

export type ClaimQuery = Omit<Args<'claims.list'>, 'offset' | 'limit' | 'sort'>;

/** The list's query for a form state, with the text already debounced; invalid dates are left out until fixed. */
export function toClaimQuery(state: ClaimFilterState, text: string): ClaimQuery {
  const query: ClaimQuery = {};
  if (text) query.text = text;
  if (state.kind) query.kind = state.kind as NonNullable<ClaimQuery['kind']>;
  if (state.speaker) query.speaker = state.speaker;
  if (state.outlet) query.outlet = state.outlet;
  if (state.tagId) query.tagId = Number(state.tagId);
  if (state.from.trim() && dateValid(state.from)) query.from = state.from.trim();
  if (state.to.trim() && dateValid(state.to)) query.to = state.to.trim();
  return query;
}

interface Props {
  state: ClaimFilterState;
  onChange(state: ClaimFilterState): void;
}

/** The Claims view's filters: text, kind, speaker, outlet, tag of its passages, dates of its appearances. */
export function ClaimFilters({ state, onChange }: Props) {
  const facets = useCommand('claims.facets', {});
  const tags = useCommand('tags.list', {});
  const set = (patch: Partial<ClaimFilterState>) => onChange({ ...state, ...patch });
  const touched = Object.values(state).some((v) => v !== '');
  return (
    <div className="passage-filters claim-filters" role="search" aria-label="Claim filters">
      <div className="filter-row">
        <input
          type="search"
          className="filter-text"
          aria-label="Filter claims"
          placeholder="Filter claims (statement, speaker, note)"
          value={state.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <select aria-label="Kind" value={state.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">All kinds</option>
          {CLAIM_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <select aria-label="Speaker" value={state.speaker} onChange={(e) => set({ speaker: e.target.value })}>
          <option value="">All speakers</option>
          {(facets.data?.speakers ?? []).map((s) => (
            <option key={s.name} value={s.name}>
              {s.name} ({s.claims})
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <select aria-label="Outlet" value={state.outlet} onChange={(e) => set({ outlet: e.target.value })}>
          <option value="">All outlets</option>
          {(facets.data?.outlets ?? []).map((o) => (
            <option key={o.name} value={o.name}>
              {o.name} ({o.claims})
            </option>
          ))}
        </select>
        <select aria-label="Tag of its passages" value={state.tagId} onChange={(e) => set({ tagId: e.target.value })}>
          <option value="">Any tag</option>
          {(tags.data ?? []).map((t) => (
            <option key={t.id} value={String(t.id)}>
              {t.path}
            </option>
          ))}
        </select>
        <DateBound label="From" placeholder="2020-11" value={state.from} onChange={(from) => set({ from })} />
        <DateBound label="To" placeholder="2020-12-31" value={state.to} onChange={(to) => set({ to })} />
        {touched ? (
          <button type="button" className="button small" onClick={() => onChange(NO_FILTER)}>
            Clear filters
          </button>
        ) : null}
      </div>
      {!dateValid(state.from) || !dateValid(state.to) ? (
        <div className="form-error">Dates are a year, a month or a day: 2020, 2020-11 or 2020-11-09.</div>
      ) : null}
    </div>
  );
}

import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ClaimSummary } from '../../../../electron/shared/claims';
import { useCommand } from '../../client/queries';
import { FilterCombobox, type ComboOption } from '../../components/passages/FilterCombobox';
import { useDebounced } from '../../hooks/useDebounced';

interface Props {
  label: string;
  /** The claim the dialog is about: never offered. */
  exceptId: number;
  picked: ClaimSummary | null;
  onPick(claim: ClaimSummary | null): void;
}

/** Search the library's claims by statement, speaker or note and pick one. */
export function ClaimPicker({ label, exceptId, picked, onPick }: Props) {
  const [query, setQuery] = useState('');
  const text = useDebounced(query.trim(), 150);
  const found = useCommand('claims.list', text ? { text, limit: 30 } : { limit: 30 }, { placeholderData: keepPreviousData });
  const claims = useMemo(() => (found.data?.items ?? []).filter((c) => c.id !== exceptId), [found.data, exceptId]);
  const options = useMemo<ComboOption[]>(
    () => claims.map((c) => ({ id: c.id, label: c.statement, detail: [c.speaker, `${c.appearances}×`].filter(Boolean).join(' · ') })),
    [claims],
  );
  if (picked) {
    return (
      <div className="picked-claim">
        <span className="chip">
          <span className="chip-label" title={picked.statement}>
            {picked.statement}
          </span>
          <button
            type="button"
            className="chip-remove"
            aria-label={`Choose another claim than ${picked.statement}`}
            onClick={() => onPick(null)}
          >
            ×
          </button>
        </span>
      </div>
    );
  }
  return (
    <FilterCombobox
      label={label}
      placeholder="Type to find a claim…"
      options={options}
      query={query}
      onQueryChange={setQuery}
      onPick={(o) => onPick(claims.find((c) => c.id === o.id) ?? null)}
      emptyText={found.isFetching ? 'Searching…' : 'No other claim matches'}
    />
  );
}

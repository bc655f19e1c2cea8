import { useState } from 'react';
import type { ClaimSummary } from '../../../../electron/shared/claims';
import { plural } from '../../../../electron/shared/counts';
import { useCommand } from '../../client/queries';
import { ComboList } from '../../components/ComboList';
import { useDebounced } from '../../hooks/useDebounced';

interface Props {
  chosen: ClaimSummary | null;
  onChoose(claim: ClaimSummary): void;
  /** Enter on a claim already chosen: the dialog's own action. */
  onConfirm(): void;
}

const SHOWN = 50;

/**
 * A searchable list of the library's claims: type to filter by statement or speaker (the library
 * searches), arrows move, Enter or a click chooses.
 */
export function ClaimPicker({ chosen, onChoose, onConfirm }: Props) {
  const [query, setQuery] = useState('');
  const text = useDebounced(query.trim(), 150);
  const result = useCommand('claims.list', { ...(text ? { text } : {}), limit: SHOWN }, { placeholderData: (previous) => previous });
  const claims = result.data?.items ?? [];
  const total = result.data?.total ?? 0;
  return (
    <div className="claim-picker">
      <ComboList
        label="Find a claim"
        placeholder="Words of the statement, or the speaker…"
        listLabel="Claims"
        query={query}
        onQueryChange={setQuery}
        options={claims}
        keyOf={(claim) => String(claim.id)}
        isSelected={(claim) => claim.id === chosen?.id}
        render={(claim) => (
          <>
            <span className="claim-statement">{claim.statement}</span>
            <span className="muted small">
              {[claim.kind, claim.speaker, plural(claim.appearances, 'appearance')].filter(Boolean).join(' · ')}
            </span>
          </>
        )}
        onPick={(claim, how) => (how === 'key' && claim.id === chosen?.id ? onConfirm() : onChoose(claim))}
        empty={result.isPending ? 'Loading claims…' : text ? `No claim matches “${text}”` : 'No claims yet: make one first'}
      />
      {total > claims.length ? <p className="muted small">{`${claims.length} of ${total} shown: type to narrow`}</p> : null}
      {result.isError ? (
        <p className="form-error" role="alert">
          {result.error.message}
        </p>
      ) : null}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ClaimSummary } from '../../../../electron/shared/claims';
import { plural } from '../../../../electron/shared/counts';
import { useCommand } from '../../client/queries';
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
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const at = Math.min(active, Math.max(0, claims.length - 1));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive(Math.min(claims.length - 1, at + 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(0, at - 1));
    else if (event.key === 'Enter') {
      const claim = claims[at];
      if (claim && claim.id === chosen?.id) onConfirm();
      else if (claim) onChoose(claim);
    } else return;
    event.preventDefault();
  };

  const total = result.data?.total ?? 0;
  return (
    <div className="claim-picker">
      <input
        ref={input}
        role="combobox"
        aria-label="Find a claim"
        aria-expanded={claims.length > 0}
        aria-controls={listId}
        aria-activedescendant={claims[at] ? `${listId}-${claims[at].id}` : undefined}
        aria-autocomplete="list"
        placeholder="Words of the statement, or the speaker…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Claims">
        {claims.map((claim, i) => (
          <li
            key={claim.id}
            id={`${listId}-${claim.id}`}
            role="option"
            aria-selected={claim.id === chosen?.id}
            className={i === at ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setActive(i);
              onChoose(claim);
            }}
          >
            <span className="claim-statement">{claim.statement}</span>
            <span className="muted small">
              {[claim.kind, claim.speaker, plural(claim.appearances, 'appearance')].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
        {claims.length === 0 ? (
          <li className="hint" role="presentation">
            {result.isPending ? 'Loading claims…' : text ? `No claim matches “${text}”` : 'No claims yet: make one first'}
          </li>
        ) : null}
      </ul>
      {total > claims.length ? <p className="muted small">{`${claims.length} of ${total} shown: type to narrow`}</p> : null}
      {result.isError ? (
        <p className="form-error" role="alert">
          {result.error.message}
        </p>
      ) : null}
    </div>
  );
}

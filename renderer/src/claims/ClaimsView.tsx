import { useMemo, useState } from 'react';
import { useDebounced } from '../hooks/useDebounced';
import { ClaimFilters, NO_FILTER, toClaimQuery, type ClaimFilterState } from './ClaimFilters';
import { ClaimGraphPanel } from './graph/ClaimGraphPanel';
import { ClaimPage } from './page/ClaimPage';
import type { ClaimSort } from './ClaimRows';
import { ClaimsTable } from './ClaimsTable';

interface Props {
  /** The claim whose page is open, or null for the table (or the graph). */
  claimId: number | null;
  onOpenClaim(id: number): void;
  onBack(): void;
  onOpenPassage(articleId: number, passageId: number): void;
}

/** The Claims view: the table of every claim (filtered, sorted) or the library's graph; a claim's page when one is open. */
export function ClaimsView({ claimId, onOpenClaim, onBack, onOpenPassage }: Props) {
  const [form, setForm] = useState<ClaimFilterState>(NO_FILTER);
  const [sort, setSort] = useState<ClaimSort | undefined>(undefined);
  const [tab, setTab] = useState<'table' | 'graph'>('table');
  const text = useDebounced(form.text.trim(), 200);
  const query = useMemo(() => toClaimQuery(form, text), [form, text]);

  if (claimId !== null)
    return <ClaimPage key={claimId} id={claimId} onBack={onBack} onOpenClaim={onOpenClaim} onOpenPassage={onOpenPassage} />;
  return (
    <section className="claims-view" aria-label="Claims view">
      <h1 className="visually-hidden">Claims</h1>
      <ClaimFilters state={form} onChange={setForm} />
      <div className="claims-tabs" role="tablist" aria-label="Show claims as">
        {(['table', 'graph'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`claims-tab-${t}`}
            aria-controls={`claims-panel-${t}`}
            aria-selected={tab === t}
            tabIndex={tab === t ? 0 : -1}
            className="claims-tab"
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const next = t === 'table' ? 'graph' : 'table';
                setTab(next);
                document.getElementById(`claims-tab-${next}`)?.focus();
              }
            }}
          >
            {t === 'table' ? 'Table' : 'Graph'}
          </button>
        ))}
      </div>
      <div className="claims-panel" role="tabpanel" id={`claims-panel-${tab}`} aria-labelledby={`claims-tab-${tab}`}>
        {tab === 'table' ? (
          <ClaimsTable query={query} sort={sort} onSort={setSort} onOpen={onOpenClaim} />
        ) : (
          <ClaimGraphPanel filter={query} onOpenClaim={onOpenClaim} />
        )}
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useBindActions } from '../../actions/bindings';
import { SCOPE_ATTRIBUTE } from '../../actions/context';
import { ariaKeysOf } from '../../actions/platform';
import { useCommand } from '../../client/queries';
import { ClaimGraphPanel } from '../graph/ClaimGraphPanel';
import { Appearances } from './Appearances';
import { ClaimEditor } from './ClaimEditor';
import { LinkDialog } from './LinkDialog';
import { Links } from './Links';
import { MergeDialog } from './MergeDialog';
import { Suggestions } from './Suggestions';
import { Timeline } from './Timeline';
import { undoable } from './undoable';
import { fileStem, requestReport } from '../../components/report/report-request';

interface Props {
  id: number;
  onBack(): void;
  onOpenClaim(id: number): void;
  onOpenPassage(articleId: number, passageId: number): void;
}

/** A claim's page: its fields, appearances in context, timeline, links, suggestions and neighbourhood graph. */
export function ClaimPage({ id, onBack, onOpenClaim, onOpenPassage }: Props) {
  const claim = useCommand('claims.get', { id });
  const contexts = useCommand('claims.contexts', { id }, { enabled: claim.data !== undefined });
  const [dialog, setDialog] = useState<'link' | 'merge' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useBindActions({
    'claim-link': { enabled: () => claim.data !== undefined, run: () => setDialog('link') },
    'claims-back': { run: onBack },
  });

  const back = (
    <button type="button" className="button small" onClick={onBack} aria-keyshortcuts={ariaKeysOf('claims-back')}>
      ← All claims
    </button>
  );
  if (!claim.data) {
    return (
      <section className="claim-page" aria-label="Claim">
        {back}
        {claim.error ? (
          <p className="view-alert" role="alert">
            {claim.error.message}
          </p>
        ) : (
          <p className="view-status">Loading the claim…</p>
        )}
      </section>
    );
  }
  const c = claim.data;
  return (
    <section className="claim-page" aria-label="Claim" tabIndex={-1} {...{ [SCOPE_ATTRIBUTE]: 'claim' }}>
      <header className="claim-header">
        {back}
        <h1 className="claim-title">{c.statement}</h1>
        <div className="claim-header-actions">
          <button
            type="button"
            className="button small"
            onClick={() => requestReport({ scope: { claimId: c.id }, label: `the claim “${c.statement}”`, name: fileStem(c.statement) })}
          >
            Report…
          </button>
          <button type="button" className="button small" onClick={() => setDialog('merge')}>
            Merge…
          </button>
          <button
            type="button"
            className="button small"
            onClick={async () => {
              if (await undoable('claims.delete', { id: c.id }, 'Claim deleted', setError)) onBack();
            }}
          >
            Delete claim
          </button>
        </div>
      </header>
      {error ? (
        <div className="view-alert" role="alert">
          <span>{error}</span>
          <button type="button" className="button small" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="claim-body">
        <ClaimEditor claim={c} />
        <Appearances claim={c} onOpenPassage={onOpenPassage} onOpenClaim={onOpenClaim} onError={setError} />
        <Timeline appearances={c.appearances} contexts={contexts.data ?? []} />
        <Links claim={c} onOpenClaim={onOpenClaim} onLink={() => setDialog('link')} onError={setError} />
        <Suggestions claim={c} onOpenClaim={onOpenClaim} onError={setError} />
        <section className="claim-section" aria-labelledby="claim-neighbourhood">
          <h2 id="claim-neighbourhood">Neighbourhood</h2>
          <ClaimGraphPanel claimId={c.id} filter={{}} onOpenClaim={onOpenClaim} />
        </section>
      </div>
      {dialog === 'link' ? <LinkDialog claim={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'merge' ? <MergeDialog claim={c} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}

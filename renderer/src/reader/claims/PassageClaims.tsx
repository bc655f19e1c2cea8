import { ariaKeysOf } from '../../actions/platform';
import { useCommand } from '../../client/queries';
import { useContext } from 'react';
import { ClaimNavigationContext } from '../../claims/navigation';
import { formatFigure } from './figure';

/** One claim the passage belongs to: its statement, the passage's stance and speaker in it, and a way to open it. */
function PassageClaim({ claimId, passageId }: { claimId: number; passageId: number }) {
  const claim = useCommand('claims.get', { id: claimId });
  // The app's way to show a claim's page (the Claims view); without one the statement is plain text.
  const navigation = useContext(ClaimNavigationContext);
  if (!claim.data) {
    return <li className="muted">{claim.isError ? `Claim ${claimId} could not be read: ${claim.error.message}` : 'Loading the claim…'}</li>;
  }
  const { statement, kind } = claim.data;
  const here = claim.data.appearances.find((a) => a.passageId === passageId);
  const figure = formatFigure(claim.data);
  const details = [kind, here?.stance, here?.speaker ?? claim.data.speaker, figure].filter(Boolean).join(' · ');
  return (
    <li className="passage-claim">
      {navigation ? (
        <button
          type="button"
          className="link-button claim-statement"
          aria-label={`Open claim: ${statement}`}
          onClick={() => navigation.openClaim(claimId)}
        >
          {statement}
        </button>
      ) : (
        <span className="claim-statement">{statement}</span>
      )}
      <span className="muted small">{details}</span>
    </li>
  );
}

/** The inspector's claims: those the passage is an appearance of, and Make claim / Add to claim. */
export function PassageClaims({
  passageId,
  claimIds,
  onClaim,
}: {
  passageId: number;
  claimIds: number[];
  onClaim(what: 'make' | 'add'): void;
}) {
  return (
    <div className="field">
      <div className="label" id={`claims-${passageId}`}>
        Claims
      </div>
      {claimIds.length > 0 ? (
        <ul className="passage-claims" aria-labelledby={`claims-${passageId}`}>
          {claimIds.map((id) => (
            <PassageClaim key={id} claimId={id} passageId={passageId} />
          ))}
        </ul>
      ) : (
        <div className="muted">Not part of a claim yet</div>
      )}
      <div className="actions">
        <button type="button" className="button small" onClick={() => onClaim('make')} aria-keyshortcuts={ariaKeysOf('make-claim')}>
          Make claim…
        </button>
        <button type="button" className="button small" onClick={() => onClaim('add')} aria-keyshortcuts={ariaKeysOf('add-to-claim')}>
          Add to claim…
        </button>
      </div>
    </div>
  );
}

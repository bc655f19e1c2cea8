import type { Claim } from '../../../../electron/shared/claims';
import { ariaKeysOf } from '../../actions/platform';
import { relationColor, RELATION_LABELS } from '../graph/relation-style';
import { undoable } from './undoable';

interface Props {
  claim: Claim;
  onOpenClaim(id: number): void;
  onLink(): void;
  onError(message: string): void;
}

/** The claim's links, out (this claim → another) and in (another → this), each with its relation and note; unlink undoably. */
export function Links({ claim, onOpenClaim, onLink, onError }: Props) {
  const out = claim.links.filter((l) => l.fromClaimId === claim.id);
  const into = claim.links.filter((l) => l.toClaimId === claim.id);
  const list = (links: typeof out, direction: 'out' | 'in') =>
    links.length === 0 ? (
      <p className="muted">{direction === 'out' ? 'This claim links to no other claim.' : 'No other claim links to this one.'}</p>
    ) : (
      <ul className="link-list">
        {links.map((l) => {
          const otherId = direction === 'out' ? l.toClaimId : l.fromClaimId;
          const other = direction === 'out' ? l.toStatement : l.fromStatement;
          const phrase = direction === 'out' ? `This claim ${RELATION_LABELS[l.relation]}` : `${RELATION_LABELS[l.relation]} this claim`;
          return (
            <li key={l.id} className="link-item" aria-label={direction === 'out' ? `${phrase}: ${other}` : `${other} ${phrase}`}>
              <span className="relation-badge" style={{ borderColor: relationColor(l.relation) }}>
                {l.relation}
              </span>
              <span className="link-text">
                {direction === 'out' ? `${phrase} ` : null}
                <button type="button" className="link-button" onClick={() => onOpenClaim(otherId)}>
                  {other}
                </button>
                {direction === 'in' ? ` ${phrase}` : null}
                {l.status === 'suggested' ? <span className="muted"> (suggested)</span> : null}
                {l.note ? <span className="link-note">{l.note}</span> : null}
              </span>
              <button
                type="button"
                className="button small"
                aria-label={`Unlink ${other}`}
                onClick={() => void undoable('claims.unlink', { linkId: l.id }, 'Link removed', onError)}
              >
                Unlink
              </button>
            </li>
          );
        })}
      </ul>
    );
  return (
    <section className="claim-section" aria-labelledby="claim-links">
      <div className="section-head">
        <h2 id="claim-links">
          Links <span className="count-badge">{claim.links.length}</span>
        </h2>
        <button type="button" className="button small" onClick={onLink} aria-keyshortcuts={ariaKeysOf('claim-link')}>
          Link to a claim…
        </button>
      </div>
      <h3>Out</h3>
      {list(out, 'out')}
      <h3>In</h3>
      {list(into, 'in')}
    </section>
  );
}

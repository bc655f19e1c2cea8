import type { Claim } from '../../../../electron/shared/claims';
import { ariaKeysOf } from '../../actions/platform';
import { LinkItem } from './LinkItem';

interface Props {
  claim: Claim;
  onOpenClaim(id: number): void;
  onLink(): void;
  onError(message: string): void;
}

/** The claim's links, out (this claim → another) and in (another → this), each with its relation and note. */
export function Links({ claim, onOpenClaim, onLink, onError }: Props) {
  const out = claim.links.filter((l) => l.fromClaimId === claim.id);
  const into = claim.links.filter((l) => l.toClaimId === claim.id);
  const list = (links: typeof out, direction: 'out' | 'in') =>
    links.length === 0 ? (
      <p className="muted">{direction === 'out' ? 'This claim links to no other claim.' : 'No other claim links to this one.'}</p>
    ) : (
      <ul className="link-list">
        {links.map((l) => (
          <LinkItem key={l.id} link={l} direction={direction} onOpenClaim={onOpenClaim} onError={onError} />
        ))}
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

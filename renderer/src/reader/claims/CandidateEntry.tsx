import { memo } from 'react';
import type { ClaimCandidate } from '../../../../electron/shared/claims';

export type CandidateAction = 'make' | 'dismiss';

function preview(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A candidate claim's mark in the margin: what it is, Make claim (the prefilled dialog) and Dismiss. */
export const CandidateEntry = memo(function CandidateEntry({
  candidate,
  onAction,
}: {
  candidate: ClaimCandidate;
  onAction(candidate: ClaimCandidate, action: CandidateAction): void;
}) {
  const what = preview(candidate.text);
  const about = [candidate.kind === 'statistic' ? 'figure' : candidate.quoted ? 'quotation' : candidate.kind, candidate.speaker]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="candidate" role="group" aria-label={`Candidate claim: ${what}`}>
      <span className="candidate-about" title={candidate.text}>
        Candidate {about}
      </span>
      <button type="button" className="link-button" aria-label={`Make claim: ${what}`} onClick={() => onAction(candidate, 'make')}>
        Make claim
      </button>
      <button
        type="button"
        className="link-button muted"
        aria-label={`Dismiss candidate: ${what}`}
        onClick={() => onAction(candidate, 'dismiss')}
      >
        Dismiss
      </button>
    </div>
  );
});

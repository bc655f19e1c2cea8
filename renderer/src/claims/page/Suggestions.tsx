import { useState } from 'react';
import { RELATIONS, STANCES, type Claim, type Relation, type RelatedSuggestion, type Stance } from '../../../../electron/shared/claims';
import { useCommand } from '../../client/queries';
import { articleMeta } from '../../format';
import { undoable } from './undoable';

interface Props {
  claim: Claim;
  onOpenClaim(id: number): void;
  onError(message: string): void;
}

const keyOf = (s: RelatedSuggestion) => (s.type === 'claim' ? `claim-${s.claimId}` : `sentence-${s.articleId}-${s.start}-${s.end}`);

/** One suggestion with why, and what the analyst may do with it: never applied without them. */
function SuggestionItem({ claim, item, onOpenClaim, onError }: Props & { item: RelatedSuggestion }) {
  const proposed: Relation = item.relation === 'same' ? 'varies' : item.relation;
  const [stance, setStance] = useState<Stance>('asserts');
  const [relation, setRelation] = useState<Relation>(proposed);
  const where =
    item.type === 'appearance' ? { articleId: item.articleId!, start: item.start!, end: item.end! } : { otherClaimId: item.claimId! };
  const name = item.type === 'appearance' ? `in ${item.articleTitle ?? 'another article'}` : `“${item.text}”`;
  const reject = () =>
    void undoable(
      'claims.reject',
      { claimId: claim.id, ...where, ...(item.type === 'claim' ? { relation } : {}) },
      'Suggestion rejected',
      onError,
    );
  return (
    <li className="suggestion" aria-label={`Suggestion ${name}`}>
      <div className="suggestion-head">
        <span className={`relation-badge${item.relation === 'same' ? ' same' : ''}`}>
          {item.relation === 'same' ? 'same' : item.relation}
        </span>
        {item.type === 'appearance' ? (
          <span>
            {item.articleTitle} <span className="muted">{articleMeta(item)}</span>
          </span>
        ) : (
          <button type="button" className="link-button" onClick={() => onOpenClaim(item.claimId!)}>
            Claim {item.claimId}
          </button>
        )}
        <span className="score" title="Score">
          {item.score.toFixed(2)}
        </span>
      </div>
      <p className="suggestion-text">{item.text}</p>
      <p className="reasons">{item.reasons.join(' · ')}</p>
      <div className="suggestion-actions">
        {item.type === 'appearance' ? (
          <>
            <label>
              <span>Stance</span>
              <select value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
                {STANCES.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button small primary"
              aria-label={`Accept as appearance ${name}`}
              onClick={() => void undoable('claims.accept', { claimId: claim.id, ...where, stance }, 'Appearance added', onError)}
            >
              Accept as appearance
            </button>
          </>
        ) : null}
        <label>
          <span>Relation</span>
          <select value={relation} onChange={(e) => setRelation(e.target.value as Relation)}>
            {RELATIONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button small"
          aria-label={item.type === 'appearance' ? `As new linked claim ${name}` : `Link ${name}`}
          onClick={() =>
            void undoable(
              'claims.accept',
              { claimId: claim.id, ...where, relation, ...(item.type === 'appearance' ? { as: 'claim' as const, stance } : {}) },
              item.type === 'appearance' ? `New claim linked (${relation})` : `Linked (${relation})`,
              onError,
            )
          }
        >
          {item.type === 'appearance' ? 'As new linked claim' : 'Link'}
        </button>
        <button type="button" className="button small" aria-label={`Reject ${name}`} onClick={reject}>
          Reject
        </button>
      </div>
    </li>
  );
}

/** Where else the claim appears, and related claims: strong suggestions first, weak ones folded; each with its reasons. */
export function Suggestions(props: Props) {
  const related = useCommand('claims.related', { id: props.claim.id, limit: 30 });
  const items = related.data ?? [];
  const section = (type: RelatedSuggestion['type'], title: string, id: string) => {
    const ofType = items.filter((i) => i.type === type);
    const strong = ofType.filter((i) => i.tier === 'strong');
    const weak = ofType.filter((i) => i.tier === 'weak');
    return (
      <div className="suggestion-group" aria-labelledby={id}>
        <h3 id={id}>{title}</h3>
        {related.isLoading ? <p className="muted">Looking…</p> : ofType.length === 0 ? <p className="muted">Nothing to suggest.</p> : null}
        <ul className="suggestion-list" aria-label={`${title}: strong`}>
          {strong.map((item) => (
            <SuggestionItem key={keyOf(item)} {...props} item={item} />
          ))}
        </ul>
        {weak.length > 0 ? (
          <details className="weak-suggestions">
            <summary>
              {weak.length} weaker {weak.length === 1 ? 'suggestion' : 'suggestions'}
            </summary>
            <ul className="suggestion-list" aria-label={`${title}: weak`}>
              {weak.map((item) => (
                <SuggestionItem key={keyOf(item)} {...props} item={item} />
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    );
  };
  return (
    <section className="claim-section" aria-labelledby="claim-suggestions">
      <h2 id="claim-suggestions">Suggestions</h2>
      {related.error ? (
        <p className="form-error" role="alert">
          {related.error.message}
        </p>
      ) : null}
      {section('appearance', 'Where else', 'claim-where-else')}
      {section('claim', 'Related claims', 'claim-related')}
    </section>
  );
}

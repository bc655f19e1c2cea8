import { STANCES, type Claim, type Stance } from '../../../../electron/shared/claims';
import { useCommand } from '../../client/queries';
import { articleMeta } from '../../format';
import { undoable } from './undoable';

interface Props {
  claim: Claim;
  onOpenPassage(articleId: number, passageId: number): void;
  onOpenClaim(id: number): void;
  onError(message: string): void;
}

/** Where the claim appears: each passage in its sentence, with stance and speaker; open it in the reader, split it off. */
export function Appearances({ claim, onOpenPassage, onOpenClaim, onError }: Props) {
  const contexts = useCommand('claims.contexts', { id: claim.id });
  const byId = new Map((contexts.data ?? []).map((c) => [c.appearanceId, c]));
  return (
    <section className="claim-section" aria-labelledby="claim-appearances">
      <h2 id="claim-appearances">
        Appearances <span className="count-badge">{claim.appearances.length}</span>
      </h2>
      {claim.appearances.length === 0 ? (
        <p className="muted">No appearance: accept a suggestion below, or add one from the reader.</p>
      ) : null}
      <ol className="appearance-list">
        {claim.appearances.map((a) => {
          const context = byId.get(a.id);
          return (
            <li key={a.id} className="appearance" aria-label={`${a.articleTitle}${a.outlet ? `, ${a.outlet}` : ''}`}>
              <div className="appearance-head">
                <button type="button" className="link-button" onClick={() => onOpenPassage(a.articleId, a.passageId)}>
                  {a.articleTitle}
                </button>
                <span className="muted">{articleMeta(a)}</span>
              </div>
              <p className="appearance-sentence">
                {context?.before}
                <mark>{a.quote}</mark>
                {context?.after}
              </p>
              <div className="appearance-controls">
                <label>
                  <span>Stance</span>
                  <select
                    value={a.stance}
                    onChange={(e) =>
                      void undoable('claims.updateAppearance', { id: a.id, stance: e.target.value as Stance }, 'Stance changed', onError)
                    }
                  >
                    {STANCES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="muted">{a.speaker ? `Speaker: ${a.speaker}` : 'No speaker'}</span>
                {context?.figure ? <span className="figure-chip">{context.figure.text}</span> : null}
                <span className="spacer" />
                {claim.appearances.length > 1 ? (
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Split off the appearance in ${a.articleTitle}`}
                    onClick={async () => {
                      const split = await undoable(
                        'claims.split',
                        { appearanceId: a.id },
                        'Appearance split off into a new claim',
                        onError,
                      );
                      if (split) onOpenClaim(split.id);
                    }}
                  >
                    Split off
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button small"
                  aria-label={`Remove the appearance in ${a.articleTitle}`}
                  onClick={() => void undoable('claims.removeAppearance', { id: a.id }, 'Appearance removed', onError)}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

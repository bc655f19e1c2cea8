import type { AgreementArticle, AgreementDifference } from '../../../electron/shared/agreement';
import { useCommand } from '../client/queries';

type Coder = AgreementArticle['coders'][number];

/** The text cut at every boundary of the coder's spans and of the differences, each piece marked as it is. */
function pieces(text: string, coder: Coder, differences: AgreementDifference[]) {
  const cuts = new Set([0, text.length]);
  for (const s of coder.spans) cuts.add(s.start).add(s.end);
  for (const d of differences) cuts.add(d.start).add(d.end);
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((start, i) => {
    const end = sorted[i + 1]!;
    const coded = coder.spans.some((s) => s.start <= start && s.end >= end);
    const differs = differences.some((d) => d.start <= start && d.end >= end);
    return { start, end, coded, differs };
  });
}

function excerpt(text: string, d: AgreementDifference): string {
  const words = text.slice(d.start, d.end).replace(/\s+/g, ' ').trim();
  return words.length > 90 ? `${words.slice(0, 87)}…` : words;
}

/** One article, one column per coder with that coder's coding; disagreements outlined in every column and listed with their words. */
export function SideBySide({ articleId, coders, tagIds }: { articleId: number; coders: string[]; tagIds: number[] }) {
  const article = useCommand('agreement.article', { articleId, coders, ...(tagIds.length > 0 ? { tagIds } : {}) });
  if (article.error) return <p role="alert">{article.error.message}</p>;
  if (!article.data) return <p role="status">Loading the article…</p>;
  const { text, differences } = article.data;
  return (
    <div className="agreement-compare">
      <h3>{article.data.title}</h3>
      <div className="agreement-columns" style={{ gridTemplateColumns: `repeat(${article.data.coders.length}, minmax(0, 1fr))` }}>
        {article.data.coders.map((coder) => (
          <section key={coder.name} className="agreement-column" aria-label={`${coder.name}’s coding`}>
            <h4>
              <span className="coder-swatch" style={{ background: coder.colour }} aria-hidden="true" /> {coder.name}
            </h4>
            {/* Focusable, so the keyboard can scroll a long text. */}
            <div className="agreement-text" tabIndex={0} aria-label={`${article.data!.title}, as ${coder.name} coded it`}>
              {pieces(text, coder, differences).map((p) => {
                const words = text.slice(p.start, p.end);
                const className = p.differs ? 'differs' : undefined;
                return p.coded ? (
                  <mark key={p.start} className={className} style={{ background: `${coder.colour}40`, borderBottomColor: coder.colour }}>
                    {words}
                  </mark>
                ) : (
                  <span key={p.start} className={className}>
                    {words}
                  </span>
                );
              })}
            </div>
          </section>
        ))}
      </div>
      <h4 id="agreement-differences">
        {differences.length === 0 ? 'No differences: the coders agree on every character.' : `Differences (${differences.length})`}
      </h4>
      {differences.length > 0 ? (
        <ol className="agreement-differences" aria-labelledby="agreement-differences">
          {differences.map((d) => (
            <li key={`${d.tagId}:${d.start}`}>
              “{excerpt(text, d)}” — <strong>{d.tag}</strong>: coded by {d.coded.join(', ')}; not by {d.notCoded.join(', ')}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

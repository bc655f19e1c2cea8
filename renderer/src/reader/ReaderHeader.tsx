import type { Article, Passage } from '../../../electron/shared/types';
import { plural } from '../../../electron/shared/counts';
import { ariaKeysOf } from '../actions/platform';
import { formatPublished } from '../format';
import type { CandidateMarks } from './claims/useCandidateMarks';

/** The article's title, what is known about it, its edit buttons, the candidate claims' switch and the other articles that published its text. */
export function ReaderHeader({
  article,
  onEdit,
  onOpenArticle,
  candidates,
}: {
  article: Article;
  onEdit(what: 'details' | 'text' | 'memo'): void;
  onOpenArticle(id: number): void;
  candidates: Pick<CandidateMarks, 'shown' | 'toggle' | 'count' | 'error'>;
}) {
  const meta = [
    article.outlet,
    article.place,
    formatPublished(article.published),
    article.byline,
    article.language?.toUpperCase(),
    article.encoding && article.encoding.toLowerCase() !== 'utf-8' ? `decoded from ${article.encoding}` : null,
  ].filter(Boolean);
  return (
    <header>
      <h1>{article.title}</h1>
      <div className="meta-line">
        <span>{meta.join(' · ') || 'No details known'}</span>
        {article.url && /^https?:\/\//.test(article.url) ? (
          <a href={article.url} target="_blank" rel="noreferrer noopener">
            Source
          </a>
        ) : null}
        <button type="button" className="button small" onClick={() => onEdit('details')}>
          Edit details…
        </button>
        <button type="button" className="button small" onClick={() => onEdit('text')}>
          Edit text…
        </button>
        <button type="button" className="button small" onClick={() => onEdit('memo')} aria-keyshortcuts={ariaKeysOf('article-memo')}>
          Memo…
        </button>
        <button
          type="button"
          className="button small"
          aria-pressed={candidates.shown}
          aria-keyshortcuts={ariaKeysOf('toggle-candidates')}
          onClick={candidates.toggle}
        >
          Candidate claims{candidates.shown ? ` (${candidates.count})` : ''}
        </button>
        {candidates.error ? (
          <span className="form-error" role="alert">
            Candidate claims could not be found: {candidates.error}
          </span>
        ) : null}
      </div>
      <AlsoPublishedAs article={article} onOpenArticle={onOpenArticle} />
    </header>
  );
}

/** Reprints of this text under other headlines, outlets or dates, each a link to open it. */
function AlsoPublishedAs({ article, onOpenArticle }: { article: Article; onOpenArticle(id: number): void }) {
  if (article.reprints.length === 0) return null;
  return (
    <nav className="reprints" aria-label="Also published as">
      <span>Also published as</span>
      <ul>
        {article.reprints.map((r) => {
          const where = [r.outlet, formatPublished(r.published)].filter(Boolean).join(', ');
          return (
            <li key={r.id}>
              <button type="button" className="button link" onClick={() => onOpenArticle(r.id)}>
                {r.title}
              </button>
              {where ? <span className="where"> ({where})</span> : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Passages whose text an edit removed: listed so the analyst can pick one and re-attach it. */
export function OrphanList({
  orphans,
  selectedId,
  onSelect,
}: {
  orphans: Passage[];
  selectedId: number | null;
  onSelect(id: number): void;
}) {
  if (orphans.length === 0) return null;
  return (
    <div className="orphans" role="region" aria-label="Orphaned passages">
      <strong>
        {plural(orphans.length, 'passage')} lost {orphans.length === 1 ? 'its' : 'their'} text after an edit.
      </strong>{' '}
      Select one, select the text it should mark, and re-attach it.
      <ul>
        {orphans.map((p) => (
          <li key={p.id}>
            <button type="button" className="button small" aria-pressed={p.id === selectedId} onClick={() => onSelect(p.id)}>
              “{p.exact.length > 60 ? `${p.exact.slice(0, 59)}…` : p.exact}”
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

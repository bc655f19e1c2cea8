import { plural } from '../../../electron/shared/counts';
import type { SearchHits } from './useSearchHits';

/** "Hit 3 of 12 for “refugees”" with previous/next (Shift+F3 / F3) and a way to stop showing them. */
export function HitBar({ hits }: { hits: SearchHits }) {
  if (hits.query === null) return null;
  const where =
    hits.count === 0
      ? `No hit for “${hits.query}” in this article's text`
      : hits.current < 0
        ? `${plural(hits.count, 'hit')} for “${hits.query}”`
        : `Hit ${hits.current + 1} of ${hits.count} for “${hits.query}”`;
  return (
    <div className="hit-bar" role="toolbar" aria-label="Search hits">
      <span role="status">{where}</span>
      <button type="button" className="button small" onClick={hits.previous} disabled={hits.count === 0} aria-keyshortcuts="Shift+F3">
        Previous hit
      </button>
      <button type="button" className="button small" onClick={hits.next} disabled={hits.count === 0} aria-keyshortcuts="F3">
        Next hit
      </button>
      <button type="button" className="button small" onClick={hits.clear} aria-label="Stop showing the search hits">
        ✕
      </button>
    </div>
  );
}

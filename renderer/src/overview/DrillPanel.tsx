import type { Bucket, ChartName, OverviewFilter, OverviewMark } from '../../../electron/shared/overview';
import { CHART_TITLES } from '../../../electron/shared/overview-specs';
import { plural } from '../../../electron/shared/counts';
import { useCommand } from '../client/queries';
import type { PassagesStart } from '../components/passages/filter-state';

export interface Drill {
  chart: ChartName;
  mark: OverviewMark;
  label: string;
  bucket: Bucket | undefined;
}

interface Props {
  drill: Drill;
  filter: OverviewFilter;
  onOpenArticle(id: number): void;
  /** The Passages view filtered to exactly the articles behind the mark (and its tags). */
  onShowPassages(start: PassagesStart): void;
  onClose(): void;
}

/** The articles behind the mark the analyst clicked: each opens in the reader, and their passages in the Passages view. */
export function DrillPanel({ drill, filter, onOpenArticle, onShowPassages, onClose }: Props) {
  const result = useCommand('overview.drill', {
    chart: drill.chart,
    filter,
    mark: drill.mark,
    ...(drill.bucket ? { bucket: drill.bucket } : {}),
  });
  const data = result.data;
  return (
    <section className="drill-panel" aria-label="Articles behind the mark">
      <header className="chart-header">
        <h2>
          {CHART_TITLES[drill.chart]}: {drill.label}
        </h2>
        <div className="chart-controls">
          {data && data.total > 0 ? (
            <button
              type="button"
              className="button small"
              onClick={() =>
                onShowPassages({
                  ...(data.passages.tagIds ? { tagIds: data.passages.tagIds } : {}),
                  // The tag charts count each tag as applied, so its passages are shown without its children's.
                  includeChildren: drill.mark.tagId === undefined,
                  articles: { ids: data.passages.articleIds, label: `${plural(data.total, 'article')} behind ${drill.label}` },
                })
              }
            >
              Show their passages
            </button>
          ) : null}
          <button type="button" className="button small" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {result.error ? (
        <p role="alert">{result.error.message}</p>
      ) : !data ? (
        <p role="status">Finding the articles…</p>
      ) : (
        <>
          <p role="status">
            {plural(data.total, 'article')}
            {data.total > data.articles.length ? ` (the first ${data.articles.length} listed)` : ''}
          </p>
          <ul className="drill-articles">
            {data.articles.map((article) => (
              <li key={article.id}>
                <button type="button" className="link-button" onClick={() => onOpenArticle(article.id)}>
                  {article.title}
                </button>
                <span className="muted"> {[article.outlet, article.published].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

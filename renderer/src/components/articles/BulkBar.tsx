import { useState } from 'react';
import { formatCount, plural } from '../../../../electron/shared/counts';
import type { ArticleSelection } from '../lists/useArticleSelection';
import type { PagedQuery } from '../lists/usePages';
import { BulkMetaDialog } from './BulkMetaDialog';

interface Props {
  selection: ArticleSelection;
  total: number;
  query: PagedQuery<'articles.list'>;
}

/** Above the article list while articles are picked: how many, all that match, set their details, clear. */
export function BulkBar({ selection, total, query }: Props) {
  const [editing, setEditing] = useState(false);
  const target = selection.target(query);
  if (!selection.picked) return null;
  const all = selection.picked.mode === 'all';
  return (
    <div className="bulk-bar" role="group" aria-label="Picked articles">
      <span role="status">
        {all && selection.count === total ? `All ${formatCount(total)} selected` : `${formatCount(selection.count)} selected`}
      </span>
      {!all || selection.count < total ? (
        <button type="button" className="button small" onClick={selection.selectAll}>
          Select all {formatCount(total)} matching
        </button>
      ) : null}
      <button type="button" className="button small" disabled={target === null || selection.count === 0} onClick={() => setEditing(true)}>
        Set details…
      </button>
      <button type="button" className="button small" onClick={selection.clear}>
        Clear selection
      </button>
      {editing && target ? (
        <BulkMetaDialog target={target} about={plural(selection.count, 'article')} onClose={() => setEditing(false)} />
      ) : null}
    </div>
  );
}

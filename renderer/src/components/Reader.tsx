import { useState, type ReactNode } from 'react';
import type { Article, Block } from '../../../electron/shared/types';
import { formatPublished } from '../format';
import { ArticleDetailsDialog } from './ArticleDetailsDialog';

function renderBlock(text: string, block: Block, key: number): ReactNode {
  const content = text.slice(block.start, block.end);
  switch (block.kind) {
    case 'heading':
      return (block.level ?? 2) <= 2 ? <h2 key={key}>{content}</h2> : <h3 key={key}>{content}</h3>;
    case 'lead':
      return <p key={key} className="lead">{content}</p>;
    case 'quote':
      return <blockquote key={key}>{content}</blockquote>;
    case 'list-item':
      return <li key={key}>{content}</li>;
    default:
      return <p key={key}>{content}</p>;
  }
}

/** Groups consecutive list items into one list so the markup stays valid. */
export function renderBlocks(text: string, blocks: Block[]): ReactNode[] {
  const out: ReactNode[] = [];
  let list: ReactNode[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === 'list-item') {
      list.push(renderBlock(text, block, i));
      return;
    }
    if (list.length > 0) {
      out.push(<ul key={`list-${i}`}>{list}</ul>);
      list = [];
    }
    out.push(renderBlock(text, block, i));
  });
  if (list.length > 0) out.push(<ul key="list-end">{list}</ul>);
  return out;
}

export function Reader({ article }: { article: Article }) {
  const [editing, setEditing] = useState(false);
  const meta = [
    article.outlet,
    article.place,
    formatPublished(article.published),
    article.byline,
    article.language?.toUpperCase(),
    article.encoding && article.encoding.toLowerCase() !== 'utf-8' ? `decoded from ${article.encoding}` : null,
  ].filter(Boolean);
  return (
    <div className="reader">
      <header>
        <h1>{article.title}</h1>
        <div className="meta-line">
          <span>{meta.join(' · ') || 'No details known'}</span>
          {article.url && /^https?:\/\//.test(article.url) ? (
            <a href={article.url} target="_blank" rel="noreferrer noopener">
              Source
            </a>
          ) : null}
          <button type="button" className="button small" onClick={() => setEditing(true)}>
            Edit details…
          </button>
        </div>
      </header>
      <article className="body" aria-label={article.title}>
        {renderBlocks(article.text, article.blocks)}
      </article>
      {editing ? <ArticleDetailsDialog article={article} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}

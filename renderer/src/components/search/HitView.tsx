import type { ArticleHit, ClaimHit, MemoHit, PassageHit } from '../../../../electron/shared/types';
import { plural } from '../../../../electron/shared/counts';
import { articleMeta } from '../../format';
import { Highlighted } from './Highlighted';

export type Hit =
  | { kind: 'article'; key: string; hit: ArticleHit }
  | { kind: 'passage'; key: string; hit: PassageHit }
  | { kind: 'note'; key: string; hit: PassageHit }
  | { kind: 'claim'; key: string; hit: ClaimHit }
  | { kind: 'memo'; key: string; hit: MemoHit };

/** One search result: the matched words marked in its title, snippet, quote or statement. */
export function HitView({ hit }: { hit: Hit }) {
  if (hit.kind === 'article') {
    const meta = [articleMeta(hit.hit), plural(hit.hit.hitCount, 'hit')].filter(Boolean).join(' · ');
    return (
      <>
        <div className="hit-title">
          <Highlighted text={hit.hit.titleMarked} />
        </div>
        <div className="hit-meta">{meta}</div>
        <div className="hit-snippet">
          <Highlighted text={hit.hit.snippet} />
        </div>
      </>
    );
  }
  if (hit.kind === 'passage' || hit.kind === 'note') {
    return (
      <>
        <div className={hit.kind === 'passage' ? 'hit-snippet quote' : 'hit-snippet'}>
          <Highlighted text={hit.hit.snippet} />
        </div>
        <div className="hit-meta">{hit.hit.articleTitle}</div>
      </>
    );
  }
  if (hit.kind === 'memo') {
    return (
      <>
        <div className="hit-snippet">
          <Highlighted text={hit.hit.snippet} />
        </div>
        <div className="hit-meta">{hit.hit.articleTitle === null ? 'Library memo' : `Memo on ${hit.hit.articleTitle}`}</div>
      </>
    );
  }
  return (
    <div className="hit-snippet">
      <Highlighted text={hit.hit.snippet || hit.hit.statement} />
    </div>
  );
}

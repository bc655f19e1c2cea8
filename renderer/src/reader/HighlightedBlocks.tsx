import { memo, useMemo, type CSSProperties, type ReactNode } from 'react';
import { plural } from '../../../electron/shared/counts';
import type { ClaimCandidate } from '../../../electron/shared/claims';
import type { Block, Passage, Tag } from '../../../electron/shared/types';
import { TagChip } from '../components/TagChip';
import { CandidateEntry, type CandidateAction } from './claims/CandidateEntry';
import { pieces } from './long-runs';
import { segmentBlocks, type Segment } from './segments';

export interface BlockModel {
  block: Block;
  /** Passages overlapping this block. */
  passages: Passage[];
  /** Passages that begin in this block: their marginalia sit beside it. */
  margin: Passage[];
  /** Changes whenever anything this block shows changes: lets unchanged blocks skip rendering. */
  signature: string;
}

interface Props {
  model: BlockModel;
  index: number;
  text: string;
  colors: Map<number, string>;
  tags: Map<number, Tag>;
  selectedId: number | null;
  onSelectPassage(id: number): void;
  /** Candidate claims starting in this block (marked in the margin), if shown. */
  candidates: ClaimCandidate[] | undefined;
  onCandidate(candidate: ClaimCandidate, action: CandidateAction): void;
}

function markStyle(ids: number[], colors: Map<number, string>): CSSProperties {
  const innermost = colors.get(ids[ids.length - 1] ?? -1) ?? '#888';
  const depth = Math.min(ids.length, 4);
  return {
    backgroundColor: `color-mix(in srgb, ${innermost} ${16 + 10 * (depth - 1)}%, transparent)`,
    // One underline per covering passage, so overlaps and nesting stay visible.
    boxShadow: ids
      .slice(-4)
      .map((id, i) => `inset 0 -${2 * (i + 1)}px 0 ${colors.get(id) ?? '#888'}`)
      .join(', '),
  };
}

function Runs({
  text,
  segments,
  colors,
  selectedId,
  claimed,
}: {
  text: string;
  segments: Segment[];
  colors: Map<number, string>;
  selectedId: number | null;
  /** Passages that are appearances of a claim: marked apart. */
  claimed: Set<number>;
}) {
  return (
    <>
      {segments.map((segment) =>
        pieces(text, segment.start, segment.end).map((piece) => {
          if (piece.hidden) {
            return (
              <span key={`h${piece.start}`} className="hidden-marks" data-hidden-start={piece.start} data-hidden-end={piece.end}>
                {`⟨${plural(piece.marks, 'more combining mark')}⟩`}
              </span>
            );
          }
          const content = text.slice(piece.start, piece.end);
          if (segment.passageIds.length === 0) {
            return (
              <span key={piece.start} data-start={piece.start}>
                {content}
              </span>
            );
          }
          const selected = selectedId !== null && segment.passageIds.includes(selectedId);
          const claim = segment.passageIds.some((id) => claimed.has(id));
          return (
            <mark
              key={piece.start}
              data-start={piece.start}
              data-passages={segment.passageIds.join(' ')}
              className={[selected ? 'selected' : '', claim ? 'claim' : ''].join(' ').trim() || undefined}
              style={markStyle(segment.passageIds, colors)}
            >
              {content}
            </mark>
          );
        }),
      )}
    </>
  );
}

function Element({ block, children }: { block: Block; children: ReactNode }) {
  const data = { 'data-block-start': block.start, 'data-block-end': block.end, className: 'text' };
  switch (block.kind) {
    case 'heading':
      return (block.level ?? 2) <= 2 ? <h2 {...data}>{children}</h2> : <h3 {...data}>{children}</h3>;
    case 'lead':
      return (
        <p {...data} className="text lead">
          {children}
        </p>
      );
    case 'quote':
      return <blockquote {...data}>{children}</blockquote>;
    case 'list-item':
      return (
        <ul className="text">
          <li data-block-start={block.start} data-block-end={block.end}>
            {children}
          </li>
        </ul>
      );
    default:
      return <p {...data}>{children}</p>;
  }
}

function preview(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One block and its marginalia. Memoised on its signature: an edit re-renders only the blocks it touches. */
export const HighlightedBlock = memo(
  function HighlightedBlock({ model, text, colors, tags, selectedId, onSelectPassage, candidates, onCandidate }: Props) {
    // Segmented here, not for the whole article: only blocks that render pay for it.
    const segments = useMemo(() => segmentBlocks(text, [model.block], model.passages).blocks[0] ?? [], [text, model]);
    const claimed = useMemo(() => new Set(model.passages.filter((p) => p.claimIds.length > 0).map((p) => p.id)), [model]);
    return (
      <div className="reader-row">
        <Element block={model.block}>
          <Runs text={text} segments={segments} colors={colors} selectedId={selectedId} claimed={claimed} />
        </Element>
        <div className="margin-cell">
          {model.margin.map((passage) => {
            const names = passage.tagIds.map((id) => tags.get(id)).filter((t): t is Tag => t !== undefined);
            const claims = passage.claimIds.length;
            return (
              <button
                key={passage.id}
                type="button"
                className={`marginal${passage.id === selectedId ? ' selected' : ''}`}
                style={{ borderLeftColor: colors.get(passage.id) }}
                aria-pressed={passage.id === selectedId}
                onClick={() => onSelectPassage(passage.id)}
              >
                {/* The name leads with what the chips leave out (the words, whole tag paths) and then says what is shown. */}
                <span className="visually-hidden">
                  {`Passage: ${preview(passage.exact, 60)}${names.length ? ` — tags: ${names.map((t) => t.path).join(', ')}` : ''} — `}
                </span>
                {names.length ? (
                  <span className="marginal-tags">
                    {names.map((tag) => (
                      <TagChip key={tag.id} className="chip" path={tag.path} color={tag.color} />
                    ))}
                  </span>
                ) : (
                  <span className="marginal-untagged">No tags</span>
                )}
                {passage.note ? <span className="marginal-note">{preview(passage.note)}</span> : null}
                {claims ? <span className="marginal-claim">{claims === 1 ? 'Claim' : plural(claims, 'claim')}</span> : null}
              </button>
            );
          })}
          {candidates?.map((candidate) => (
            <CandidateEntry key={candidate.start} candidate={candidate} onAction={onCandidate} />
          ))}
        </div>
      </div>
    );
  },
  (a, b) => a.model.signature === b.model.signature && a.selectedId === b.selectedId && a.text === b.text && a.candidates === b.candidates,
);

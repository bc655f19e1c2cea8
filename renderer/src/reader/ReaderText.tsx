import type { MouseEvent, RefObject } from 'react';
import type { ClaimCandidate } from '../../../electron/shared/claims';
import type { CandidateAction } from './claims/CandidateEntry';
import type { ArticleModel } from './useArticleModel';
import { HighlightedBlock } from './HighlightedBlocks';

interface Props {
  bodyRef: RefObject<HTMLElement | null>;
  label: string;
  text: string;
  model: ArticleModel;
  /** Blocks mounted so far (a long article mounts in slices). */
  mounted: number;
  /** Null while the passages load (the text waits for them, so highlights never pop in). */
  loading: string | null;
  selectedId: number | null;
  selectedBlocks: number[];
  caret: boolean;
  onCaretFocus(): void;
  onCaretBlur(): void;
  onSelectPassage(id: number): void;
  onClick(event: MouseEvent): void;
  /** Candidate claims by the block they start in (none while hidden). */
  candidates: Map<number, ClaimCandidate[]>;
  onCandidate(candidate: ClaimCandidate, action: CandidateAction): void;
}

/** The article's text, block by block, with its passages as highlights and marginalia. */
export function ReaderText(props: Props) {
  const { bodyRef, model, mounted, loading, selectedId, selectedBlocks } = props;
  return (
    <article
      ref={bodyRef}
      className="body"
      aria-label={props.label}
      data-reader-text=""
      tabIndex={0}
      // Caret mode (keyboard focus, or F7): editable only so that a caret and Shift+arrow
      // selection work; every input is refused, the text never changes here. Off otherwise,
      // because a live caret in a long article costs the browser work on every frame.
      contentEditable={props.caret}
      suppressContentEditableWarning
      spellCheck={false}
      onFocus={(e) => {
        if (e.target === e.currentTarget && e.currentTarget.matches(':focus-visible')) props.onCaretFocus();
      }}
      onBlur={(e) => {
        if (e.target === e.currentTarget) props.onCaretBlur();
      }}
      onBeforeInput={(e) => e.preventDefault()}
      onPaste={(e) => e.preventDefault()}
      onDrop={(e) => e.preventDefault()}
      onCut={(e) => e.preventDefault()}
      onClick={props.onClick}
    >
      {loading !== null ? (
        <p className="muted" role="status">
          {loading}
        </p>
      ) : (
        model.blocks
          .slice(0, mounted)
          .map((block, index) => (
            <HighlightedBlock
              key={index}
              model={block}
              index={index}
              text={props.text}
              colors={model.colors}
              tags={model.tagsById}
              selectedId={selectedBlocks.includes(index) ? selectedId : null}
              onSelectPassage={props.onSelectPassage}
              candidates={props.candidates.get(index)}
              onCandidate={props.onCandidate}
            />
          ))
      )}
    </article>
  );
}

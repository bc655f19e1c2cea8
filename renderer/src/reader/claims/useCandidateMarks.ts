import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { ClaimCandidate } from '../../../../electron/shared/claims';
import type { Article } from '../../../../electron/shared/types';
import { useCommand } from '../../client/queries';
import { domRangeOf } from '../dom-offsets';

const STORED = 'marginalia.candidateClaims';
const HIGHLIGHT = 'claim-candidate';
const NONE: ClaimCandidate[] = [];

export interface CandidateMarks {
  shown: boolean;
  toggle(): void;
  /** Per block index, the candidates that start in it (stable arrays: unchanged blocks skip rendering). */
  byBlock: Map<number, ClaimCandidate[]>;
  count: number;
  /** While shown candidates load (the text waits for them, so the margin never jumps under the mouse). */
  loading: boolean;
  error: string | null;
}

/** Index of the block holding `offset`, by binary search over blocks sorted by start. */
function blockIndexOf(sorted: Array<{ start: number; end: number; index: number }>, offset: number): number | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = sorted[mid]!;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end) lo = mid + 1;
    else return block.index;
  }
  return undefined;
}

/**
 * The candidate claims the library finds in the article (quotations, reported speech, figures),
 * shown or hidden as the analyst last chose: their sentences underlined with the CSS Custom
 * Highlight API (no DOM of their own, so passages' marks and selection work as before), their
 * actions in the margin. `rendered` changes whenever the text's DOM does (the underline follows).
 */
export function useCandidateMarks(article: Article, body: RefObject<HTMLElement | null>, rendered: unknown): CandidateMarks {
  const [shown, setShown] = useState(() => localStorage.getItem(STORED) !== 'off');
  const query = useCommand('claims.candidates', { articleId: article.id }, { enabled: shown });
  const candidates = shown ? (query.data ?? NONE) : NONE;

  const byBlock = useMemo(() => {
    const sorted = article.blocks.map((b, index) => ({ start: b.start, end: b.end, index })).sort((a, b) => a.start - b.start);
    const groups = new Map<number, ClaimCandidate[]>();
    for (const candidate of candidates) {
      const index = blockIndexOf(sorted, candidate.start);
      if (index !== undefined) groups.set(index, [...(groups.get(index) ?? []), candidate]);
    }
    return groups;
  }, [article.blocks, candidates]);

  useEffect(() => {
    const root = body.current;
    if (!root || typeof Highlight === 'undefined' || candidates.length === 0) return;
    const ranges = candidates.map((c) => domRangeOf(root, c)).filter((r): r is Range => r !== null);
    CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
    return () => void CSS.highlights.delete(HIGHLIGHT);
  }, [body, candidates, rendered]);

  const toggle = useCallback(() => {
    setShown((was) => {
      localStorage.setItem(STORED, was ? 'off' : 'on');
      return !was;
    });
  }, []);

  return {
    shown,
    toggle,
    byBlock,
    count: candidates.length,
    loading: shown && query.isPending,
    error: shown && query.isError ? query.error.message : null,
  };
}

import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Claim, ClaimCandidate } from '../../../../electron/shared/claims';
import type { Article, Passage } from '../../../../electron/shared/types';
import { keysOf } from '../../actions/platform';
import { call } from '../../client/api';
import { notify } from '../../components/Notices';
import type { TextRange } from '../dom-offsets';
import { AddToClaimDialog } from './AddToClaimDialog';
import type { CandidateAction } from './CandidateEntry';
import { MakeClaimDialog } from './MakeClaimDialog';
import type { ClaimPlace } from './place';

interface Options {
  article: Article;
  /** The selection as the page has it now, or null. */
  liveRange(): TextRange | null;
  selected: Passage | null;
  savedId(id: number): Promise<number>;
  /** After a claim is made or added to: the browser's selection goes, its passage is selected. */
  onDone(range: TextRange | null, passageId: number): void;
  /** A dialog opened on selected text was cancelled: the text is selected again. */
  onCancel(range: TextRange): void;
  onError(message: string): void;
}

type Open = { what: 'make' | 'add'; place: ClaimPlace; quote: string; range: TextRange | null };

const undoNotice = (text: string, onError: (message: string) => void) =>
  notify(`${text} — ${keysOf('undo')[0]} takes it back`, {
    label: 'Undo',
    run: () => void call('edit.undo', {}).catch((e: Error) => onError(e.message)),
  });

/**
 * Make claim and Add to claim in the reader: from the selection (the passage is made on saving),
 * the selected passage, or a candidate claim's mark; and dismissing a candidate. Every step is
 * undoable, and says so.
 */
export function useReaderClaims({ article, liveRange, selected, savedId, onDone, onCancel, onError }: Options) {
  const [open, setOpen] = useState<Open | null>(null);

  /** What the action acts on: the live selection first (it may lie inside the selected passage), then the selected passage. */
  const target = async (): Promise<Omit<Open, 'what'> | null> => {
    const range = liveRange();
    if (range && !(selected && selected.start === range.start && selected.end === range.end)) {
      return { place: { articleId: article.id, ...range }, quote: article.text.slice(range.start, range.end), range };
    }
    if (selected) return { place: { passageId: await savedId(selected.id) }, quote: selected.exact, range };
    return null;
  };
  const start = (what: Open['what'], from: () => Promise<Omit<Open, 'what'> | null> = target) =>
    void from()
      .then((found) => found && setOpen({ what, ...found }))
      .catch((e: Error) => onError(e.message));
  const canAct = () => liveRange() !== null || selected !== null;

  const latest = useRef({ article, onError });
  useLayoutEffect(() => {
    latest.current = { article, onError };
  });
  /** Stable, for the margin's memoised blocks. */
  const onCandidate = useCallback((candidate: ClaimCandidate, action: CandidateAction) => {
    const { article: current, onError: fail } = latest.current;
    const range = { start: candidate.start, end: candidate.end };
    if (action === 'make') {
      setOpen({ what: 'make', place: { articleId: current.id, ...range }, quote: candidate.text, range: null });
      return;
    }
    call('claims.dismissCandidate', { articleId: current.id, ...range })
      .then(() => undoNotice('Candidate dismissed', fail))
      .catch((e: Error) => fail(e.message));
  }, []);

  const finish = (claim: Claim, text: string) => {
    const done = open;
    setOpen(null);
    const appearance = claim.appearances.find((a) => a.articleId === article.id && done && matches(done.place, a));
    if (appearance) onDone(done?.range ?? null, appearance.passageId);
    undoNotice(text, onError);
  };

  const cancel = () => {
    if (open?.range) onCancel(open.range);
    setOpen(null);
  };

  let dialog: ReactNode = null;
  if (open?.what === 'make') {
    dialog = <MakeClaimDialog place={open.place} quote={open.quote} onClose={cancel} onMade={(claim) => finish(claim, 'Claim made')} />;
  } else if (open?.what === 'add') {
    dialog = (
      <AddToClaimDialog
        place={open.place}
        quote={open.quote}
        onClose={cancel}
        onAdded={(claim) => finish(claim, `Added to “${claim.statement.slice(0, 60)}”`)}
      />
    );
  }

  /** From the inspector's buttons: the selected passage, whatever text is selected too. */
  const fromPassage = async () =>
    selected ? { place: { passageId: await savedId(selected.id) }, quote: selected.exact, range: null } : null;

  return {
    dialog,
    onCandidate,
    forPassage: (what: Open['what']) => start(what, fromPassage),
    bindings: {
      'make-claim': { enabled: canAct, run: () => start('make') },
      'add-to-claim': { enabled: canAct, run: () => start('add') },
    },
  };
}

function matches(place: ClaimPlace, appearance: { passageId: number; start: number; end: number }): boolean {
  return 'passageId' in place ? place.passageId === appearance.passageId : place.start === appearance.start && place.end === appearance.end;
}

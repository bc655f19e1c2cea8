import { useMemo } from 'react';
import { formatCount } from '../../../electron/shared/counts';
import { hiddenMarks, MARKS_SHOWN } from './long-runs';

/** Says that the reader shows less than the text holds, when a run of combining marks is too long to lay out. */
export function HiddenMarksNotice({ text }: { text: string }) {
  const hidden = useMemo(() => hiddenMarks(text), [text]);
  if (hidden === 0) return null;
  return (
    <p className="reader-notice" role="note" aria-label="Text not shown">
      This text stacks more than {MARKS_SHOWN} combining marks on one letter ({formatCount(hidden)} more in all): the reader shows the first{' '}
      {MARKS_SHOWN} of each such run and a ⟨…⟩ placeholder for the rest, because laying them out would freeze the window. The library keeps
      the text whole: search, passages and exports use all of it.
    </p>
  );
}

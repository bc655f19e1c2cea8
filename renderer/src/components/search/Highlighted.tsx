import { Fragment } from 'react';
import { MATCH_END, MATCH_START } from '../../../../electron/shared/types';

/** A search snippet with its matches as <mark>: text only, never HTML. */
export function Highlighted({ text }: { text: string }) {
  const parts: Array<{ text: string; match: boolean }> = [];
  let rest = text;
  while (rest) {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MATCH_END, start + 1);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i}>{part.text.replaceAll(MATCH_START, '')}</mark>
        ) : (
          <Fragment key={i}>{part.text.replaceAll(MATCH_END, '')}</Fragment>
        ),
      )}
    </>
  );
}

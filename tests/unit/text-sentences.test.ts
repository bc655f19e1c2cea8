import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../electron/core/text/sentences';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentence splitting', () => {
  it('does not break after English titles, initials and U.S.', () => {
    expect(split('Mr. Smith met Dr. Jones at the U.S. embassy on Monday. J. K. Rowling was there. He left.')).toEqual([
      'Mr. Smith met Dr. Jones at the U.S. embassy on Monday.',
      'J. K. Rowling was there.',
      'He left.',
    ]);
  });

  it('breaks after U.S. when the next word starts a sentence', () => {
    expect(split('He moved to the U.S. He said it was fine.')).toEqual(['He moved to the U.S.', 'He said it was fine.']);
  });

  it('does not break at Russian initials, "млн." or "г."', () => {
    expect(split('В. В. Путин заявил, что 6,5 млн. беженцев остаются за рубежом. В ноябре 2020 г. Путин провёл встречу.')).toEqual([
      'В. В. Путин заявил, что 6,5 млн. беженцев остаются за рубежом.',
      'В ноябре 2020 г. Путин провёл встречу.',
    ]);
  });

  it('keeps decimals and quotes whole, and gives offsets into the text', () => {
    const text = '  "Over 6.5 million refugees remain outside Syria," Putin noted. Next one.';
    const spans = splitSentences(text);
    expect(spans[0]).toEqual({ start: 2, end: text.indexOf(' Next') });
    expect(split(text)).toEqual(['"Over 6.5 million refugees remain outside Syria," Putin noted.', 'Next one.']);
  });

  it('treats a line break as the end of a heading but joins a hard-wrapped line', () => {
    expect(split('Reconstruction work\n\nThe work is\nshowing its effect. Done.')).toEqual([
      'Reconstruction work',
      'The work is\nshowing its effect.',
      'Done.',
    ]);
  });
});

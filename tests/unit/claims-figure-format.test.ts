import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../renderer/src/reader/claims/figure';

describe('a claim figure as the reader shows it', () => {
  it('reads large values in words, keeps the qualifier, the unit and what is counted', () => {
    expect(formatFigure({ value: 6_500_000, unit: 'people', counted: 'refugee', qualifier: 'more than' })).toBe(
      'more than 6.5 million · people · refugee',
    );
    expect(formatFigure({ value: 850_000, unit: 'people', counted: 'Syrian citizen', qualifier: null })).toBe(
      '850,000 · people · Syrian citizen',
    );
    expect(formatFigure({ value: 1_300_000_000, unit: null, counted: null, qualifier: 'about' })).toBe('about 1.3 billion');
    expect(formatFigure({ value: 10, unit: '%', counted: 'inflation', qualifier: null })).toBe('10 · % · inflation');
    expect(formatFigure({ value: null, unit: 'people', counted: 'refugee', qualifier: null })).toBeNull();
  });
});

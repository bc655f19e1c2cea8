import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from '../../electron/core/anchoring/selector';
import { TASS } from '../fixtures/tass';

const article = readFileSync(TASS.path, 'utf8');

describe('describeRange', () => {
  it('quotes the range with 32 code units of context on each side', () => {
    const quote = 'over 6.5 million refugees remain outside Syria';
    const start = article.indexOf(quote);
    const selector = describeRange(article, start, start + quote.length);
    expect(selector).toEqual({
      start,
      end: start + quote.length,
      exact: quote,
      prefix: article.slice(start - CONTEXT_LENGTH, start),
      suffix: article.slice(start + quote.length, start + quote.length + CONTEXT_LENGTH),
    });
    expect(selector.prefix).toHaveLength(32);
    expect(selector.prefix.endsWith('"Unfortunately, ')).toBe(true);
  });

  it('keeps shorter context at the edges of the text', () => {
    const selector = describeRange(article, 0, 8);
    expect(selector.exact).toBe('All news');
    expect(selector.prefix).toBe('');
    const end = describeRange(article, article.length - 12, article.length);
    expect(end.exact).toBe('significant.');
    expect(end.suffix).toBe('');
  });

  it('shrinks context by one rather than cutting a surrogate pair', () => {
    // The emoji's low half would be the first unit of a 32-unit prefix.
    const text = '😀' + 'a'.repeat(31) + 'QUOTE' + 'b'.repeat(31) + '😀';
    const selector = describeRange(text, 33, 38);
    expect(selector.exact).toBe('QUOTE');
    expect(selector.prefix).toBe('a'.repeat(31));
    expect(selector.suffix).toBe('b'.repeat(31));
    const whole = describeRange('x😀' + 'a'.repeat(30) + 'Q', 33, 34);
    expect(whole.prefix).toBe('😀' + 'a'.repeat(30));
  });

  it('widens a range that starts or ends inside a surrogate pair', () => {
    const text = 'see 😀 here';
    expect(describeRange(text, 5, 6)).toMatchObject({ start: 4, end: 6, exact: '😀' });
  });
});

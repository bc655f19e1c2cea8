import { describe, expect, it } from 'vitest';
import { clampToBoundaries, offsetConverter, toCodePoints, toUtf16 } from '../../electron/core/anchoring/offsets';

describe('code point conversions', () => {
  // "a", U+1F600 (two units), "b", a lone high surrogate, "é" as e + U+0301, U+1F1F7 U+1F1FA (a flag).
  const text = 'a😀b\ud800e\u0301🇷🇺!';

  it('count each astral character once', () => {
    expect(toCodePoints(text, 0)).toBe(0);
    expect(toCodePoints(text, 1)).toBe(1);
    expect(toCodePoints(text, 3)).toBe(2);
    expect(toCodePoints(text, 4)).toBe(3);
    expect(toCodePoints(text, text.length)).toBe(Array.from(text).length);
    expect(toUtf16(text, 2)).toBe(3);
    expect(toUtf16(text, Array.from(text).length)).toBe(text.length);
  });

  it('treat an offset inside a surrogate pair as the offset before the pair', () => {
    expect(toCodePoints(text, 2)).toBe(1);
    expect(offsetConverter(text).toCodePoints(2)).toBe(1);
  });

  it('reject offsets outside the text', () => {
    expect(() => toCodePoints(text, text.length + 1)).toThrow(RangeError);
    expect(() => toUtf16(text, Array.from(text).length + 1)).toThrow(RangeError);
    expect(() => offsetConverter(text).toUtf16(-1)).toThrow(RangeError);
    expect(() => offsetConverter(text).toCodePoints(1.5)).toThrow(RangeError);
  });

  it('agree between the one-off functions and the converter, both ways', () => {
    const mixed = 'Путин 😀 said: «مرحبا» 🇸🇾 x\udc00y 👩‍👩‍👧 end'.repeat(20);
    const converter = offsetConverter(mixed);
    expect(converter.codePointLength).toBe(Array.from(mixed).length);
    for (let u = 0; u <= mixed.length; u++) {
      const cp = converter.toCodePoints(u);
      expect(cp).toBe(toCodePoints(mixed, u));
      const midPair = u > 0 && /[\udc00-\udfff]/.test(mixed[u]!) && /[\ud800-\udbff]/.test(mixed[u - 1]!);
      if (!midPair) expect(converter.toUtf16(cp)).toBe(u);
    }
    for (let cp = 0; cp <= converter.codePointLength; cp++) {
      expect(converter.toUtf16(cp)).toBe(toUtf16(mixed, cp));
      expect(Array.from(mixed.slice(0, converter.toUtf16(cp))).length).toBe(cp);
    }
  });

  it('converts text without astral characters one to one', () => {
    const converter = offsetConverter('plain text');
    expect(converter.toUtf16(5)).toBe(5);
    expect(converter.toCodePoints(5)).toBe(5);
  });
});

describe('clampToBoundaries', () => {
  it('orders, clamps and widens a range off surrogate-pair middles', () => {
    const text = 'x😀y😀z';
    expect(clampToBoundaries(text, 2, 5)).toEqual({ start: 1, end: 6 });
    expect(clampToBoundaries(text, 5, 2)).toEqual({ start: 1, end: 6 });
    expect(clampToBoundaries(text, -4, 99)).toEqual({ start: 0, end: text.length });
    expect(clampToBoundaries(text, 3, 3)).toEqual({ start: 3, end: 3 });
  });

  it('widens to grapheme clusters on request', () => {
    const text = 'cafe\u0301 🇷🇺 👩‍👩‍👧 ok';
    // Cutting between "e" and the combining accent.
    expect(clampToBoundaries(text, 0, 4)).toEqual({ start: 0, end: 4 });
    expect(clampToBoundaries(text, 0, 4, { graphemes: true })).toEqual({ start: 0, end: 5 });
    expect(clampToBoundaries(text, 4, 5, { graphemes: true })).toEqual({ start: 3, end: 5 });
    // Between the two regional indicators of a flag.
    const flag = text.indexOf('🇷🇺');
    expect(clampToBoundaries(text, flag + 2, flag + 3, { graphemes: true })).toEqual({ start: flag, end: flag + 4 });
    // Inside a ZWJ family sequence.
    const family = text.indexOf('👩‍👩‍👧');
    expect(clampToBoundaries(text, family + 3, family + 4, { graphemes: true })).toEqual({
      start: family,
      end: family + '👩‍👩‍👧'.length,
    });
    expect(() => clampToBoundaries(text, Number.NaN, 1)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { editDistance, findApprox, findApproxIn, searchEnds } from '../../electron/core/anchoring/approx';

/** Deterministic PRNG so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomString(next: () => number, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** Textbook semi-global DP: fewest edits of the pattern into a substring ending at each offset. */
function bruteEnds(text: string, pattern: string, k: number, anchored = false): Array<{ end: number; errors: number }> {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out: Array<{ end: number; errors: number }> = [];
  for (let j = 1; j <= text.length; j++) {
    const next = [anchored ? j : 0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      next.push(Math.min(column[i - 1]! + cost, column[i]! + 1, next[i - 1]! + 1));
    }
    column = next;
    if (column[pattern.length]! <= k) out.push({ end: j, errors: column[pattern.length]! });
  }
  return out;
}

describe('searchEnds (bit-parallel approximate search)', () => {
  it('agrees with the dynamic-programming definition on random texts and patterns', () => {
    const next = random(7);
    for (let round = 0; round < 400; round++) {
      const alphabet = round % 2 ? 'ab' : 'abcd e';
      const text = randomString(next, 20 + Math.floor(next() * 200), alphabet);
      // Lengths across 1 to 4 blocks of 32 rows exercise the block cut-off.
      const pattern = randomString(next, 1 + Math.floor(next() * 110), alphabet);
      const k = Math.floor(next() * Math.min(pattern.length, 40));
      expect(searchEnds(text, pattern, k), `${pattern} / ${k}`).toEqual(bruteEnds(text, pattern, k));
      expect(searchEnds(text, pattern, k, 0, text.length, true)).toEqual(bruteEnds(text, pattern, k, true));
    }
  });

  it('respects the searched window', () => {
    expect(searchEnds('abc abc', 'abc', 0, 1)).toEqual([{ end: 7, errors: 0 }]);
    expect(searchEnds('abc abc', 'abc', 0, 0, 4)).toEqual([{ end: 3, errors: 0 }]);
  });
});

describe('findApprox', () => {
  it('returns matches whose substring has exactly the reported number of errors', () => {
    const next = random(11);
    for (let round = 0; round < 200; round++) {
      const pattern = randomString(next, 10 + Math.floor(next() * 80), 'abcdefgh ');
      const noisy = pattern.replace(/./g, (c) => (next() < 0.08 ? '' : next() < 0.05 ? c + 'x' : c));
      const text = randomString(next, 50, 'ijklm') + noisy + randomString(next, 50, 'ijklm');
      const k = Math.floor(pattern.length / 4);
      const matches = findApprox(text, pattern, k);
      for (const m of matches) expect(editDistance(pattern, text.slice(m.start, m.end))).toBe(m.errors);
      if (editDistance(pattern, noisy) <= k) {
        expect(matches.some((m) => m.start >= 45 && m.end <= 55 + noisy.length)).toBe(true);
      }
    }
  });

  it('finds a corrected quote', () => {
    const text = 'Putin said the hotbed of international terrorism has been eliminated.';
    const [match] = findApprox(text, 'the hotbed of internationl  terrorism', 8);
    expect(match && text.slice(match.start, match.end)).toBe('the hotbed of international terrorism');
    expect(match?.errors).toBe(2);
  });
});

describe('findApproxIn', () => {
  it('finds in long spans, through verbatim pieces, every copy a full scan finds', () => {
    const next = random(5);
    const pattern = randomString(next, 64, 'abcdefghijklmnopqrstuvwxyz ');
    let text = randomString(next, 200_000, 'abcdefghijklmnopqrstuvwxyz ');
    const planted: number[] = [];
    for (let copy = 0; copy < 20; copy++) {
      const noisy = pattern.replace(/./g, (c) => (next() < 0.06 ? 'X' : c));
      const at = Math.floor(next() * (text.length - 100));
      text = text.slice(0, at) + noisy + text.slice(at + noisy.length);
      planted.push(at);
    }
    const spans = [
      [0, 90_000],
      [100_000, 200_000],
    ] as const;
    const seeded = findApproxIn(text, pattern, 8, spans);
    const scanned = spans.flatMap(([from, to]) => findApprox(text, pattern, 8, from, to));
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded).toEqual(scanned);
    for (const m of seeded) expect(m.start >= 90_000 && m.end <= 100_000).toBe(false);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

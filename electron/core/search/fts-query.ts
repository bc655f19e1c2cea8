import { findNumbers, numberToken } from './numbers';

/**
 * Turns what a user types into a safe FTS5 query: every word becomes a quoted prefix term (so
 * FTS syntax characters are inert), "quoted phrases" stay phrases, and numbers also match their
 * normalised token, so "6.5 million" finds "6.5 mln". Returns null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const parts: string[] = [];
  const numbers = findNumbers(input);
  let rest = input;
  // Remove number mentions (with their multiplier words) from the word stream; they become
  // "(literal OR token)" groups instead.
  for (const n of [...numbers].reverse()) rest = rest.slice(0, n.start) + ' ' + rest.slice(n.end);
  for (const n of numbers) {
    const literal = input.slice(n.start, n.end).match(/[\p{L}\p{N}]+/gu) ?? [];
    const phrase = `"${literal.join(' ')}"`;
    parts.push(`(${phrase} OR numbers:${numberToken(n.value)})`);
  }
  for (const m of rest.matchAll(/"([^"]+)"|([\p{L}\p{N}\p{M}_]+)/gu)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}\p{M}_]+/gu);
      if (words) parts.push(`"${words.join(' ')}"`);
    } else if (m[2] !== undefined) {
      parts.push(`"${m[2]}"*`);
    }
  }
  return parts.length > 0 ? parts.join(' AND ') : null;
}

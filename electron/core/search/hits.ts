import { MATCH_END, MATCH_START } from '../../shared/types';
import { searchStem } from '../text/stem';
import { tokensOf, type Token } from '../text/tokens';
import { findNumbers, mentionTokens } from './numbers';
import type { Term } from './terms';

/**
 * Where a query's terms occur in a text, found the way the index matched them: the same tokens,
 * the same stems, the same number readings. The reader highlights these ranges, snippets mark
 * them, and coding all hits tags the sentences or paragraphs around them.
 */
export interface Range {
  start: number;
  end: number;
}

function wordMatches(token: Token, term: Extract<Term, { kind: 'word' }>): boolean {
  const t = token.folded;
  return t === term.word || t === term.stem || searchStem(t) === term.stem;
}

function phraseAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  return words.every((word, k) => tokens[i + k]!.folded === word);
}

/** Every range of `text` that one of the terms matches, sorted and merged where they overlap. */
export function findHits(text: string, terms: readonly Term[]): Range[] {
  if (terms.length === 0 || text === '') return [];
  const tokens = tokensOf(text);
  const found: Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    for (const term of terms) {
      if (term.kind === 'word' ? wordMatches(token, term) : term.kind === 'prefix' ? token.folded.startsWith(term.prefix) : false) {
        found.push({ start: token.start, end: token.end });
      } else if ((term.kind === 'phrase' || term.kind === 'number') && term.words.length > 0 && phraseAt(tokens, i, term.words)) {
        found.push({ start: token.start, end: tokens[i + term.words.length - 1]!.end });
      }
    }
  }
  const wanted = new Set(terms.flatMap((term) => (term.kind === 'number' ? term.tokens : [])));
  if (wanted.size > 0) {
    for (const n of findNumbers(text)) {
      if (!mentionTokens(n).some((token) => wanted.has(token))) continue;
      // "6.5 mln." at a sentence's end: the full stop is not part of what is marked.
      found.push({ start: n.start, end: text.charAt(n.end - 1) === '.' ? n.end - 1 : n.end });
    }
  }
  return merge(found);
}

function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Wraps the ranges of `text` in match markers (MATCH_START … MATCH_END). */
export function markRanges(text: string, ranges: readonly Range[], offset = 0): string {
  let out = '';
  let last = 0;
  for (const { start, end } of ranges) {
    const s = Math.max(0, start - offset);
    const e = Math.min(text.length, end - offset);
    if (e <= s || s < last) continue;
    out += text.slice(last, s) + MATCH_START + text.slice(s, e) + MATCH_END;
    last = e;
  }
  return out + text.slice(last);
}

const BEFORE = 60;
const LENGTH = 220;

/**
 * A fragment of `text` around its hits, the hits marked: the window of LENGTH characters that holds
 * the most of them, cut at spaces, with "…" where it cuts. Without hits, the text's beginning.
 */
export function snippet(text: string, hits: readonly Range[]): string {
  if (text.length <= LENGTH) return markRanges(text, hits);
  let best = 0;
  let bestCount = -1;
  let j = 0;
  for (let i = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j]!.end <= hits[i]!.start - BEFORE + LENGTH) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = i;
    }
  }
  const first = hits[best];
  let start = first ? Math.max(0, first.start - BEFORE) : 0;
  let end = Math.min(text.length, start + LENGTH);
  if (first && end < first.end) end = first.end;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < (first?.start ?? end)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > (first?.end ?? start)) end = space;
  }
  const body = markRanges(text.slice(start, end), hits, start).replace(/\s+/gu, ' ');
  return `${start > 0 ? '…' : ''}${body.trim()}${end < text.length ? '…' : ''}`;
}

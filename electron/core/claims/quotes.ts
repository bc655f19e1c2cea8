/**
 * Quotation spans: “…”, «…» (with „…“ nested inside), „…“ and straight "…" paired by position
 * (an opening mark follows a space or a bracket, a closing one precedes a space or punctuation).
 * Only the outermost quote counts. A quote never crosses a paragraph: one left open ends there
 * (British style opens each paragraph of a long quote again).
 */

export interface Quote {
  /** The opening mark. */
  start: number;
  /** Just after the closing mark (or the paragraph's end when it never closes). */
  end: number;
  contentStart: number;
  contentEnd: number;
  closed: boolean;
}

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"' };

/** An opening mark follows the start, a space, a bracket or a dash. */
function opensHere(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text.charAt(i - 1);
  return /[\s([{—–-]/u.test(before) || i === 0;
}

export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  // The outermost quote's start and the closing marks still expected, innermost last.
  let at = -1;
  const expected: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n' && text.charAt(i + 1) === '\n') {
      if (expected.length > 0) quotes.push({ start: at, end: i, contentStart: at + 1, contentEnd: i, closed: false });
      expected.length = 0;
      continue;
    }
    const closer = expected.at(-1);
    const straightCloses = ch !== '"' || !opensHere(text, i) || /[\s.,;:!?)]/u.test(text.charAt(i + 1) || ' ');
    if (closer !== undefined && ch === closer && straightCloses) {
      expected.pop();
      if (expected.length === 0) quotes.push({ start: at, end: i + 1, contentStart: at + 1, contentEnd: i, closed: true });
      continue;
    }
    const next = OPENERS[ch];
    if (next === undefined || (ch === '"' && !opensHere(text, i))) continue;
    // Straight quotes never nest: inside one, a straight mark can only close it.
    if (ch === '"' && expected.includes('"')) continue;
    if (expected.length === 0) at = i;
    expected.push(next);
  }
  if (expected.length > 0) quotes.push({ start: at, end: text.length, contentStart: at + 1, contentEnd: text.length, closed: false });
  return quotes.filter((q) => q.contentEnd > q.contentStart);
}

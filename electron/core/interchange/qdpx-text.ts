import type { Block } from '../../shared/article';
import { offsetConverter } from '../anchoring/offsets';

/** A source's text as the library keeps it, and where the source's character positions land in it. */
export interface SourceText {
  text: string;
  /** Length of the source text in characters (code points), the unit of REFI-QDA positions. */
  length: number;
  /** UTF-16 offset into `text` of a character position of the source. */
  toOffset(position: number): number;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Normalises a source as every import does (no BOM, "\n" line ends, NFC) while keeping a map from
 * the source's character positions, which the project's selections use, to the new offsets.
 * Line ends and composed characters change only inside one grapheme cluster ("\r\n" is one), so
 * the text is rebuilt cluster by cluster; a position inside a changed cluster maps to its end.
 */
export function normaliseSource(raw: string): SourceText {
  const body = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!body.includes('\r') && body.normalize('NFC') === body) {
    const positions = offsetConverter(body);
    return { text: body, length: positions.codePointLength, toOffset: (position) => positions.toUtf16(position) };
  }
  const map: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const { segment } of graphemes.segment(body)) {
    const normal = segment.includes('\r') ? segment.replace(/\r\n?/g, '\n') : segment.normalize('NFC');
    let first = true;
    for (const _ of segment) {
      map.push(first ? offset : offset + normal.length);
      first = false;
    }
    parts.push(normal);
    offset += normal.length;
  }
  map.push(offset);
  return { text: parts.join(''), length: map.length - 1, toOffset: (position) => map[position] as number };
}

/** Paragraph blocks (separated by blank lines) over the text as it is: offsets must not move. */
export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const match of text.matchAll(/[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g)) {
    const lead = match[0].length - match[0].trimStart().length;
    const start = match.index + lead;
    blocks.push({ kind: 'paragraph', start, end: start + match[0].trim().length });
  }
  return blocks;
}

import type { ParsedArticle } from '../model';
import { assembleArticle, isListLine, type Draft } from './article';
import { markdownDrafts } from './markdown';
import { normalizeText } from './normalize';
import { decodeCharacterReferences } from './references';

/**
 * Plain text or Markdown (already decoded) to the article model, with news metadata guessed.
 * Character references are decoded in plain text everywhere, in Markdown outside code (markdown.ts).
 */
export function parsePlainText(text: string, fileName: string, format: 'txt' | 'md'): ParsedArticle {
  if (format === 'md') {
    const { drafts, meta } = markdownDrafts(normalizeText(text));
    return assembleArticle(drafts, { format, encoding: null, fileName, meta });
  }
  // Decoded first: a reference may stand for a character that normalisation then composes.
  const normal = normalizeText(decodeCharacterReferences(text));
  return assembleArticle(textDrafts(normal), {
    format,
    encoding: null,
    fileName,
    titleFromFirstLine: true,
    guessHeadings: true,
  });
}

/** Paragraphs are separated by blank lines; a file without any blank line has one per line. */
function textDrafts(text: string): Draft[] {
  let paragraphs = text.split(/\n[ \t]*\n\s*/);
  if (paragraphs.length === 1) paragraphs = text.split('\n');
  const drafts: Draft[] = [];
  for (const raw of paragraphs) {
    const paragraph = raw.trim();
    if (paragraph === '') continue;
    const lines = paragraph.split('\n');
    if (lines.every((l) => /^\s*>/.test(l))) {
      drafts.push({ kind: 'quote', text: lines.map((l) => l.replace(/^\s*>+ ?/, '')).join('\n') });
    } else if (lines.length > 1 && lines.every(isListLine)) {
      // Bullets are markup; numbers ("1.") are kept, since the text may refer to them.
      for (const line of lines) drafts.push({ kind: 'list-item', text: line.trim().replace(/^[-*•–·]\s+/u, ''), level: 1 });
    } else {
      drafts.push({ kind: 'paragraph', text: paragraph });
    }
  }
  return drafts;
}

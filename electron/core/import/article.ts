import type { ParsedArticle } from '../model';
import type { ArticleMeta, BlockKind } from '../../shared/article';
import { BlockBuilder } from './blocks';
import { ImportError } from './errors';
import { detectLanguage } from './language';
import { completeDateFromFileName, isChromeLine, parseBylineLine, parseDateline } from './news';
import { tidyInline } from './normalize';
import { safeName } from '../../shared/unsafe-text';

/** A block before offsets are known. */
export interface Draft {
  kind: BlockKind;
  text: string;
  level?: number;
}

export interface AssembleOptions {
  format: string;
  encoding: string | null;
  fileName: string;
  /** Metadata the format itself declares; it wins over anything guessed from the text. */
  meta?: Partial<ArticleMeta>;
  /** Take a short first line as the title when the format declares none (plain text). */
  titleFromFirstLine?: boolean;
  /** Turn short unpunctuated lines between paragraphs into headings (plain text only). */
  guessHeadings?: boolean;
}

const MAX_TITLE = 250;
const EDGE = 4;

/** Shared last step of every parser: news metadata, title, lead, headings, offsets. */
export function assembleArticle(input: Draft[], opts: AssembleOptions): ParsedArticle {
  let drafts = input.map((d) => ({ ...d, text: tidyInline(d.text) })).filter((d) => d.text !== '');
  drafts = drafts.filter((d, i) => !(d.kind === 'paragraph' && (i < EDGE || i >= drafts.length - EDGE) && isChromeLine(d.text)));

  const meta: ArticleMeta = {
    title: opts.meta?.title?.trim() || null,
    outlet: opts.meta?.outlet ?? null,
    byline: opts.meta?.byline ?? null,
    published: opts.meta?.published ?? null,
    place: opts.meta?.place ?? null,
    language: opts.meta?.language ?? null,
    url: opts.meta?.url ?? null,
  };

  const first = drafts[0];
  if (first && meta.title !== null && sameText(first.text, meta.title) && first.kind !== 'list-item') {
    drafts.shift();
  } else if (first && meta.title === null && drafts.length > 1 && isTitleLike(first, opts.titleFromFirstLine === true)) {
    meta.title = first.text;
    drafts.shift();
  }

  // Byline and dateline sit in the first few paragraphs.
  for (let i = 0; i < Math.min(drafts.length, 3); i++) {
    const byline = parseBylineLine(drafts[i]!.text);
    if (byline !== null) {
      meta.byline ??= byline;
      drafts.splice(i, 1);
      break;
    }
  }
  let datelineAt = -1;
  for (let i = 0; i < Math.min(drafts.length, 3); i++) {
    const dateline = drafts[i]!.kind === 'paragraph' ? parseDateline(drafts[i]!.text) : null;
    if (dateline) {
      meta.place ??= dateline.place;
      meta.outlet ??= dateline.outlet;
      meta.published ??= completeDateFromFileName(dateline.published, opts.fileName);
      datelineAt = i;
      break;
    }
  }

  const lead = drafts[0];
  if (lead?.kind === 'paragraph' && (datelineAt === 1 || (drafts.length > 1 && isLeadLike(lead.text)))) {
    lead.kind = 'lead';
  }

  if (opts.guessHeadings) {
    for (let i = 1; i < drafts.length - 1; i++) {
      const d = drafts[i]!;
      const next = drafts[i + 1]!;
      // A lower-case start below means a sentence broken across paragraphs, not a heading above it.
      if (d.kind === 'paragraph' && next.kind !== 'heading' && !/^\p{Ll}/u.test(next.text) && isHeadingLike(d.text)) {
        d.kind = 'heading';
        d.level = 2;
      }
    }
  }

  const builder = new BlockBuilder();
  for (const d of drafts) builder.add(d.kind, d.text, d.level);
  if (builder.isEmpty && meta.title === null) throw new ImportError('the file contains no text');
  meta.title ??= titleFromFileName(opts.fileName);
  const text = builder.text;
  meta.language ??= detectLanguage(`${meta.title}\n${text}`);
  return { ...meta, text, blocks: builder.blocks, format: opts.format, encoding: opts.encoding };
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

function isTitleLike(d: Draft, firstLine: boolean): boolean {
  if (d.kind === 'heading') return (d.level ?? 1) === 1;
  if (!firstLine || d.kind !== 'paragraph' || d.text.length > MAX_TITLE || d.text.includes('\n')) return false;
  // A lone short word ("Photo", "Video") is a caption or site chrome, not a headline.
  return (d.text.length >= 12 || d.text.includes(' ')) && parseDateline(d.text) === null;
}

/** A standfirst: one long sentence without a closing full stop (TASS, RIA and many others). */
function isLeadLike(text: string): boolean {
  return text.length >= 80 && text.length <= 600 && !text.includes('\n') && !/[.!?…:;"'”»)]$/u.test(text);
}

// Words a heading does not end on; a line ending on one is a sentence cut short.
const DANGLING = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'for',
  'and',
  'or',
  'as',
  'with',
  'in',
  'on',
  'at',
  'by',
  'from',
  'that',
  'than',
  'и',
  'в',
  'на',
  'с',
  'по',
  'что',
  'к',
  'о',
]);

function isHeadingLike(text: string): boolean {
  if (text.length > 100 || text.includes('\n')) return false;
  if (/[.,;:!?…"'”»)\]]$/u.test(text) || !/\p{L}{2}/u.test(text)) return false;
  const words = text.split(' ');
  if (words.length > 12 || DANGLING.has(words[words.length - 1]!.toLowerCase())) return false;
  return /^[\p{Lu}\p{N}]/u.test(text) && parseDateline(text) === null && !isListLine(text);
}

export function isListLine(line: string): boolean {
  return /^\s*(?:[-*•–·]|\d{1,3}[.)])\s+\S/u.test(line);
}

/** A file name as a title: without its extension, and without controls that break lines or reverse text. */
export function titleFromFileName(fileName: string): string {
  const base = safeName(fileName.split(/[\\/]/).pop() ?? fileName);
  return base.replace(/\.[^.]+$/, '').trim() || base;
}

/**
 * An office document (DOCX, ODT): its styled structure stands as it is, while a document with no
 * styles is usually pasted plain text and is read like one. The language the file declares is
 * only a fallback: word processors stamp their own interface language there.
 */
export function assembleDocument(
  drafts: Draft[],
  opts: { format: string; fileName: string; meta: Partial<ArticleMeta>; structured: boolean; declaredLanguage: string | null },
): ParsedArticle {
  const article = assembleArticle(drafts, {
    format: opts.format,
    encoding: null,
    fileName: opts.fileName,
    meta: opts.meta,
    titleFromFirstLine: !opts.structured,
    guessHeadings: !opts.structured,
  });
  return { ...article, language: article.language ?? opts.declaredLanguage };
}

import type { ParsedArticle } from '../model';
import type { ArticleMeta } from '../../shared/article';
import { assembleArticle, type Draft } from './article';
import { ImportError } from './errors';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** PDFs with more pages than this are refused (a news article is a few pages; books are not). */
export const MAX_PDF_PAGES = 2000;
/** Reading stops with an error after this long; the parse pool's own timeout backs this up. */
export const PDF_TIME_LIMIT_MS = 45_000;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
  endX: number;
  page: number;
}

let pdfjsReady: Promise<typeof Pdfjs> | null = null;

/** pdfjs with its worker code run in this thread: the parse pool already gives us a thread. */
function loadPdfjs() {
  pdfjsReady ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsReady;
}

// One PDF at a time per thread: documents loaded side by side through pdfjs's in-thread worker
// were seen to fail with "invalid page request", and the work is CPU-bound anyway.
let queue: Promise<unknown> = Promise.resolve();

/** PDF to article: lines rebuilt from positioned text, then paragraphs, headings and lists. */
export function parsePdf(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  const run = queue.then(() => readPdf(bytes, fileName));
  queue = run.catch(() => undefined);
  return run;
}

async function readPdf(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  const pdfjs = await loadPdfjs();
  const deadline = Date.now() + PDF_TIME_LIMIT_MS;
  // pdfjs may take ownership of the buffer; the caller still needs its bytes.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw pdfError(error);
    });
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ImportError(`the PDF has ${doc.numPages.toLocaleString('en')} pages; the limit is ${MAX_PDF_PAGES.toLocaleString('en')}`);
    }
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() > deadline)
        throw new ImportError(`reading the PDF took longer than ${PDF_TIME_LIMIT_MS / 1000} s — it may be damaged`);
      const page = await doc.getPage(n).catch((error: unknown) => {
        throw pdfError(error);
      });
      const content = await page.getTextContent();
      pages.push(toLines(content.items as TextItem[], n));
      page.cleanup();
    }
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const lines = dropRunningLines(pages).flat();
    if (lines.length === 0) {
      throw new ImportError('the PDF has no text layer (it may be a scan; Marginalia does not read text from images)');
    }
    const { drafts, structured } = toDrafts(lines);
    const meta: Partial<ArticleMeta> = { title: usableTitle(info.Title), byline: stringOrNull(info.Author) };
    const article = assembleArticle(drafts, {
      format: 'pdf',
      encoding: null,
      fileName,
      meta,
      titleFromFirstLine: !structured,
      guessHeadings: !structured,
    });
    return { ...article, language: article.language ?? stringOrNull(info.Language) };
  } finally {
    await task.destroy();
  }
}

function pdfError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const name = (error as { name?: string })?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new ImportError('the PDF is password-protected');
  const reason = message.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
  return new ImportError(`the PDF is damaged (${reason || 'unreadable'})`);
}

/** Groups positioned text items into lines (same baseline), inserting spaces at visible gaps. */
function toLines(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const item of items) {
    if (item.str === '' || !item.transform) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 1;
    if (line && Math.abs(line.y - y) <= size * 0.5 && x >= line.endX - size) {
      const gap = x - line.endX;
      if (gap > size * 0.15 && !line.text.endsWith(' ') && !item.str.startsWith(' ')) line.text += ' ';
      line.text += item.str;
      line.endX = Math.max(line.endX, x + item.width);
      line.size = Math.max(line.size, size);
    } else {
      if (line) lines.push(line);
      line = { text: item.str, x, y, size, endX: x + item.width, page };
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text !== '');
}

const PAGE_NUMBER = /^[-–—\s]*(?:(?:page|p\.|стр\.?|seite|página)\s*)?\d{1,4}(?:\s*(?:of|\/|из|sur|von|de)\s*\d{1,4})?[-–—\s]*$/iu;

/** Drops page numbers and running headers/footers (the same line at a page edge on most pages). */
function dropRunningLines(pages: Line[][]): Line[][] {
  const edge = (lines: Line[]) => [...lines.slice(0, 2), ...lines.slice(-2)];
  const key = (l: Line) => l.text.replace(/\d+/g, '#').toLowerCase();
  const counts = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edge(lines).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const repeated = (l: Line) => pages.length >= 3 && (counts.get(key(l)) ?? 0) >= Math.max(3, pages.length * 0.6);
  return pages.map((lines) => {
    const edges = new Set(edge(lines));
    return lines.filter((l) => !(edges.has(l) && (PAGE_NUMBER.test(l.text) || repeated(l))));
  });
}

const BULLET = /^[•◦▪▫●○■□‣⁃–-]\s+/u;

/** Lines to blocks: a wider gap, a size change, an indent or a bullet starts a new block. */
function toDrafts(lines: Line[]): { drafts: Draft[]; structured: boolean } {
  const bodySize = mostCommon(lines.map((l) => [round(l.size), l.text.length] as const));
  const spacing =
    mostCommon(
      lines.slice(1).flatMap((l, i) => {
        const prev = lines[i]!;
        const gap = prev.y - l.y;
        return prev.page === l.page && round(l.size) === bodySize && gap > 0 ? [[round(gap), 1] as const] : [];
      }),
    ) || bodySize * 1.2;
  const headingSizes = [...new Set(lines.map((l) => round(l.size)).filter((s) => s >= bodySize * 1.15))].sort((a, b) => b - a);

  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    const size = round(line.size);
    const headingLevel = headingSizes.indexOf(size) + 1;
    const bullet = BULLET.exec(line.text);
    const text = bullet ? line.text.slice(bullet[0].length) : line.text;
    const kind = headingLevel > 0 ? 'heading' : bullet ? 'list-item' : 'paragraph';
    let fresh = current === null || bullet !== null || kind !== (current.kind === 'list-item' ? 'paragraph' : current.kind);
    if (!fresh && prev) {
      if (prev.page !== line.page) {
        fresh = /[.!?:"”»]$/u.test(prev.text) && /^[\p{Lu}\p{N}"“«]/u.test(text);
      } else {
        const gap = prev.y - line.y;
        fresh =
          gap > spacing * 1.3 ||
          gap < 0 ||
          round(prev.size) !== size ||
          (kind === 'paragraph' && current?.kind === 'paragraph' && line.x - prev.x > line.size * 1.5);
      }
    }
    if (fresh) {
      current = { kind, text, ...(kind === 'heading' ? { level: headingLevel } : kind === 'list-item' ? { level: 1 } : {}) };
      drafts.push(current);
    } else if (current) {
      current.text = joinLines(current.text, text);
    }
    prev = line;
  }
  return { drafts, structured: headingSizes.length > 0 };
}

/** Joins a line to the text before it, undoing hyphenation at the line end. */
function joinLines(before: string, next: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + next;
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(next)) return before.slice(0, -1) + next;
  if (/[-‐]$/u.test(before) && /^\p{L}/u.test(next)) return before + next; // "UN-" + "sponsored"
  return `${before} ${next}`;
}

function round(n: number): number {
  return Math.round(n * 2) / 2;
}

/** The value with the most weight. */
function mostCommon(pairs: (readonly [number, number])[]): number {
  const weights = new Map<number, number>();
  for (const [value, weight] of pairs) weights.set(value, (weights.get(value) ?? 0) + weight);
  let best = 0;
  let bestWeight = -1;
  for (const [value, weight] of weights) if (weight > bestWeight) [best, bestWeight] = [value, weight];
  return best;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Producers often put a file name or "Microsoft Word - x.docx" in Title; those are not titles. */
function usableTitle(value: unknown): string | null {
  const title = stringOrNull(value);
  if (title === null || /^microsoft (?:word|powerpoint) - |\.(?:docx?|odt|rtf|txt|pdf|indd|qxd)$|^untitled$/i.test(title)) return null;
  return title;
}

import type { ParsedArticle } from '../model';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { SUPPORTED_EXTENSIONS } from './extensions';
import { parsePlainText } from './plaintext';
import { formatMegabytes } from './size';
import { isZip, listZip } from './zip';

export { SUPPORTED_EXTENSIONS };

/** Text-like files (txt, md, html) larger than this are refused: nobody reads a 32 MB article. */
export const MAX_TEXT_FILE_BYTES = 32_000_000;
/** DOCX, ODT and PDF larger than this are refused (they carry images, so they may be large). */
export const MAX_DOCUMENT_FILE_BYTES = 256_000_000;

type Format = 'txt' | 'md' | 'html' | 'docx' | 'odt' | 'pdf';

const EXTENSION_FORMATS: Record<string, Format> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.odt': 'odt',
  '.pdf': 'pdf',
};

const DOCUMENT_NAMES: Record<Format, string> = {
  txt: 'a text file',
  md: 'a Markdown file',
  html: 'a web page',
  docx: 'a Word document',
  odt: 'an OpenDocument text',
  pdf: 'a PDF',
};

/**
 * Parses one file into the article model. Content decides over the name: magic bytes are sniffed
 * first (a PDF named .docx imports as PDF), then the extension.
 */
export async function parseFile(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  if (bytes.length === 0) throw new ImportError('the file is empty');
  const extension = extensionOf(fileName);
  const declared = EXTENSION_FORMATS[extension];
  const format = await sniff(bytes, declared);
  if (format === null) {
    if (declared === undefined) throw unsupported(extension);
    throw notThatDocument(declared, bytes);
  }
  checkSize(bytes.length, format);
  switch (format) {
    case 'pdf':
      return (await import('./pdf')).parsePdf(bytes, fileName);
    case 'docx':
      return (await import('./docx')).parseDocx(bytes, fileName);
    case 'odt':
      return (await import('./odt')).parseOdt(bytes, fileName);
    case 'html': {
      const { text, encoding } = decodeText(bytes, declaredCharset(bytes));
      return { ...(await import('./html')).parseHtml(text, fileName), encoding };
    }
    case 'txt':
    case 'md': {
      const { text, encoding } = decodeText(bytes);
      return { ...parsePlainText(text, fileName, format), encoding };
    }
  }
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Returns the format the bytes really are, or null when they cannot be what the name declares. */
async function sniff(bytes: Uint8Array, declared: Format | undefined): Promise<Format | null> {
  if (startsWithPdf(bytes)) return 'pdf';
  if (isZip(bytes)) {
    const names = await listZip(bytes).catch(() => null);
    if (names === null) return declared === 'docx' || declared === 'odt' ? declared : null; // damaged: let its parser say so
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('content.xml') && names.includes('mimetype')) return 'odt';
    return null;
  }
  if (declared === undefined || declared === 'docx' || declared === 'odt' || declared === 'pdf') {
    return declared === undefined && looksLikeHtml(bytes) ? 'html' : null;
  }
  if (declared === 'txt' && looksLikeHtml(bytes)) return 'html';
  return declared;
}

function startsWithPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers accept it within the first kilobyte.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  return /^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])/i.test(head);
}

/** <meta charset="..."> or the http-equiv form, from the head of a page. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

function checkSize(size: number, format: Format): void {
  const text = format === 'txt' || format === 'md' || format === 'html';
  const limit = text ? MAX_TEXT_FILE_BYTES : MAX_DOCUMENT_FILE_BYTES;
  if (size > limit) {
    throw new ImportError(
      `the file is ${formatMegabytes(size)}; the limit for ${text ? 'text' : format.toUpperCase()} files is ${formatMegabytes(limit)}`,
    );
  }
}

function unsupported(extension: string): ImportError {
  const what = extension === '' ? 'a file without an extension is not supported' : `unsupported file type ${extension}`;
  return new ImportError(`${what} (Marginalia imports ${SUPPORTED_EXTENSIONS.join(', ')})`);
}

function notThatDocument(declared: Format, bytes: Uint8Array): ImportError {
  const name = DOCUMENT_NAMES[declared];
  let reason: string;
  if (isZip(bytes)) {
    reason = declared === 'docx' ? 'no word/document.xml inside' : declared === 'odt' ? 'no content.xml inside' : 'it is a zip archive';
  } else if (looksLikeHtml(bytes)) {
    reason = 'it is a web page';
  } else {
    reason = looksLikeText(bytes) ? 'it is plain text' : declared === 'pdf' ? 'no %PDF header' : 'it is not a zip archive';
  }
  return new ImportError(`this is not ${name} (${reason})`);
}

function looksLikeText(bytes: Uint8Array): boolean {
  try {
    decodeText(bytes.subarray(0, 4096));
    return true;
  } catch {
    return false;
  }
}

import type { ArticleMeta } from '../../shared/article';
import type { Draft } from './article';
import { decodeCharacterReferences } from './references';

/**
 * A small line-based Markdown reader: enough block structure for the article model (headings,
 * quotes, list items, paragraphs, code) with inline markup reduced to its text.
 */
export function markdownDrafts(source: string): { drafts: Draft[]; meta: Partial<ArticleMeta> } {
  const { body, meta } = frontMatter(source);
  const drafts: Draft[] = [];
  let para: string[] = [];
  let kind: 'paragraph' | 'quote' | 'list-item' = 'paragraph';
  let level: number | undefined;
  let fence: string | null = null;
  let code: string[] = [];

  const flush = () => {
    if (para.length > 0) {
      drafts.push({ kind, text: inline(joinLines(para)), ...(level !== undefined ? { level } : {}) });
    }
    para = [];
    kind = 'paragraph';
    level = undefined;
  };

  for (const line of body.split('\n')) {
    if (fence !== null) {
      if (line.trimStart().startsWith(fence)) {
        drafts.push({ kind: 'paragraph', text: code.join('\n') });
        fence = null;
        code = [];
      } else {
        code.push(line);
      }
      continue;
    }
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!;
      continue;
    }
    if (/^\s*$/.test(line)) {
      flush();
      continue;
    }
    const atx = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) {
      flush();
      drafts.push({ kind: 'heading', text: inline(atx[2]!), level: atx[1]!.length });
      continue;
    }
    const setext = /^ {0,3}(=+|-+)\s*$/.exec(line);
    if (setext && kind === 'paragraph' && para.length > 0) {
      const text = inline(joinLines(para));
      para = [];
      drafts.push({ kind: 'heading', text, level: setext[1]!.startsWith('=') ? 1 : 2 });
      continue;
    }
    if (/^ {0,3}([-*_])(?: *\1){2,} *$/.test(line)) {
      flush();
      continue;
    }
    if (/^ {0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    const quote = /^ {0,3}>\s?(.*)$/.exec(line);
    if (quote) {
      if (kind !== 'quote') flush();
      kind = 'quote';
      para.push(quote[1]!.replace(/^(?:>\s?)+/, ''));
      continue;
    }
    const item = /^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      kind = 'list-item';
      level = Math.floor(item[1]!.replace(/\t/g, '    ').length / 2) + 1;
      para.push(item[2]!.replace(/^\[[ xX]\]\s+/, ''));
      continue;
    }
    para.push(kind === 'paragraph' ? line.trim() : line.trim());
  }
  if (fence !== null) drafts.push({ kind: 'paragraph', text: code.join('\n') });
  flush();
  return { drafts, meta };
}

/** Soft line breaks become spaces; two trailing spaces or a backslash make a hard break. */
function joinLines(lines: string[]): string {
  let out = '';
  for (const [i, line] of lines.entries()) {
    const hard = / {2,}$|\\$/.test(line);
    const clean = line.replace(/(?: {2,}|\\)$/, '').trim();
    out += clean + (i === lines.length - 1 ? '' : hard ? '\n' : ' ');
  }
  return out;
}

// Code spans are set aside while the rest is read, since nothing inside them is markup or a
// character reference; so is an escaped ampersand ("\&amp;" is the text "&amp;"). Unicode
// noncharacters, reserved for such internal use, mark their places.
const CODE_SPAN = /(`+)(.+?)\1/g;
const CODE_MARK = /\ufdd0(\d+)\ufdd1/g;
const ESCAPED_AMPERSAND = /\\&/g;
const AMPERSAND_MARK = /\ufdd2/g;

/** Inline markup reduced to its text: links keep their label, images their alt text, references are decoded outside code. */
export function inline(text: string): string {
  const codes: string[] = [];
  const marked = text.includes('`')
    ? text.replace(CODE_SPAN, (_m, _ticks: string, code: string) => `\ufdd0${codes.push(code.trim()) - 1}\ufdd1`)
    : text;
  const plain = decodeCharacterReferences(
    marked
      .replace(ESCAPED_AMPERSAND, '\ufdd2')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  ).replace(AMPERSAND_MARK, '&');
  return codes.length === 0 ? plain : plain.replace(CODE_MARK, (_m, index: string) => codes[Number(index)]!);
}

/** YAML front matter: only the few scalar fields we map to metadata. */
function frontMatter(source: string): { body: string; meta: Partial<ArticleMeta> } {
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(source);
  if (!m) return { body: source, meta: {} };
  const meta: Partial<ArticleMeta> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^(\w+):\s*(.*?)\s*$/.exec(line);
    if (!kv) continue;
    const value = kv[2]!.replace(/^(['"])(.*)\1$/, '$2');
    if (value === '') continue;
    const key = kv[1]!.toLowerCase();
    if (key === 'title') meta.title = value;
    else if (key === 'author' || key === 'byline') meta.byline = value;
    else if (key === 'date' && /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.test(value)) meta.published = value.slice(0, 10);
    else if (key === 'lang' || key === 'language') meta.language = value;
    else if (key === 'source' || key === 'outlet' || key === 'site') meta.outlet = value;
    else if (key === 'url') meta.url = value;
  }
  return { body: source.slice(m[0].length), meta };
}

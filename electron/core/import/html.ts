import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ParsedArticle } from '../model';
import type { ArticleMeta, BlockKind } from '../../shared/article';
import { assembleArticle, type Draft } from './article';
import { ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom';
import { normalizeText } from './normalize';

/** Elements whose content is never article text (and, being hostile, never looked into). */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'head',
  'audio',
  'video',
  'picture',
  'map',
  'dialog',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hr',
  'html',
  'main',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'caption',
  'hgroup',
]);

/**
 * Web page to article: Readability picks the article content and metadata; the content is then
 * walked into blocks. HTML is only ever reduced to text: linkedom runs no scripts and loads nothing.
 */
export function parseHtml(html: string, fileName: string): ParsedArticle {
  const { document } = parseHTML(normalizeText(html)) as unknown as { document: DomDocument };
  const pageMeta = readPageMeta(document);
  const fallbackTitle = document.querySelector('title')?.textContent?.trim() || null;
  // Scripts stay in the tree until Readability has read JSON-LD metadata from them; linkedom never
  // runs them, and the block walker skips them.
  const reader = new Readability(document as never, { serializer: (node: unknown) => node as DomElement });
  const article = readArticle(reader);
  // Readability changes the tree as it reads: after a failure the page is read again, whole.
  const root =
    article === undefined
      ? (parseHTML(normalizeText(html)) as unknown as { document: DomDocument }).document.documentElement
      : (article?.content ?? document.querySelector('body') ?? document.documentElement);

  const meta: Partial<ArticleMeta> = {
    // Titles are kept as written (only trimmed): they identify the page.
    title: article?.title?.trim() || fallbackTitle,
    byline: cleanByline(article?.byline),
    outlet: clean(article?.siteName),
    published: isoDate(article?.publishedTime),
    language: normalizeLang(article?.lang ?? pageMeta.lang),
    url: pageMeta.url,
  };
  return assembleArticle(htmlDrafts(root), { format: 'html', encoding: null, fileName, meta });
}

/**
 * Readability's pick of the article, null when it finds none, or undefined when it fails: on a
 * page so malformed that its content hangs outside any body, it walks up past the root and throws.
 */
function readArticle(reader: Readability<DomElement>): ReturnType<Readability<DomElement>['parse']> | undefined {
  try {
    return reader.parse();
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

function readPageMeta(document: DomDocument): { lang: string | null; url: string | null } {
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  const url = candidates.find((u): u is string => typeof u === 'string' && /^https?:\/\/\S+$/i.test(u.trim())) ?? null;
  return { lang, url: url?.trim() ?? null };
}

interface Context {
  kind: BlockKind;
  level?: number;
  pre: boolean;
}

/** Walks content into drafts: each block element ends the text gathered so far. */
export function htmlDrafts(root: DomNode): Draft[] {
  const drafts: Draft[] = [];
  let pending = '';
  let listDepth = 0;
  const stack: Context[] = [{ kind: 'paragraph', pre: false }];
  const top = () => stack[stack.length - 1]!;

  const flush = () => {
    const ctx = top();
    if (pending.trim() !== '') drafts.push({ kind: ctx.kind, text: pending, ...(ctx.level !== undefined ? { level: ctx.level } : {}) });
    pending = '';
  };
  const within = (ctx: Context, el: DomNode) => {
    flush();
    stack.push(ctx);
    walkChildren(el);
    flush();
    stack.pop();
  };

  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      pending += top().pre ? text : text.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as DomElement;
    const tag = el.localName.toLowerCase();
    if (SKIP.has(tag) || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return;
    const heading = /^h([1-6])$/.exec(tag);
    const inherited = top();
    if (heading) {
      within({ kind: 'heading', level: Number(heading[1]), pre: false }, el);
    } else if (tag === 'br') {
      pending += '\n';
    } else if (tag === 'blockquote') {
      within({ kind: 'quote', pre: false }, el);
    } else if (tag === 'ul' || tag === 'ol') {
      listDepth++;
      within(inherited, el);
      listDepth--;
    } else if (tag === 'li') {
      within({ kind: 'list-item', level: Math.max(1, listDepth), pre: false }, el);
    } else if (tag === 'pre') {
      within({ ...inherited, pre: true }, el);
    } else if (tag === 'tr') {
      flush();
      const cells = Array.from(el.children)
        .map((cell) => collapse(cell.textContent ?? ''))
        .filter((t) => t !== '');
      pending = cells.join(' | ');
      flush();
    } else if (tag === 'td' || tag === 'th') {
      pending += ` ${collapse(el.textContent ?? '')} `;
    } else if (BLOCK.has(tag)) {
      // Paragraphs inside a quote or a list item stay quote or list-item text.
      within(inherited.kind === 'heading' ? { kind: 'paragraph', pre: false } : inherited, el);
    } else {
      walkChildren(el);
    }
  };
  const walkChildren = (el: DomNode) => {
    for (const child of Array.from(el.childNodes)) walk(child);
  };

  walk(root);
  flush();
  return drafts;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clean(value: string | null | undefined): string | null {
  const text = value ? collapse(value) : '';
  return text === '' ? null : text;
}

function cleanByline(value: string | null | undefined): string | null {
  const text = clean(value)?.replace(/^(?:by|par|von|por|от)\s+/i, '');
  return text || null;
}

/** ISO 8601 kept as written (partial or with offset); other date strings parsed when unambiguous. */
function isoDate(value: string | null | undefined): string | null {
  const text = clean(value);
  if (text === null) return null;
  const iso = /^(\d{4}-\d{2}(?:-\d{2})?)(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    if (!iso[2]) return iso[1]!;
    const zone = iso[3] ? (iso[3] === 'Z' ? 'Z' : iso[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${iso[1]}T${iso[2]}${zone}`;
  }
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function normalizeLang(value: string | null | undefined): string | null {
  const text = clean(value)?.replace(/_/g, '-');
  if (!text || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(text)) return null;
  const [primary, ...rest] = text.split('-');
  return [primary!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

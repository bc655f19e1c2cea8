import type { ParsedArticle } from '../model';
import type { ArticleMeta } from '../../shared/article';
import { assembleDocument, type Draft } from './article';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom';
import { ImportError } from './errors';
import { NotZipError, readZip } from './zip';
import { elementChildren, firstByName, parseXml, textOf } from './xml';

const ODT_MIME = 'application/vnd.oasis.opendocument.text';
const PARTS = new Set(['mimetype', 'content.xml', 'meta.xml', 'styles.xml']);

/** OpenDocument text to article: text:h with outline levels, text:p, list items, quotations. */
export async function parseOdt(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  let parts: Map<string, Uint8Array>;
  try {
    parts = await readZip(bytes, { wanted: (name) => PARTS.has(name) });
  } catch (error) {
    if (error instanceof NotZipError) {
      throw new ImportError(`the OpenDocument text is damaged (${error.detail})`);
    }
    throw error;
  }
  const mimetype = parts.get('mimetype');
  const mime = mimetype ? new TextDecoder().decode(mimetype).trim() : null;
  if (mime !== null && mime !== ODT_MIME) throw new ImportError(`this is not an OpenDocument text (it is ${mime})`);
  const content = parts.get('content.xml');
  if (!content) throw new ImportError('this is not an OpenDocument text (no content.xml inside)');

  const doc = parseXml(content, 'content.xml');
  const styles = styleParents(doc, parts.get('styles.xml'));
  const text = firstByName(doc, 'office:text');
  const drafts: Draft[] = [];
  let structured = false;
  let listDepth = 0;
  const visit = (node: DomElement) => {
    for (const el of elementChildren(node)) {
      switch (el.tagName) {
        case 'text:h': {
          structured = true;
          const level = Number(el.getAttribute('text:outline-level') ?? 1) || 1;
          drafts.push({ kind: 'heading', text: inlineText(el), level });
          break;
        }
        case 'text:p': {
          const style = styleName(el.getAttribute('text:style-name'), styles);
          const kind =
            listDepth > 0
              ? 'list-item'
              : style === 'title'
                ? 'heading'
                : style === 'subtitle'
                  ? 'lead'
                  : /quotation|quote/.test(style)
                    ? 'quote'
                    : 'paragraph';
          if (kind !== 'paragraph') structured = true;
          drafts.push({
            kind,
            text: inlineText(el),
            ...(kind === 'list-item' ? { level: listDepth } : kind === 'heading' ? { level: 1 } : {}),
          });
          break;
        }
        case 'text:list':
          listDepth++;
          visit(el);
          listDepth--;
          break;
        case 'table:table-row': {
          const cells = elementChildren(el).map((c) => inlineText(c).trim());
          drafts.push({ kind: 'paragraph', text: cells.filter((c) => c !== '').join(' | ') });
          break;
        }
        case 'text:tracked-changes':
        case 'office:annotation':
        case 'text:sequence-decls':
          break;
        default:
          visit(el); // sections, list items, tables, frames hold paragraphs
      }
    }
  };
  if (text) visit(text);

  const metaXml = parts.get('meta.xml');
  const meta: Partial<ArticleMeta> = {};
  let declaredLanguage: string | null = null;
  if (metaXml) {
    const m = parseXml(metaXml, 'meta.xml');
    meta.title = textOf(m, 'dc:title');
    meta.byline = textOf(m, 'meta:initial-creator') ?? textOf(m, 'dc:creator');
    meta.published = textOf(m, 'meta:creation-date');
    declaredLanguage = textOf(m, 'dc:language');
  }
  return assembleDocument(drafts, { format: 'odt', fileName, meta, structured, declaredLanguage });
}

/** Text of a paragraph: text:s/tab/line-break expanded; notes, annotations and frames left out. */
function inlineText(node: DomNode): string {
  let out = '';
  const walk = (n: DomNode) => {
    for (const child of Array.from(n.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        out += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as DomElement;
      switch (el.tagName) {
        case 'text:s':
          out += ' '.repeat(Math.min(Number(el.getAttribute('text:c') ?? 1) || 1, 100));
          break;
        case 'text:tab':
          out += '\t';
          break;
        case 'text:line-break':
          out += '\n';
          break;
        case 'office:annotation':
        case 'office:annotation-end':
        case 'text:note':
        case 'draw:frame':
        case 'text:bookmark-ref':
          break;
        default:
          walk(el);
      }
    }
  };
  walk(node);
  return out;
}

/** Automatic styles (P1, P2...) point at named parents; names are lower-cased for matching. */
function styleParents(content: ReturnType<typeof parseXml>, stylesXml: Uint8Array | undefined): Map<string, string> {
  const parents = new Map<string, string>();
  const read = (doc: ReturnType<typeof parseXml>) => {
    for (const style of Array.from(doc.getElementsByTagName('style:style'))) {
      const name = style.getAttribute('style:name');
      const parent = style.getAttribute('style:parent-style-name');
      if (name && parent) parents.set(name, parent);
    }
  };
  read(content);
  if (stylesXml) read(parseXml(stylesXml, 'styles.xml'));
  return parents;
}

function styleName(name: string | null, parents: Map<string, string>): string {
  let current = name;
  for (let i = 0; current && i < 10; i++) {
    const plain = current.replace(/_20_/g, ' ').toLowerCase();
    if (plain === 'title' || plain === 'subtitle' || plain.includes('quotation')) return plain;
    current = parents.get(current) ?? null;
  }
  return '';
}

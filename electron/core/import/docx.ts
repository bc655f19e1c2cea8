import type { ParsedArticle } from '../model';
import type { ArticleMeta, BlockKind } from '../../shared/article';
import { assembleDocument, type Draft } from './article';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom';
import { ImportError } from './errors';
import { NotZipError, readZip } from './zip';
import { elementChildren, firstByName, parseXml, textOf } from './xml';

const PARTS = new Set(['word/document.xml', 'word/styles.xml', 'docProps/core.xml']);

interface StyleRole {
  kind: BlockKind;
  level?: number;
}

/** Word (OOXML) document to article: paragraphs, heading/title/quote styles, numbered lists. */
export async function parseDocx(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  let parts: Map<string, Uint8Array>;
  try {
    parts = await readZip(bytes, { wanted: (name) => PARTS.has(name) });
  } catch (error) {
    if (error instanceof NotZipError) {
      throw new ImportError(`the Word document is damaged (${error.detail})`);
    }
    throw error;
  }
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) throw new ImportError('this is not a Word document (no word/document.xml inside)');
  const roles = styleRoles(parts.get('word/styles.xml'));
  const body = firstByName(parseXml(documentXml, 'word/document.xml'), 'w:body');
  const drafts: Draft[] = [];
  let structured = false;
  const visit = (node: DomElement) => {
    for (const child of elementChildren(node)) {
      if (child.tagName === 'w:p') {
        const draft = paragraph(child, roles);
        if (draft.kind !== 'paragraph') structured = true;
        drafts.push(draft);
      } else if (child.tagName === 'w:tbl') {
        for (const row of Array.from(child.getElementsByTagName('w:tr'))) {
          const cells = elementChildren(row)
            .filter((c) => c.tagName === 'w:tc')
            .map((c) => runText(c).trim());
          drafts.push({ kind: 'paragraph', text: cells.filter((c) => c !== '').join(' | ') });
        }
      } else if (child.tagName !== 'w:sectPr') {
        visit(child); // w:sdt, w:sdtContent, w:customXml, w:ins wrap paragraphs
      }
    }
  };
  if (body) visit(body);

  const core = parts.get('docProps/core.xml');
  const meta: Partial<ArticleMeta> = {};
  let declaredLanguage: string | null = null;
  if (core) {
    const doc = parseXml(core, 'docProps/core.xml');
    meta.title = textOf(doc, 'dc:title');
    meta.byline = textOf(doc, 'dc:creator');
    meta.published = textOf(doc, 'dcterms:created');
    // Word stamps its UI language here, so the text itself is the better witness.
    declaredLanguage = textOf(doc, 'dc:language');
  }
  return assembleDocument(drafts, { format: 'docx', fileName, meta, structured, declaredLanguage });
}

function paragraph(p: DomElement, roles: Map<string, StyleRole>): Draft {
  const pPr = elementChildren(p).find((c) => c.tagName === 'w:pPr');
  const styleId = pPr
    ? elementChildren(pPr)
        .find((c) => c.tagName === 'w:pStyle')
        ?.getAttribute('w:val')
    : null;
  const role = (styleId && roles.get(styleId)) || roleFromName(styleId ?? '');
  const text = runText(p);
  if (role) return { kind: role.kind, text, ...(role.level !== undefined ? { level: role.level } : {}) };
  const numPr = pPr && elementChildren(pPr).find((c) => c.tagName === 'w:numPr');
  if (numPr) {
    const ilvl = elementChildren(numPr)
      .find((c) => c.tagName === 'w:ilvl')
      ?.getAttribute('w:val');
    return { kind: 'list-item', text, level: Number(ilvl ?? 0) + 1 };
  }
  return { kind: 'paragraph', text };
}

/** Text of the runs in reading order: tabs and breaks kept, deleted text and field codes left out. */
function runText(node: DomNode): string {
  let out = '';
  const walk = (n: DomNode) => {
    for (const child of Array.from(n.childNodes)) {
      if (child.nodeType === TEXT_NODE) continue;
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as DomElement;
      switch (el.tagName) {
        case 'w:t':
          out += el.textContent ?? '';
          break;
        case 'w:tab':
          out += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          out += '\n';
          break;
        case 'w:noBreakHyphen':
          out += '\u2011';
          break;
        case 'w:pPr':
        case 'w:rPr':
        case 'w:del':
        case 'w:instrText':
        case 'mc:Fallback': // the Choice branch already holds the same text
          break;
        default:
          walk(el);
      }
    }
  };
  walk(node);
  return out;
}

/** Maps style ids to roles by their names, which stay English even when ids are localised. */
function styleRoles(stylesXml: Uint8Array | undefined): Map<string, StyleRole> {
  const roles = new Map<string, StyleRole>();
  if (!stylesXml) return roles;
  const doc = parseXml(stylesXml, 'word/styles.xml');
  for (const style of Array.from(doc.getElementsByTagName('w:style'))) {
    const id = style.getAttribute('w:styleId');
    if (!id) continue;
    const name = firstByName(style, 'w:name')?.getAttribute('w:val') ?? '';
    const outline = firstByName(style, 'w:outlineLvl')?.getAttribute('w:val');
    const role =
      roleFromName(name) ??
      roleFromName(id) ??
      (outline != null && Number(outline) < 9 ? { kind: 'heading' as const, level: Number(outline) + 1 } : null);
    if (role) roles.set(id, role);
  }
  return roles;
}

function roleFromName(name: string): StyleRole | null {
  const n = name.toLowerCase().replace(/\s+/g, '');
  const heading = /^heading([1-9])$/.exec(n);
  if (heading) return { kind: 'heading', level: Number(heading[1]) };
  if (n === 'title') return { kind: 'heading', level: 1 };
  if (n === 'subtitle') return { kind: 'lead' };
  if (n === 'quote' || n === 'intensequote' || n === 'blocktext') return { kind: 'quote' };
  return null;
}

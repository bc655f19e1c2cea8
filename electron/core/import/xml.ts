import { DOMParser } from 'linkedom';
import { ELEMENT_NODE, type DomDocument, type DomElement, type DomNode } from './dom';
import { ImportError } from './errors';

/** Parses XML bytes (UTF-8, as OOXML and ODF require) into a DOM; nothing is fetched or run. */
export function parseXml(bytes: Uint8Array, what: string): DomDocument {
  const text = new TextDecoder('utf-8').decode(bytes);
  const doc = new DOMParser().parseFromString(text, 'text/xml') as unknown as DomDocument;
  if (!doc.documentElement) throw new ImportError(`${what} is not well-formed XML`);
  return doc;
}

export function elementChildren(node: DomNode): DomElement[] {
  return Array.from(node.childNodes).filter((c): c is DomElement => c.nodeType === ELEMENT_NODE);
}

/** First descendant with this qualified name (e.g. "w:pStyle"), searched depth-first. */
export function firstByName(node: DomElement | DomDocument, name: string): DomElement | null {
  return (node.getElementsByTagName(name)[0] as DomElement | undefined) ?? null;
}

export function textOf(node: DomElement | DomDocument | null | undefined, name: string): string | null {
  if (!node) return null;
  const text = firstByName(node, name)?.textContent?.trim();
  return text ? text : null;
}

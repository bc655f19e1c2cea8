/** What the REFI-QDA exporter and importer agree on (QDA-XML 1.0, https://www.qdasoftware.org). */
import { createHash } from 'node:crypto';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const PROJECT_ENTRY = 'project.qde';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** The canonical (lower-case, unbraced) form of a QDA-XML GUID, or null when it is not one. */
export function canonicalGuid(raw: string | undefined): string | null {
  const match = raw === undefined ? null : GUID.exec(raw.trim());
  return match ? (match[1] as string).toLowerCase() : null;
}

/** Our uids are UUIDs already; anything else gets a stable GUID derived from it. */
export function guidFor(uid: string): string {
  const guid = canonicalGuid(uid);
  if (guid) return guid;
  const hex = createHash('sha1').update(uid).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Article metadata and claim details travel as QDA-XML variables (other tools show them as
 * document variables); the importer recognises them by name, case-insensitively.
 */
export const ARTICLE_VARIABLES = {
  outlet: 'Outlet',
  byline: 'Byline',
  published: 'Published',
  place: 'Place',
  language: 'Language',
  url: 'URL',
} as const;
export const CLAIM_VARIABLES = {
  kind: 'Claim kind',
  speaker: 'Claim speaker',
  value: 'Claim value',
  unit: 'Claim unit',
} as const;

/**
 * A claim link's relation is the Link's name; its status, score and method follow in brackets
 * when they say more than "confirmed": "contradicts (suggested, score 0.82, by numbers)".
 */
export interface LinkLabel {
  relation: string;
  status: string;
  score: number | null;
  method: string | null;
}

export function linkName(link: LinkLabel): string {
  const details = [
    link.status === 'confirmed' && link.score === null && link.method === null ? null : link.status,
    link.score === null ? null : `score ${link.score}`,
    link.method === null ? null : `by ${link.method}`,
  ].filter((part): part is string => part !== null);
  return details.length > 0 ? `${link.relation} (${details.join(', ')})` : link.relation;
}

export function parseLinkName(name: string): LinkLabel {
  const match = /^\s*([\p{L}_-]+)(?:\s*\((\w+)(?:, score (-?[\d.]+(?:e[+-]?\d+)?))?(?:, by (.*))?\))?\s*$/iu.exec(name);
  if (!match) return { relation: name.trim().toLowerCase(), status: 'confirmed', score: null, method: null };
  return {
    relation: (match[1] as string).toLowerCase(),
    status: match[2]?.toLowerCase() ?? 'confirmed',
    score: match[3] === undefined ? null : Number(match[3]),
    method: match[4] ?? null,
  };
}

/**
 * The archive entry a source path names. REFI-QDA's "internal://x" (and the bare "x" some tools
 * write) mean sources/x inside the archive. Anything that leaves the archive (another scheme, an
 * absolute path, a ".." step) is refused: archive paths never reach the file system.
 */
export function sourceEntry(path: string): string | null {
  const relative = path.startsWith('internal://') ? path.slice('internal://'.length) : path;
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || /^[\\/]/.test(relative)) return null;
  const parts = relative.split(/[\\/]/);
  if (parts.some((part) => part === '..' || part === '' || part === '.')) return null;
  return `sources/${parts.join('/')}`;
}

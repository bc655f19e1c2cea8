import { MarginaliaError } from '../errors';

/** The separator between levels in a tag path, as shown to analysts: "Middle East / Syria". */
export const PATH_SEPARATOR = ' / ';

/** Tidies a tag name (NFC, single spaces) and refuses what cannot be a name. */
export function cleanName(raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name === '') throw new MarginaliaError('invalid-arguments', 'A tag name cannot be empty.');
  if (name.includes('/'))
    throw new MarginaliaError('invalid-arguments', `"${name}": a tag name cannot contain "/" (it separates levels of the codebook).`);
  if (name.length > 200) throw new MarginaliaError('invalid-arguments', `"${name.slice(0, 40)}…": a tag name is at most 200 characters.`);
  return name;
}

/** "Parent / Child" → ["Parent", "Child"]; empty levels ("A // B") are refused, not skipped. */
export function splitPath(path: string): string[] {
  const parts = path.split('/').map((part) => part.trim());
  if (parts.some((part) => part === '')) {
    throw new MarginaliaError('invalid-arguments', `"${path}" has an empty level; write paths such as "Middle East / Syria".`);
  }
  return parts.map(cleanName);
}

/** Key under which sibling names clash: case-insensitive for every script, not only ASCII. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

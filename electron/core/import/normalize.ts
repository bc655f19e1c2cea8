/** Text normalisation shared by every format: NFC, "\n" line ends, no BOM. */
export function normalizeText(text: string): string {
  const out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
  // ASCII is already in NFC: skip the normaliser's copy of every English text.
  return isAscii(lines) ? lines : lines.normalize('NFC');
}

/**
 * Whether every character is ASCII: only then is the UTF-8 length the string's length. A native
 * count, some thirty times faster than scanning with a regex.
 */
export function isAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') === text.length;
}

const BLANKS = /[\t\f\v]/;

/** Collapses runs of blanks (not line breaks) to one space and trims every line and the whole. */
export function tidyInline(text: string): string {
  // Patterns that skip single spaces: this runs over every block of every import.
  const spaced = text.includes('  ') || BLANKS.test(text) ? text.replace(/[ \t\f\v]{2,}|[\t\f\v]/g, ' ') : text;
  return (spaced.includes('\n') ? spaced.replace(/ ?\n ?/g, '\n') : spaced).trim();
}

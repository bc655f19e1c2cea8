/** Text normalisation shared by every format: NFC, "\n" line ends, no BOM. */
export function normalizeText(text: string): string {
  const out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
  // ASCII is already in NFC: skip the normaliser's copy of every English text.
  return NON_ASCII.test(lines) ? lines.normalize('NFC') : lines;
}

const NON_ASCII = /[^\x00-\x7f]/;
const BLANKS = /[\t\f\v]/;

/** Collapses runs of blanks (not line breaks) to one space and trims every line and the whole. */
export function tidyInline(text: string): string {
  // Patterns that skip single spaces: this runs over every block of every import.
  const spaced = text.includes('  ') || BLANKS.test(text) ? text.replace(/[ \t\f\v]{2,}|[\t\f\v]/g, ' ') : text;
  return (spaced.includes('\n') ? spaced.replace(/ ?\n ?/g, '\n') : spaced).trim();
}

/** Text normalisation shared by every format: NFC, "\n" line ends, no BOM. */
export function normalizeText(text: string): string {
  const out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return out.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Collapses runs of blanks (not line breaks) to one space and trims every line and the whole. */
export function tidyInline(text: string): string {
  return text
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

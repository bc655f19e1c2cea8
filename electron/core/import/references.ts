import { decodeHTMLStrict } from 'entities/decode';

/**
 * Scrapers save a page's text with its HTML character references left in ("&#163;1.8m",
 * "&amp;"): decoded to the characters the page showed. Only complete references are read (with
 * their semicolon, as HTML's strict mode does), so "AT&T", "R&D" or a URL's "&copy=2" stay as
 * written. The file's original bytes are kept apart, as for every import.
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  const decoded = decodeHTMLStrict(text);
  // "e&#769;" decodes to e and a combining accent: composed as every imported text is (NFC).
  return decoded === text ? text : decoded.normalize('NFC');
}

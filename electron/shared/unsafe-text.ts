// Characters that change how text around them reads: C0 and C1 controls (a newline in a file name
// splits a list line), and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) and marks (U+200E, U+200F, U+061C) that make "report<U+202E>fdp.exe" read as "reportexe.pdf".
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A title taken from a file name: controls become spaces, bidirectional controls go, spaces collapse. */
export function safeName(name: string): string {
  return name.replace(BIDI, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Text for one line of terminal output: controls and bidirectional controls shown as escapes (<U+202E>). */
export function terminalSafe(text: string): string {
  return text.replace(
    new RegExp(`${CONTROL.source}|${BIDI.source}`, 'g'),
    (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './errors';
import { normalizeText } from './normalize';

export interface DecodedText {
  text: string;
  /** WHATWG-style label of the source encoding, e.g. "utf-8", "windows-1251", "koi8-r". */
  encoding: string;
}

const CYRILLIC_CANDIDATES = ['windows-1251', 'koi8-r', 'ibm866'] as const;

// Relative frequency (%) of Russian letters; used to pick between Cyrillic code pages, which
// chardet confuses on short texts because their letters occupy the same byte ranges.
const RUSSIAN_FREQ: Record<string, number> = {
  о: 10.97,
  е: 8.45,
  а: 8.01,
  и: 7.35,
  н: 6.7,
  т: 6.26,
  с: 5.47,
  р: 4.73,
  в: 4.54,
  л: 4.4,
  к: 3.49,
  м: 3.21,
  д: 2.98,
  п: 2.81,
  у: 2.62,
  я: 2.01,
  ы: 1.9,
  ь: 1.74,
  г: 1.7,
  з: 1.65,
  б: 1.59,
  ч: 1.44,
  й: 1.21,
  х: 0.97,
  ж: 0.94,
  ш: 0.73,
  ю: 0.64,
  ц: 0.48,
  щ: 0.36,
  э: 0.32,
  ф: 0.26,
  ъ: 0.04,
  ё: 0.04,
};

/**
 * Decodes file bytes to normalised text (NFC, "\n" line ends, no BOM).
 * Order: byte-order marks, UTF-16 without BOM, strict UTF-8, a declared charset (HTML), then
 * detection for legacy code pages.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  if (bytes.length === 0) throw new ImportError('the file is empty');
  const { text, encoding } = decodeRaw(bytes, declared ?? null);
  refuseBinary(text);
  return { text: normalizeText(text), encoding };
}

function decodeRaw(bytes: Uint8Array, declared: string | null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // Before UTF-8: ASCII in UTF-16 is valid UTF-8 too, full of NULs.
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to detection
  }
  if (looksBinary(bytes)) throw binaryError();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // A charset the file declares (HTML meta) beats guessing, when it is a single-byte legacy one.
  const label = declared?.toLowerCase().trim();
  if (label && !label.startsWith('utf') && iconv.encodingExists(label)) {
    const canonical = label === 'iso-8859-1' || label === 'latin1' || label === 'us-ascii' ? 'windows-1252' : label;
    return { text: iconv.decode(buffer, canonical), encoding: canonical };
  }
  return decodeLegacy(buffer);
}

function utf8(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('the file starts with a UTF-8 byte-order mark but is not valid UTF-8');
  }
}

/** UTF-16 without BOM: mostly-ASCII text leaves NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  // Without a single NUL it cannot be; a native search settles that for nearly every file.
  if (n < 4 || bytes.subarray(0, n).indexOf(0) < 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (isControl(b)) controls++;
  }
  return controls > n * 0.01;
}

/** Decoded text can still be noise (e.g. UTF-16 of random bytes, or a UTF-8 file of control codes). */
function refuseBinary(text: string): void {
  const n = Math.min(text.length, 65536);
  const head = n < text.length ? text.slice(0, n) : text;
  // Nearly every file has none of these: one native scan settles it before counting by hand.
  if (!SUSPECT.test(head)) return;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) throw binaryError();
    if (isControl(c) || c === 0xfffd) controls++;
  }
  if (controls > n * 0.01) throw binaryError();
}

// What isControl counts, and the replacement character.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const SUSPECT = /[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]/;

function binaryError(): ImportError {
  return new ImportError('this looks like binary data, not text');
}

/** Russian by letter statistics first, then chardet's candidates; the first clean decoding wins. */
function decodeLegacy(buffer: Buffer): DecodedText {
  const sample = buffer.subarray(0, 65536);
  const cyrillic = bestCyrillic(sample);
  if (cyrillic) return { text: iconv.decode(buffer, cyrillic), encoding: cyrillic };
  for (const match of chardet.analyse(sample)) {
    const name = match.name.toLowerCase();
    // ISO-8859-1 texts are nearly always Windows-1252 (its superset for printable characters).
    const label = name === 'iso-8859-1' ? 'windows-1252' : name;
    if (label.startsWith('utf-') || !iconv.encodingExists(label)) continue;
    const text = iconv.decode(buffer, label);
    if (!text.includes('\ufffd')) return { text, encoding: label };
  }
  return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252' };
}

/**
 * When most letters are high bytes the text is in a non-Latin single-byte script; if one Cyrillic
 * code page decodes it as plausible Russian, take the best-scoring one.
 */
function bestCyrillic(sample: Uint8Array): string | null {
  let high = 0;
  let asciiLetters = 0;
  for (const b of sample) {
    if (b >= 0x80) high++;
    else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) asciiLetters++;
  }
  if (high === 0 || high < asciiLetters) return null;
  const buffer = Buffer.from(sample.buffer, sample.byteOffset, sample.length);
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const encoding of CYRILLIC_CANDIDATES) {
    const score = russianScore(iconv.decode(buffer, encoding));
    if (score > bestScore) {
      bestScore = score;
      best = encoding;
    }
  }
  // Average log-frequency per non-ASCII character; real Russian scores about 1.3–1.6.
  return bestScore > 0.5 ? best : null;
}

function russianScore(text: string): number {
  let sum = 0;
  let count = 0;
  let prevLower = false;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      prevLower = false;
      continue;
    }
    count++;
    const lower = ch.toLowerCase();
    const freq = RUSSIAN_FREQ[lower];
    if (freq === undefined) {
      sum -= 3; // box drawing, symbols, foreign letters: implausible in Russian prose
      prevLower = false;
      continue;
    }
    const isUpper = lower !== ch;
    // A capital right after a small letter is rare in real text but common in a wrong decoding.
    sum += Math.log(1 + freq) - (isUpper && prevLower ? 3 : 0);
    prevLower = !isUpper;
  }
  return count === 0 ? -Infinity : sum / count;
}

/**
 * Near-identical texts (reprints of wire copy under new headlines) by MinHash over word shingles.
 * One-permutation hashing: each shingle is hashed once and kept in one of BUCKETS buckets (the
 * smallest value per bucket), so a signature costs one hash per word instead of one per word and
 * permutation; empty buckets of short texts borrow from their right-hand neighbour (densification,
 * Shrivastava & Li 2014), so two copies still agree bucket for bucket. Computed where articles are
 * prepared (the parse workers), compared by the writer through LSH bands.
 */

/** Words per shingle: four keep a changed word from matching while one edit spoils only four shingles. */
const SHINGLE = 4;
export const BUCKETS = 64;
/**
 * LSH: BANDS bands of ROWS buckets each; two texts become candidates when a band agrees whole, with
 * probability 1 − (1 − J³)⁴ (J = 0.7: 0.81, J = 0.8: 0.94, J = 0.9: 0.995, J = 0.2: 0.03). Few
 * bands, because each is a row in an index with random keys, which every import writes to.
 */
export const BANDS = 4;
const ROWS = 3;
/** Texts with fewer shingles are grouped by their exact hash only: a few words say too little. */
const MIN_SHINGLES = 8;
const EMPTY = 0xffffffff;

export interface MinHash {
  /** BUCKETS uint32 values, then the count of distinct shingles (containment's denominator), in the machine's byte order. */
  signature: Uint8Array;
  /** One key per band, each below 2⁵³: band number × 2³² + the band's hash. */
  bands: number[];
}

function mix(h: number): number {
  // murmur3's finaliser: every input bit reaches every output bit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Word hashes (FNV-1a over the lower-cased word), one pass over the text. */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  const lower = text.toLowerCase();
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    // Letters and digits in ASCII, and anything beyond it except spaces, quotes and dashes.
    const wordChar =
      (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && c !== 0xa0 && c !== 0xab && c !== 0xbb && (c < 0x2000 || c > 0x206f));
    if (wordChar) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      hashes.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) hashes.push(h >>> 0);
  return hashes;
}

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** The hashes of a text's SHINGLE-word shingles, in order (repeats kept): one mix each, the four words told apart by rotation. */
function shingleHashes(text: string): number[] {
  const words = wordHashes(text);
  const hashes: number[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    hashes.push(
      mix((words[i] as number) ^ rotl(words[i + 1] as number, 8) ^ rotl(words[i + 2] as number, 16) ^ rotl(words[i + 3] as number, 24)),
    );
  }
  return hashes;
}

/** The signature of a text, or null when it has too few words to compare by wording. */
export function minHashOf(text: string): MinHash | null {
  const shingles = shingleHashes(text);
  if (shingles.length < MIN_SHINGLES) return null;
  const values = new Uint32Array(BUCKETS + 1);
  const mins = values.subarray(0, BUCKETS).fill(EMPTY);
  for (const h of shingles) {
    const bucket = h >>> 26;
    // The bucket's bits are spent: the value compared within it is mixed again.
    const value = mix(h ^ 0x5bd1e995);
    if (value < (mins[bucket] as number)) mins[bucket] = value;
  }
  densify(mins);
  // Shingles counted with repeats (rare in prose): the size that containment's estimate divides by.
  values[BUCKETS] = shingles.length;
  return { signature: new Uint8Array(values.buffer), bands: bandsOf(mins) };
}

function densify(mins: Uint32Array): void {
  const filled = mins.map((v) => (v === EMPTY ? 0 : 1));
  for (let b = 0; b < BUCKETS; b++) {
    if (filled[b]) continue;
    for (let step = 1; step < BUCKETS; step++) {
      const from = (b + step) % BUCKETS;
      if (filled[from]) {
        // The distance is mixed in, so a borrowed value never equals its source's by chance.
        mins[b] = mix((mins[from] as number) + step);
        break;
      }
    }
  }
}

function bandsOf(mins: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = band;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ (mins[band * ROWS + r] as number));
    keys.push(band * 0x100000000 + h);
  }
  return keys;
}

function valuesOf(signature: Uint8Array): Uint32Array {
  const copy = new Uint8Array(signature); // aligned, whatever buffer the blob came in
  return new Uint32Array(copy.buffer, 0, BUCKETS + 1);
}

/** How alike two signatures' texts are: estimated Jaccard similarity and containment of the shorter. */
export function compare(a: Uint8Array, b: Uint8Array): { jaccard: number; containment: number } {
  const x = valuesOf(a);
  const y = valuesOf(b);
  let same = 0;
  for (let i = 0; i < BUCKETS; i++) if (x[i] === y[i]) same++;
  const jaccard = same / BUCKETS;
  const [m, n] = [x[BUCKETS] as number, y[BUCKETS] as number];
  // A reprint cut short after its first paragraphs is still a reprint: |A∩B| = J(|A|+|B|)/(1+J).
  const shared = (jaccard * (m + n)) / (1 + jaccard);
  return { jaccard, containment: Math.min(1, shared / Math.max(1, Math.min(m, n))) };
}

/** The share of the shorter text's shingles that the other holds, counted exactly (for estimates near the line). */
export function exactContainment(a: string, b: string): number {
  const x = new Set(shingleHashes(a));
  const y = new Set(shingleHashes(b));
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / Math.max(1, small.size);
}

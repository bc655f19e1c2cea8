import { describeValue, type Figure, parseFigures } from './figures';
import { stem, wordsOf, isContentWord } from '../text/stem';
import { NAME_PREFIX, termsOf } from './terms';

/**
 * How a sentence (or another claim) compares with a claim, and why: agreement of figures (the
 * same value counting the same thing: the same claim; the same thing, another value: a variant),
 * shared terms weighted by how rare they are, shared names (across scripts), and near-identical
 * wording (stem shingles). A figure alone never makes a match: "10%" about inflation says nothing
 * about "10%" turnout.
 */
export interface ClaimProfile {
  terms: Set<string>;
  figures: Figure[];
  shingles: Set<string>;
  negated: boolean;
}

export interface Comparison {
  score: number;
  relation: 'same' | 'varies' | 'related';
  figure: 'same' | 'varies' | 'other' | 'none';
  reasons: string[];
  /** Enough evidence beyond a figure to be suggested at all. */
  eligible: boolean;
}

/** Counted things too general to tell two figures' subjects apart. */
const GENERIC = new Set(['people', 'percent', 'year', 'month', 'day', 'hour', 'dollar', 'euro', 'pound', 'rouble', 'unit', 'case']);

const NEGATION = /\b(?:not|no|never|denied|deny|denies|false|untrue)\b|(?:^|\s)(?:не|нет|никогда|опроверг\p{L}*)(?=\s|$)/iu;

function shinglesOf(text: string): Set<string> {
  const stems = wordsOf(text)
    .filter((w) => isContentWord(w.text))
    .map((w) => stem(w.text));
  const shingles = new Set<string>();
  for (let i = 0; i + 1 < stems.length; i++) shingles.add(`${stems[i]} ${stems[i + 1]}`);
  return shingles;
}

export function profileOf(text: string): ClaimProfile {
  const figures = parseFigures(text);
  return { terms: new Set(termsOf(text, figures)), figures, shingles: shinglesOf(text), negated: NEGATION.test(text) };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005;
const isNumberTerm = (term: string): boolean => /^n\d/.test(term);

/** The words of `text` whose stems are among `stems`, as written, each once. */
function wordsFor(text: string, stems: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const w of wordsOf(text)) {
    const s = stem(w.text);
    if (stems.has(s) && !seen.has(s)) {
      seen.add(s);
      words.push(w.text);
    }
  }
  return words;
}

function figureAgreement(
  claim: readonly Figure[],
  other: readonly Figure[],
): { kind: Comparison['figure']; figure: Figure | null; mine: Figure | null } {
  if (claim.length === 0) return { kind: 'none', figure: null, mine: null };
  for (const mine of claim) {
    const same = other.find((f) => close(f.value, mine.value) && mine.counted !== null && f.counted === mine.counted);
    if (same) return { kind: 'same', figure: same, mine };
  }
  for (const mine of claim) {
    const varies = other.find((f) => mine.counted !== null && f.counted === mine.counted && !close(f.value, mine.value));
    if (varies) return { kind: 'varies', figure: varies, mine };
  }
  for (const mine of claim) {
    const other_ = other.find((f) => close(f.value, mine.value));
    if (other_) return { kind: 'other', figure: other_, mine };
  }
  return { kind: 'none', figure: null, mine: null };
}

/**
 * Compares a claim's profile with a text. `idf` gives each term's weight (rarer terms count more).
 */
export function compare(claim: ClaimProfile, text: string, idf: (term: string) => number): Comparison {
  const other = profileOf(text);
  const words = [...claim.terms].filter((t) => !isNumberTerm(t));
  let total = 0;
  let shared = 0;
  const sharedStems = new Set<string>();
  const sharedNames: string[] = [];
  for (const term of words) {
    const weight = idf(term);
    total += weight;
    if (!other.terms.has(term)) continue;
    shared += weight;
    if (term.startsWith(NAME_PREFIX)) sharedNames.push(term);
    else sharedStems.add(term);
  }
  const coverage = total === 0 ? 0 : shared / total;
  let overlap = 0;
  for (const s of claim.shingles) if (other.shingles.has(s)) overlap++;
  const wording = claim.shingles.size === 0 ? 0 : overlap / Math.max(claim.shingles.size, other.shingles.size);
  const agreement = figureAgreement(claim.figures, other.figures);
  const reasons: string[] = [];
  let score = coverage + 0.6 * wording;
  if (agreement.kind === 'same' && agreement.figure) {
    score += 0.8;
    reasons.push(`same figure ${describeValue(agreement.figure)}`);
  } else if (agreement.kind === 'varies' && agreement.figure && agreement.mine) {
    score += 0.4;
    reasons.push(`other figure ${describeValue(agreement.figure)} (claim: ${describeValue(agreement.mine)})`);
  }
  if ((agreement.kind === 'same' || agreement.kind === 'varies') && agreement.figure?.countedText)
    reasons.push(agreement.figure.countedText);
  const shown = wordsFor(text, sharedStems).filter((w) => !agreement.figure?.countedText?.includes(w));
  if (sharedNames.length > 0) {
    const names = wordsOf(text)
      .map((w) => w.text)
      .filter((w) => /^\p{Lu}/u.test(w) && termsOf(w).some((t) => sharedNames.includes(t)));
    for (const name of [...new Set(names)]) if (!shown.includes(name)) shown.push(name);
  }
  if (shown.length > 0) reasons.push(shown.slice(0, 6).join(' '));
  if (wording >= 0.5) reasons.push(`near-identical wording (${Math.round(wording * 100)}%)`);
  // Evidence besides the figure: enough shared terms, or the figure counting the same thing plus a shared term.
  // A specific counted thing (refugees, not "people" or "%") is itself evidence beyond the number.
  const countedAgrees = agreement.kind === 'same' || agreement.kind === 'varies';
  const specific = countedAgrees && !GENERIC.has(agreement.figure?.counted ?? '');
  const eligible = coverage >= 0.45 || wording >= 0.3 || (countedAgrees && (specific || coverage >= 0.1 || sharedNames.length > 0));
  const contradicts = claim.negated !== other.negated && coverage >= 0.5;
  const relation: Comparison['relation'] =
    agreement.kind === 'varies' ? 'varies' : agreement.kind === 'same' || (coverage >= 0.6 && !contradicts) ? 'same' : 'related';
  if (contradicts) reasons.push('one denies what the other states');
  return { score: Math.round(score * 1000) / 1000, relation, figure: agreement.kind, reasons, eligible };
}

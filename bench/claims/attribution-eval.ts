import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findCandidates } from '../../electron/core/claims/candidates';
import { findQuotes } from '../../electron/core/claims/quotes';
import { sameSpeaker } from '../../electron/core/claims/speaker-match';

/**
 * Speaker attribution against a hand-labelled set: for each labelled quotation, the candidate
 * that covers it most must name the same speaker. A quotation candidate with a speaker that no
 * labelled quotation backs counts against precision.
 */
export interface LabelledQuote {
  quote: string;
  speaker: string;
}

interface LabelledSet {
  articles: Array<{ file: string; quotes: LabelledQuote[] }>;
}

export interface AttributionScore {
  quotes: number;
  correct: number;
  wrong: number;
  missed: number;
  spurious: number;
  precision: number;
  recall: number;
  f1: number;
  errors: string[];
}

export function scoreAttribution(setFile: string): AttributionScore {
  const set = JSON.parse(readFileSync(setFile, 'utf8')) as LabelledSet;
  const score: AttributionScore = { quotes: 0, correct: 0, wrong: 0, missed: 0, spurious: 0, precision: 0, recall: 0, f1: 0, errors: [] };
  for (const article of set.articles) {
    const text = readFileSync(join(dirname(setFile), article.file), 'utf8').replace(/\r\n?/g, '\n');
    const candidates = findCandidates(text).filter((c) => c.speaker !== null);
    const backed = new Set<(typeof candidates)[number]>();
    const quotes = findQuotes(text);
    for (const labelled of article.quotes) {
      score.quotes++;
      const start = text.indexOf(labelled.quote);
      if (start < 0) throw new Error(`${article.file}: labelled quote not found: ${labelled.quote}`);
      // The labelled words stand for the whole quotation they open.
      const enclosing = quotes.find((q) => q.contentStart <= start && q.contentEnd >= start + labelled.quote.length);
      const end = enclosing?.contentEnd ?? start + labelled.quote.length;
      const covering = candidates
        .filter((c) => c.start < end && c.end > start)
        .sort((a, b) => Math.min(b.end, end) - Math.max(b.start, start) - (Math.min(a.end, end) - Math.max(a.start, start)))[0];
      if (!covering) {
        score.missed++;
        score.errors.push(`${article.file}: missed "${labelled.quote}" (${labelled.speaker})`);
        continue;
      }
      for (const c of candidates) if (c.start < end && c.end > start) backed.add(c);
      if (sameSpeaker(covering.speaker, labelled.speaker)) score.correct++;
      else {
        score.wrong++;
        score.errors.push(`${article.file}: "${labelled.quote}" gave ${covering.speaker}, not ${labelled.speaker}`);
      }
    }
    for (const candidate of candidates) {
      if (candidate.quoted && !backed.has(candidate)) {
        score.spurious++;
        score.errors.push(`${article.file}: unlabelled quotation "${candidate.text.slice(0, 50)}" (${candidate.speaker})`);
      }
    }
  }
  const proposed = score.correct + score.wrong + score.spurious;
  score.precision = proposed === 0 ? 0 : score.correct / proposed;
  score.recall = score.quotes === 0 ? 0 : score.correct / score.quotes;
  score.f1 = score.precision + score.recall === 0 ? 0 : (2 * score.precision * score.recall) / (score.precision + score.recall);
  return score;
}

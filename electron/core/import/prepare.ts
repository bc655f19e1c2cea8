import { createHash } from 'node:crypto';
import type { ParsedArticle } from '../model';
import { type AnalysedSentence, analyseSentences } from '../claims/terms';
import { numberTokensOf } from '../search/numbers';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * An article as the writer stores it, prepared where parsing runs (in parallel, off the single
 * writer): blocks as JSON (a string also crosses threads at half the cost of the objects), the
 * text's hash for duplicate detection, the number tokens of title and text for search, and the
 * sentences for the claims' index.
 */
export interface PreparedArticle extends Omit<ParsedArticle, 'blocks'> {
  blocks: string;
  sha256: string;
  numbers: string;
  /** The text's sentences with their index terms and figures (the claims' sentence index). */
  sentences?: AnalysedSentence[];
}

/** Texts up to this many characters (long news articles are 20,000) are analysed in the worker. */
const WORKER_ANALYSIS_LIMIT = 100_000;

export function prepareArticle(article: ParsedArticle): PreparedArticle {
  return {
    ...article,
    blocks: JSON.stringify(article.blocks),
    sha256: sha256(article.text),
    numbers: numberTokensOf(article.title ?? '', article.text),
    // A long text is left to the library's sentence queue (the host's larger heap): near a worker's
    // heap limit, analysing it too could bring the worker down hard instead of failing the file.
    ...(article.text.length <= WORKER_ANALYSIS_LIMIT ? { sentences: analyseSentences(article.text) } : {}),
  };
}

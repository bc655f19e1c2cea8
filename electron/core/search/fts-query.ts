import { ftsMatch, parseQuery, type Layout } from './terms';

/** The columns of each search index (see the migration that made them). */
export const LAYOUTS = {
  articles: { exact: ['title', 'outlet', 'byline', 'text'], stems: ['stems'], numbers: ['numbers'], stemmed: ['title', 'text'] },
  /** A passage's quote and note together (the Passages view's text filter). */
  passageText: {
    exact: ['exact', 'note'],
    stems: ['exact_stems', 'note_stems'],
    numbers: ['exact_numbers', 'note_numbers'],
    stemmed: ['exact', 'note'],
  },
  quotes: { exact: ['exact'], stems: ['exact_stems'], numbers: ['exact_numbers'], stemmed: ['exact'] },
  notes: { exact: ['note'], stems: ['note_stems'], numbers: ['note_numbers'], stemmed: ['note'] },
  /** Claims' stemmed column is the claims index's terms (migration 7): content words' stems, concepts, names. */
  claims: { exact: ['statement', 'speaker', 'note'], stems: ['terms'], numbers: ['numbers'] },
  memos: { exact: ['text'], stems: ['stems'], numbers: ['numbers'], stemmed: ['text'] },
} as const satisfies Record<string, Layout>;

/**
 * How each index ranks its hits, best first: the title weighs most, the stemmed column least (an
 * exact form found also matches its stem, so it ranks above an inflection). Written out rather
 * than read from the tables' rank setting: FTS5 evaluates it about twice as fast that way.
 */
export const RANKS = {
  articles: 'bm25(articles_fts, 4.0, 2.0, 2.0, 1.0, 1.0, 0.5)',
  passages: 'bm25(passages_fts, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5)',
  claims: 'bm25(claims_fts)',
  memos: 'bm25(memos_fts, 1.0, 1.0, 0.5)',
} as const;

/**
 * Turns what a user types into a safe FTS5 query over one index (every word quoted, so FTS
 * syntax characters are inert); null when nothing searchable is left.
 */
export function ftsQuery(input: string, layout: Layout): string | null {
  return ftsMatch(parseQuery(input), layout);
}

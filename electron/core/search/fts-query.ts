import { ftsMatch, parseQuery, type Layout } from './terms';

/** The columns of each search index (see the migration that made them). */
export const LAYOUTS = {
  articles: { exact: ['title', 'outlet', 'byline', 'text'], stems: ['stems'], numbers: ['numbers'] },
  /** A passage's quote and note together (the Passages view's text filter). */
  passageText: { exact: ['exact', 'note'], stems: ['exact_stems', 'note_stems'], numbers: ['exact_numbers', 'note_numbers'] },
  quotes: { exact: ['exact'], stems: ['exact_stems'], numbers: ['exact_numbers'] },
  notes: { exact: ['note'], stems: ['note_stems'], numbers: ['note_numbers'] },
  claims: { exact: ['statement', 'speaker', 'note'], stems: [], numbers: ['numbers'] },
} as const satisfies Record<string, Layout>;

/**
 * Turns what a user types into a safe FTS5 query over one index (every word quoted, so FTS
 * syntax characters are inert); null when nothing searchable is left.
 */
export function ftsQuery(input: string, layout: Layout): string | null {
  return ftsMatch(parseQuery(input), layout);
}

import type { Query } from '@tanstack/react-query';
import type { CommandName } from '../../../electron/shared/contract';
import type { ChangeKind } from '../../../electron/shared/types';

type Kinds = readonly Exclude<ChangeKind, 'library'>[];
const EVERY: Kinds = ['articles', 'passages', 'tags', 'claims', 'memos'];

/**
 * For each command the views read, the kinds of change that can alter its answer. A change of
 * another kind leaves its cached answers alone; `library` (another library opened, or a change
 * no one described) makes every answer stale.
 */
export const STALE_AFTER = {
  'library.info': EVERY,
  'stats.get': EVERY,
  'edit.state': EVERY,
  // Passage counts per article.
  'articles.list': ['articles', 'passages'],
  'articles.get': ['articles'],
  'articles.outlets': ['articles'],
  'fields.list': ['articles'],
  'fields.forArticle': ['articles'],
  // Imports cut short: their files are articles written or not.
  'import.interrupted': ['articles'],
  'search.query': ['articles', 'passages', 'claims', 'memos'],
  'search.page': ['articles', 'passages', 'claims', 'memos'],
  // Where the query's words are in one article's text.
  'search.articleHits': ['articles'],
  'memos.get': ['memos'],
  // Counts of passages and articles per tag.
  'tags.list': ['tags', 'passages'],
  'tags.usage': ['tags', 'passages'],
  // Passages carry their claims' ids.
  'passages.forArticle': ['passages', 'claims'],
  'passages.get': ['passages', 'tags', 'claims'],
  // Rows show tag paths and their article's title, outlet and date.
  'passages.list': ['passages', 'tags', 'articles'],
  // Appearances show their article's outlet and date.
  // The tag filter reads its claims' passages' tags (a tag's deletion reports passages too).
  'claims.list': ['claims', 'articles', 'passages'],
  'claims.get': ['claims', 'articles'],
  // Outlets are articles'; speakers are claims'.
  'claims.facets': ['claims', 'articles'],
  // An appearance's sentence is its article's text.
  'claims.contexts': ['claims', 'articles'],
  // Filtered by tag as claims.list is.
  'claims.graph': ['claims', 'articles', 'passages'],
  'claims.related': ['claims', 'articles'],
  'claims.candidates': ['claims', 'articles', 'passages'],
  // Read from the article's text alone.
  'claims.prefill': ['articles'],
  // Charts count articles by outlet and date, passages by tag (tag paths label them), claims' appearances.
  'overview.articlesOverTime': ['articles', 'passages', 'tags'],
  'overview.tagsByOutlet': ['articles', 'passages', 'tags'],
  'overview.tagsByMonth': ['articles', 'passages', 'tags'],
  'overview.tagCooccurrence': ['articles', 'passages', 'tags'],
  'overview.claimTimeline': ['claims', 'articles', 'passages', 'tags'],
  'overview.coverage': ['articles', 'passages', 'tags'],
  'overview.drill': ['claims', 'articles', 'passages', 'tags'],
  // A coder is registered by their first coding edit (a passage or tagging, a claim, a memo).
  'coders.list': ['coders', 'passages', 'claims', 'memos'],
  'coders.current': ['coders', 'passages', 'claims', 'memos'],
  'library.blindCoding': ['coders'],
  // Coders' passages and tag applications, tag paths, article titles and text.
  'agreement.choices': ['passages', 'tags'],
  'agreement.compute': ['articles', 'passages', 'tags'],
  'agreement.article': ['articles', 'passages', 'tags'],
} as const satisfies Partial<Record<CommandName, Kinds>>;

/** Whether a change of these kinds can make this cached query's answer stale. */
export function staleAfter(kinds: readonly ChangeKind[], query: Pick<Query, 'queryKey'>): boolean {
  if (kinds.includes('library')) return true;
  const affected: Kinds | undefined = STALE_AFTER[query.queryKey[0] as keyof typeof STALE_AFTER];
  // A command not listed here is not cached by kind: refresh it whatever changed.
  return affected === undefined || kinds.some((kind) => (affected as readonly ChangeKind[]).includes(kind));
}

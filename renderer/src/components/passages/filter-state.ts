import type { Args } from '../../../../electron/shared/contract';

export type PassageFilter = NonNullable<Args<'passages.list'>['filter']>;

/** What the analyst has typed and picked in the passages filter form (dates as typed). */
export interface FilterState {
  tagIds: number[];
  tagMode: 'any' | 'all';
  includeChildren: boolean;
  article: { id: number; title: string } | null;
  /** A set of articles picked elsewhere (the articles behind a mark of the Overview), named for the chip. */
  articles: PassagesStart['articles'] | null;
  outlet: string;
  /** Only this coder's passages ("Only mine", "Only X"); null: everyone's. */
  coderId: number | null;
  from: string;
  to: string;
  text: string;
}

export type FilterAction =
  | { type: 'addTag'; id: number }
  | { type: 'removeTag'; id: number }
  | { type: 'tagMode'; mode: 'any' | 'all' }
  | { type: 'includeChildren'; value: boolean }
  | { type: 'article'; article: { id: number; title: string } | null }
  | { type: 'articles'; articles: null }
  | { type: 'outlet'; outlet: string }
  | { type: 'coder'; id: number | null }
  | { type: 'from' | 'to' | 'text'; value: string }
  | { type: 'clear' };

const DAY = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Where the Passages view starts: a tag (the codebook's Show passages), or the articles behind a chart's mark. */
export interface PassagesStart {
  tagIds?: number[];
  /** false: the tags as applied, not their children (a chart that counts tags that way). */
  includeChildren?: boolean;
  articles?: { ids: number[]; label: string };
}

export function initialFilter(start: PassagesStart = {}): FilterState {
  return {
    tagIds: start.tagIds ?? [],
    tagMode: 'any',
    includeChildren: start.includeChildren ?? true,
    article: null,
    articles: start.articles ?? null,
    outlet: '',
    coderId: null,
    from: '',
    to: '',
    text: '',
  };
}

export function filterReducer(state: FilterState, action: FilterAction): FilterState {
  switch (action.type) {
    case 'addTag':
      return state.tagIds.includes(action.id) ? state : { ...state, tagIds: [...state.tagIds, action.id] };
    case 'removeTag':
      return { ...state, tagIds: state.tagIds.filter((id) => id !== action.id) };
    case 'tagMode':
      return { ...state, tagMode: action.mode };
    case 'includeChildren':
      return { ...state, includeChildren: action.value };
    case 'article':
      // One article picked replaces a set of them: the filter stays one the analyst can read.
      return { ...state, article: action.article, articles: action.article ? null : state.articles };
    case 'articles':
      return { ...state, articles: null };
    case 'outlet':
      return { ...state, outlet: action.outlet };
    case 'coder':
      return { ...state, coderId: action.id };
    case 'from':
    case 'to':
    case 'text':
      return { ...state, [action.type]: action.value };
    case 'clear':
      // How tags combine stays as the analyst set it; what they picked goes.
      return { ...initialFilter(), tagMode: state.tagMode, includeChildren: state.includeChildren };
  }
}

/** A date bound is valid empty, or as a year, a month or a day (2020, 2020-11, 2020-11-09). */
export function dateValid(value: string): boolean {
  return value.trim() === '' || DAY.test(value.trim());
}

/** Whether the form holds anything to clear. */
export function hasInput(state: FilterState): boolean {
  return (
    state.tagIds.length > 0 ||
    state.article !== null ||
    state.articles !== null ||
    state.outlet !== '' ||
    state.coderId !== null ||
    state.from !== '' ||
    state.to !== '' ||
    state.text !== ''
  );
}

/** The contract's filter for the form (text as settled after typing; invalid dates left out). */
export function toPassageFilter(state: FilterState, text = state.text.trim()): PassageFilter {
  const f: PassageFilter = {};
  if (state.tagIds.length) Object.assign(f, { tagIds: state.tagIds, tagMode: state.tagMode, includeChildren: state.includeChildren });
  if (state.article) f.articleIds = [state.article.id];
  else if (state.articles) f.articleIds = state.articles.ids;
  if (state.outlet) f.outlets = [state.outlet];
  if (state.coderId !== null) f.coderIds = [state.coderId];
  if (state.from.trim() && dateValid(state.from)) f.from = state.from.trim();
  if (state.to.trim() && dateValid(state.to)) f.to = state.to.trim();
  if (text) f.text = text;
  return f;
}

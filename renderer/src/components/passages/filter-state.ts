import type { Args } from '../../../../electron/shared/contract';

export type PassageFilter = NonNullable<Args<'passages.list'>['filter']>;

/** What the analyst has typed and picked in the passages filter form (dates as typed). */
export interface FilterState {
  tagIds: number[];
  tagMode: 'any' | 'all';
  includeChildren: boolean;
  article: { id: number; title: string } | null;
  outlet: string;
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
  | { type: 'outlet'; outlet: string }
  | { type: 'from' | 'to' | 'text'; value: string }
  | { type: 'clear' };

const DAY = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export function initialFilter(tagId: number | null = null): FilterState {
  return { tagIds: tagId ? [tagId] : [], tagMode: 'any', includeChildren: true, article: null, outlet: '', from: '', to: '', text: '' };
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
      return { ...state, article: action.article };
    case 'outlet':
      return { ...state, outlet: action.outlet };
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
    state.tagIds.length > 0 || state.article !== null || state.outlet !== '' || state.from !== '' || state.to !== '' || state.text !== ''
  );
}

/** The contract's filter for the form (text as settled after typing; invalid dates left out). */
export function toPassageFilter(state: FilterState, text = state.text.trim()): PassageFilter {
  const f: PassageFilter = {};
  if (state.tagIds.length) Object.assign(f, { tagIds: state.tagIds, tagMode: state.tagMode, includeChildren: state.includeChildren });
  if (state.article) f.articleIds = [state.article.id];
  if (state.outlet) f.outlets = [state.outlet];
  if (state.from.trim() && dateValid(state.from)) f.from = state.from.trim();
  if (state.to.trim() && dateValid(state.to)) f.to = state.to.trim();
  if (text) f.text = text;
  return f;
}

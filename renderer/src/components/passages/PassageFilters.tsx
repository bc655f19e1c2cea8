import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState, type Dispatch } from 'react';
import type { Tag } from '../../../../electron/shared/types';
import { useCommand } from '../../client/queries';
import { articleMeta } from '../../format';
import { useDebounced } from '../../hooks/useDebounced';
import { count } from '../codebook/tree';
import { CoderSelect } from './CoderSelect';
import { FilterCombobox, type ComboOption } from './FilterCombobox';
import { dateValid, hasInput, type FilterAction, type FilterState } from './filter-state';
import { naturalCompare } from '../../../../electron/shared/natural-sort';

interface Props {
  state: FilterState;
  dispatch: Dispatch<FilterAction>;
  tags: Tag[] | undefined;
}

const DATE_HINT = 'A year, month or day: 2020, 2020-11 or 2020-11-09';

/** The passages filter form: text, tags (any or all, with children), article, outlet, coder, dates. */
export function PassageFilters({ state, dispatch, tags }: Props) {
  const tagsById = useMemo(() => new Map((tags ?? []).map((t) => [t.id, t])), [tags]);
  const outlets = useCommand('articles.outlets', {});
  const fromValid = dateValid(state.from);
  const toValid = dateValid(state.to);

  const [tagQuery, setTagQuery] = useState('');
  const tagOptions = useMemo<ComboOption[]>(() => {
    const needle = tagQuery.trim().toLocaleLowerCase();
    const out: ComboOption[] = [];
    for (const tag of tags ?? []) {
      if (state.tagIds.includes(tag.id) || (needle && !tag.path.toLocaleLowerCase().includes(needle))) continue;
      out.push({ id: tag.id, label: tag.path, color: tag.color, detail: count(tag.passageCount) });
    }
    out.sort((a, b) => naturalCompare(a.label, b.label));
    return out.slice(0, 50);
  }, [tags, tagQuery, state.tagIds]);

  const [articleQuery, setArticleQuery] = useState('');
  const debouncedArticleQuery = useDebounced(articleQuery.trim(), 150);
  const articleHits = useCommand('articles.list', debouncedArticleQuery ? { query: debouncedArticleQuery, limit: 30 } : { limit: 30 }, {
    placeholderData: keepPreviousData,
  });
  const articleOptions = useMemo<ComboOption[]>(
    () =>
      (articleHits.data?.items ?? []).map((a) => ({
        id: a.id,
        label: a.title,
        detail: articleMeta(a),
      })),
    [articleHits.data],
  );

  return (
    <div className="passage-filters" role="search" aria-label="Passage filters">
      <div className="filter-row">
        <input
          type="search"
          className="filter-text"
          aria-label="Filter passages"
          placeholder="Filter passages (quote or note)"
          value={state.text}
          onChange={(e) => dispatch({ type: 'text', value: e.target.value })}
        />
        <FilterCombobox
          label="Filter by tag"
          placeholder="Tag…"
          options={tagOptions}
          query={tagQuery}
          onQueryChange={setTagQuery}
          onPick={(o) => dispatch({ type: 'addTag', id: o.id })}
          emptyText={tags?.length ? 'No other tag matches' : 'The codebook is empty'}
        />
        <select
          aria-label="Tag match"
          value={state.tagMode}
          onChange={(e) => dispatch({ type: 'tagMode', mode: e.target.value as 'any' | 'all' })}
          disabled={state.tagIds.length < 2}
        >
          <option value="any">any of the tags</option>
          <option value="all">all of the tags</option>
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={state.includeChildren}
            onChange={(e) => dispatch({ type: 'includeChildren', value: e.target.checked })}
          />
          Include child tags
        </label>
      </div>
      <div className="filter-row">
        {state.articles ? (
          <span className="chip">
            <span className="chip-label" title={state.articles.label}>
              Articles: {state.articles.label}
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove articles filter ${state.articles.label}`}
              onClick={() => dispatch({ type: 'articles', articles: null })}
            >
              ×
            </button>
          </span>
        ) : null}
        {state.article ? (
          <span className="chip">
            <span className="chip-label" title={state.article.title}>
              Article: {state.article.title}
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove article filter ${state.article.title}`}
              onClick={() => dispatch({ type: 'article', article: null })}
            >
              ×
            </button>
          </span>
        ) : (
          <FilterCombobox
            label="Filter by article"
            placeholder="Article…"
            options={articleOptions}
            query={articleQuery}
            onQueryChange={setArticleQuery}
            onPick={(o) => dispatch({ type: 'article', article: { id: o.id, title: o.label } })}
            emptyText={articleHits.isFetching ? 'Searching…' : 'No article matches'}
          />
        )}
        <select aria-label="Outlet" value={state.outlet} onChange={(e) => dispatch({ type: 'outlet', outlet: e.target.value })}>
          <option value="">All outlets</option>
          {(outlets.data ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <CoderSelect value={state.coderId} onChange={(id) => dispatch({ type: 'coder', id })} />
        <DateBound label="From" placeholder="2020-11" value={state.from} onChange={(value) => dispatch({ type: 'from', value })} />
        <DateBound label="To" placeholder="2020-12-31" value={state.to} onChange={(value) => dispatch({ type: 'to', value })} />
        {hasInput(state) ? (
          <button type="button" className="button small" onClick={() => dispatch({ type: 'clear' })}>
            Clear filters
          </button>
        ) : null}
      </div>
      {state.tagIds.length ? (
        <div className="filter-row chips" aria-label="Tag filters">
          {state.tagIds.map((id) => {
            const tag = tagsById.get(id);
            const name = tag?.path ?? `Tag ${id}`;
            return (
              <span className="chip" key={id}>
                <span className="swatch" style={{ background: tag?.color }} aria-hidden="true" />
                <span className="chip-label">{name}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove tag filter ${name}`}
                  onClick={() => dispatch({ type: 'removeTag', id })}
                >
                  ×
                </button>
              </span>
            );
          })}
        </div>
      ) : null}
      {!fromValid || !toValid ? <div className="form-error">Dates are a year, a month or a day: 2020, 2020-11 or 2020-11-09.</div> : null}
    </div>
  );
}

export function DateBound({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label className="date">
      <span>{label}</span>
      <input
        aria-label={`${label} date`}
        placeholder={placeholder}
        value={value}
        aria-invalid={!dateValid(value)}
        title={DATE_HINT}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

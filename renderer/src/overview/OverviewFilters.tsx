import type { OverviewFilter } from '../../../electron/shared/overview';
import { useCommand } from '../client/queries';

export interface FilterForm {
  tagId: string;
  outlet: string;
  from: string;
  to: string;
}

export const EMPTY_FORM: FilterForm = { tagId: '', outlet: '', from: '', to: '' };
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export const dateValid = (value: string) => value.trim() === '' || DATE.test(value.trim());

/** The contract's filter for the form (dates not yet valid are left out, and shown as invalid). */
export function toFilter(form: FilterForm): OverviewFilter {
  return {
    ...(form.tagId ? { tagIds: [Number(form.tagId)] } : {}),
    ...(form.outlet ? { outlets: [form.outlet] } : {}),
    ...(form.from.trim() && dateValid(form.from) ? { from: form.from.trim() } : {}),
    ...(form.to.trim() && dateValid(form.to) ? { to: form.to.trim() } : {}),
  };
}

interface Props {
  form: FilterForm;
  onChange(form: FilterForm): void;
}

/** The filter every chart shares: a tag (with its children), an outlet, a date range. */
export function OverviewFilters({ form, onChange }: Props) {
  const tags = useCommand('tags.list', {});
  const outlets = useCommand('articles.outlets', {});
  const set = (patch: Partial<FilterForm>) => onChange({ ...form, ...patch });
  const date = (key: 'from' | 'to', label: string) => (
    <label>
      {label}{' '}
      <input
        type="text"
        inputMode="numeric"
        placeholder="2020-11"
        size={10}
        value={form[key]}
        aria-invalid={!dateValid(form[key])}
        aria-describedby={!dateValid(form[key]) ? `overview-${key}-error` : undefined}
        onChange={(e) => set({ [key]: e.target.value })}
      />
      {!dateValid(form[key]) ? (
        <span id={`overview-${key}-error`} className="field-error">
          use 2020, 2020-11 or 2020-11-09
        </span>
      ) : null}
    </label>
  );
  return (
    <form className="overview-filters" role="search" aria-label="Chart filter" onSubmit={(e) => e.preventDefault()}>
      <label>
        Tag{' '}
        <select value={form.tagId} onChange={(e) => set({ tagId: e.target.value })}>
          <option value="">Every tag</option>
          {(tags.data ?? []).map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.path}
            </option>
          ))}
        </select>
      </label>
      <label>
        Outlet{' '}
        <select value={form.outlet} onChange={(e) => set({ outlet: e.target.value })}>
          <option value="">Every outlet</option>
          {(outlets.data ?? []).map((outlet) => (
            <option key={outlet} value={outlet}>
              {outlet}
            </option>
          ))}
        </select>
      </label>
      {date('from', 'From')}
      {date('to', 'To')}
      <button
        type="button"
        className="button small"
        onClick={() => onChange(EMPTY_FORM)}
        disabled={JSON.stringify(form) === JSON.stringify(EMPTY_FORM)}
      >
        Clear filter
      </button>
    </form>
  );
}

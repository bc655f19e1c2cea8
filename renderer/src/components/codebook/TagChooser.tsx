import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { naturalCompare } from '../../../../electron/shared/natural-sort';
import type { Tag } from '../../../../electron/shared/types';
import { normalisePath } from './tag-path';
import { count } from './tree';

export const TOP_LEVEL = 'top';
/** The value of the "Create tag …" option, offered when `onCreate` is given. */
const CREATE = 'create';
/** Options rendered at once; typing narrows the rest (thousands of tags stay fast). */
const SHOWN = 200;

interface Props {
  tags: readonly Tag[];
  exclude: ReadonlySet<number>;
  /** A tag id, TOP_LEVEL, or '' for nothing chosen yet. */
  value: string;
  onChange(value: string): void;
  label: string;
  topLevel: boolean;
  /**
   * Offers to create the tag typed in the filter when none has that path ("Parent / Child" nests
   * it, as in the reader's tag picker); resolves with the new tag, which is then chosen.
   */
  onCreate?(path: string): Promise<Tag>;
}

function choices(tags: readonly Tag[], exclude: ReadonlySet<number>, text: string, topLevel: boolean, creates: boolean) {
  const needle = text.trim().toLocaleLowerCase();
  const matches = tags
    .filter((t) => !exclude.has(t.id) && (!needle || t.path.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => naturalCompare(a.path, b.path))
    .map((t) => ({ value: String(t.id), label: t.path }));
  const path = normalisePath(text);
  if (creates && path && !tags.some((t) => t.path.toLocaleLowerCase() === path.toLocaleLowerCase())) {
    matches.push({ value: CREATE, label: `Create tag “${path}”` });
  }
  return topLevel && !needle ? [{ value: TOP_LEVEL, label: '(Top level)' }, ...matches] : matches;
}

/**
 * A filterable list of the codebook's tags: type to narrow it, click an option or move with the
 * arrows to choose (the choice is what shows selected), Enter submits the form once one is chosen.
 * When the filter leaves a single tag, that tag is chosen. With `onCreate`, a path no tag has is
 * offered as "Create tag …": choosing it (click, or Enter once it is chosen) creates the tag.
 */
export function TagChooser({ tags, exclude, value, onChange, label, topLevel, onCreate }: Props) {
  const listId = useId();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const creates = onCreate !== undefined;
  const options = useMemo(() => choices(tags, exclude, filter, topLevel, creates), [tags, exclude, filter, topLevel, creates]);
  const shown = options.slice(0, SHOWN);
  const chosen = shown.findIndex((o) => o.value === value);
  const optionId = (v: string) => `${listId}-${v}`;

  const create = async () => {
    if (!onCreate || creating) return;
    setCreating(true);
    setError(null);
    try {
      const tag = await onCreate(normalisePath(filter));
      setFilter(tag.path);
      onChange(String(tag.id));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setCreating(false);
    }
  };
  const choose = (option: string) => (option === CREATE ? void create() : onChange(option));

  const narrow = (text: string) => {
    setFilter(text);
    setError(null);
    const next = choices(tags, exclude, text, topLevel, creates);
    // One tag left is chosen (a "Create tag" beside it does not count); so is "Create tag" alone.
    const found = next.filter((o) => o.value !== CREATE);
    const only = found.length === 1 ? found[0] : next.length === 1 ? next[0] : undefined;
    if (only) onChange(only.value);
    else if (!next.some((o) => o.value === value)) onChange('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    const to = { ArrowDown: Math.min(last, chosen + 1), ArrowUp: Math.max(0, chosen - 1), PageDown: Math.min(last, chosen + 8) }[event.key];
    if (to !== undefined && last >= 0) {
      event.preventDefault();
      const option = shown[to];
      if (option) {
        onChange(option.value);
        document.getElementById(optionId(option.value))?.scrollIntoView({ block: 'nearest' });
      }
    } else if (event.key === 'Enter' && (chosen < 0 || value === CREATE)) {
      // Nothing chosen yet: Enter chooses the first match instead of submitting nothing.
      event.preventDefault();
      if (value === CREATE) void create();
      else if (shown[0]) choose(shown[0].value);
    }
  };

  return (
    <div className="tag-chooser">
      <input
        type="text"
        role="combobox"
        aria-label="Find a tag"
        aria-controls={listId}
        aria-expanded="true"
        aria-autocomplete="list"
        aria-activedescendant={chosen >= 0 ? optionId(value) : undefined}
        placeholder="Find a tag"
        autoComplete="off"
        value={filter}
        onChange={(e) => narrow(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} className="tag-chooser-list" role="listbox" aria-label={label}>
        {shown.map((o) => (
          <div
            key={o.value}
            id={optionId(o.value)}
            role="option"
            aria-selected={o.value === value}
            className={o.value === CREATE ? 'tag-chooser-option create' : 'tag-chooser-option'}
            // Focus stays in the filter field, so typing and the arrows go on working.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(o.value)}
            onDoubleClick={(e) => {
              if (o.value === CREATE) return;
              onChange(o.value);
              e.currentTarget.closest('form')?.requestSubmit();
            }}
          >
            {o.label}
          </div>
        ))}
      </div>
      {options.length === 0 ? <div className="hint">No tag matches.</div> : null}
      {creating ? <div role="status">Creating the tag…</div> : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {options.length > SHOWN ? <div className="hint">{count(options.length - SHOWN)} more: type to narrow the list.</div> : null}
    </div>
  );
}

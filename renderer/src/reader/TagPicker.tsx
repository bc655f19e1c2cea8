import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Tag } from '../../../electron/shared/types';
import { naturalCompare } from '../../../electron/shared/natural-sort';
import { normalisePath } from '../components/codebook/tag-path';

interface Option {
  key: string;
  label: string;
  tag: Tag | null;
  /** For the "create" option: the path typed. */
  create?: string;
}

interface Props {
  tags: Tag[];
  /** Tags already on the passage: shown as chips, not offered again. */
  applied: number[];
  onApply(choice: { tagId: number } | { createPath: string }): Promise<void>;
  onRemove?(tagId: number): void;
  /** `key`: Escape was pressed; `blur`: focus went elsewhere (a click or drag in the text, Tab). */
  onClose(how: 'key' | 'blur'): void;
  style?: React.CSSProperties;
}

/**
 * The quick tag picker: type to filter the codebook (matching any part of a tag's path), or
 * create a tag — "Parent / Child" nests it. Enter applies and keeps the picker open for more.
 */
export function TagPicker({ tags, applied, onApply, onRemove, onClose, style }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => input.current?.focus(), []);

  const options = useMemo<Option[]>(() => {
    const wanted = normalisePath(query).toLowerCase();
    const words = wanted.split(/\s+/).filter((w) => w !== '/');
    const matches: Option[] = tags
      .filter((t) => !applied.includes(t.id))
      .filter((t) => words.every((w) => t.path.toLowerCase().includes(w)))
      .sort((a, b) => {
        const aStarts = a.name.toLowerCase().startsWith(wanted) ? 0 : 1;
        const bStarts = b.name.toLowerCase().startsWith(wanted) ? 0 : 1;
        return aStarts - bStarts || naturalCompare(a.path, b.path);
      })
      .slice(0, 50)
      .map((t) => ({ key: `t${t.id}`, label: t.path, tag: t }));
    const exact = tags.some((t) => t.path.toLowerCase() === wanted);
    if (wanted && !exact) {
      const path = normalisePath(query);
      matches.push({ key: 'create', label: `Create tag "${path}"`, tag: null, create: path });
    }
    return matches;
  }, [tags, applied, query]);

  const changeQuery = (text: string) => {
    setQuery(text);
    setActive(0);
  };

  const apply = async (option: Option | undefined) => {
    if (!option || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onApply(option.tag ? { tagId: option.tag.id } : { createPath: option.create ?? '' });
      changeQuery('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(options.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter') void apply(options[active]);
    else if (event.key === 'Escape') onClose('key');
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const appliedTags = applied.map((id) => tags.find((t) => t.id === id)).filter((t): t is Tag => t !== undefined);
  return (
    <div className="tag-picker" style={style} onMouseDown={(e) => e.stopPropagation()}>
      {appliedTags.length ? (
        <div className="applied" aria-label="Tags on this passage">
          {appliedTags.map((t) => (
            <span key={t.id} className="chip">
              <span className="swatch" style={{ background: t.color }} />
              {t.path}
              {onRemove ? (
                <button type="button" aria-label={`Remove tag ${t.path}`} onClick={() => onRemove(t.id)}>
                  ×
                </button>
              ) : null}
            </span>
          ))}
        </div>
      ) : null}
      <input
        ref={input}
        role="combobox"
        aria-label="Tag passage"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={options[active] ? `${listId}-${options[active].key}` : undefined}
        aria-autocomplete="list"
        placeholder="Tag, or Parent / Child to create…"
        value={query}
        onChange={(e) => changeQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) onClose('blur');
        }}
      />
      <ul id={listId} role="listbox" aria-label="Matching tags">
        {options.map((option, i) => (
          <li
            key={option.key}
            id={`${listId}-${option.key}`}
            role="option"
            aria-selected={i === active}
            className={option.tag ? undefined : 'create'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void apply(option)}
          >
            {option.tag ? <span className="swatch" style={{ background: option.tag.color }} /> : null}
            {option.label}
          </li>
        ))}
        {options.length === 0 ? <li className="hint">Type to find or create a tag</li> : null}
      </ul>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

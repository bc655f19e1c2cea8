import { useMemo, useRef, useState } from 'react';
import type { Tag } from '../../../electron/shared/types';
import { naturalCompare } from '../../../electron/shared/natural-sort';
import { normalisePath } from '../components/codebook/tag-path';
import { ComboList } from '../components/ComboList';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const picker = useRef<HTMLDivElement>(null);

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

  const apply = async (option: Option | undefined) => {
    if (!option || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onApply(option.tag ? { tagId: option.tag.id } : { createPath: option.create ?? '' });
      setQuery('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      picker.current?.querySelector('input')?.focus();
    }
  };

  const appliedTags = applied.map((id) => tags.find((t) => t.id === id)).filter((t): t is Tag => t !== undefined);
  return (
    <div ref={picker} className="tag-picker" style={style} onMouseDown={(e) => e.stopPropagation()}>
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
      <ComboList
        label="Tag passage"
        placeholder="Tag, or Parent / Child to create…"
        listLabel="Matching tags"
        query={query}
        onQueryChange={setQuery}
        options={options}
        keyOf={(option) => option.key}
        optionClass={(option) => (option.tag ? undefined : 'create')}
        render={(option) => (
          <>
            {option.tag ? <span className="swatch" style={{ background: option.tag.color }} /> : null}
            {option.label}
          </>
        )}
        onPick={(option) => void apply(option)}
        onEscape={() => onClose('key')}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) onClose('blur');
        }}
        empty="Type to find or create a tag"
      />
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import type { Article } from '../../../electron/shared/types';
import { CommandError } from '../client/api';
import { useCommand, useEdit } from '../client/queries';
import { FieldInputs } from './articles/FieldInputs';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

const FIELDS = [
  { key: 'title', label: 'Title', hint: '' },
  { key: 'outlet', label: 'Outlet', hint: '' },
  { key: 'byline', label: 'Byline', hint: '' },
  { key: 'published', label: 'Published', hint: '2020-11-09, 2020-11, or --11-09 when the year is unknown' },
  { key: 'place', label: 'Place', hint: 'The dateline, e.g. NOVO-OGARYOVO' },
  { key: 'url', label: 'URL', hint: '' },
  { key: 'language', label: 'Language', hint: 'A code such as en or ru' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

/** Edits an article's details; the change is undoable like every edit. */
export function ArticleDetailsDialog({ article, onClose }: { article: Article; onClose(): void }) {
  const [values, setValues] = useState<Record<Key, string>>(
    () => Object.fromEntries(FIELDS.map(({ key }) => [key, article[key] ?? ''])) as Record<Key, string>,
  );
  const [error, setError] = useState<string | null>(null);
  const update = useEdit('articles.update');
  const fields = useCommand('fields.list', {});
  const stored = useCommand('fields.forArticle', { articleId: article.id });
  // Only the fields typed in are sent ("" removes a value).
  const [fieldEdits, setFieldEdits] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = Object.fromEntries(
      FIELDS.filter(({ key }) => values[key] !== (article[key] ?? '')).map(({ key }) => [
        key,
        key === 'title' ? values[key] : values[key].trim() || null,
      ]),
    );
    const fieldValues = Object.fromEntries(Object.entries(fieldEdits).map(([id, value]) => [id, value.trim() === '' ? null : value]));
    try {
      if (Object.keys(patch).length > 0 || Object.keys(fieldValues).length > 0)
        await update.mutateAsync({ id: article.id, patch, ...(Object.keys(fieldValues).length > 0 ? { fields: fieldValues } : {}) });
      onClose();
    } catch (e) {
      setError(
        e instanceof CommandError && e.issues
          ? e.issues.map((i) => `${i.path.replace('patch.', '')}: ${i.message}`).join('; ')
          : (e as Error).message,
      );
    }
  };

  return (
    <Dialog title="Article details" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          {FIELDS.map(({ key, label, hint }) => (
            <label key={key} style={{ display: 'contents' }}>
              <span>{label}</span>
              <input
                value={values[key]}
                onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                aria-describedby={hint ? `hint-${key}` : undefined}
              />
              {hint ? (
                <span className="hint" id={`hint-${key}`}>
                  {hint}
                </span>
              ) : null}
            </label>
          ))}
        </div>
        <FieldInputs
          fields={fields.data ?? []}
          valueOf={(field) => fieldEdits[field.id] ?? String(stored.data?.[field.id] ?? '')}
          onChange={(field, value) => setFieldEdits({ ...fieldEdits, [field.id]: value })}
          emptyChoice="(none)"
        />
        <FormFooter error={error} onCancel={onClose} submit="Save" disabled={update.isPending} />
      </form>
    </Dialog>
  );
}

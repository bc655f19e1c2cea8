import { useId, useState, type FormEvent } from 'react';
import type { BulkMetaPatch, BulkTarget } from '../../../../electron/shared/contract-articles';
import { listOfWords } from '../../../../electron/shared/counts';
import { CommandError } from '../../client/api';
import { useCommand, useEdit } from '../../client/queries';
import { FieldInputs } from './FieldInputs';
import { Dialog } from '../Dialog';
import { FormFooter } from '../FormFooter';
import { notify } from '../Notices';

const FIELDS = [
  { key: 'outlet', label: 'Outlet', hint: '' },
  { key: 'published', label: 'Published', hint: '2020-11-09, 2020-11, or --11-09 when the year is unknown' },
  { key: 'language', label: 'Language', hint: 'A code such as en or ru' },
  { key: 'place', label: 'Place', hint: 'The dateline, e.g. LONDON' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

/** Sets outlet, date, language or place on every picked article at once: one edit, one undo. */
export function BulkMetaDialog({ target, about, onClose }: { target: BulkTarget; about: string; onClose(): void }) {
  const [values, setValues] = useState<Record<Key, string>>({ outlet: '', published: '', language: '', place: '' });
  const [error, setError] = useState<string | null>(null);
  const setMeta = useEdit('articles.setMeta');
  const outlets = useCommand('articles.outlets', {});
  const fields = useCommand('fields.list', {});
  const [fieldEdits, setFieldEdits] = useState<Record<string, string>>({});
  const listId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: BulkMetaPatch = Object.fromEntries(
      FIELDS.filter(({ key }) => values[key].trim() !== '').map(({ key }) => [key, values[key].trim()]),
    );
    const fieldValues = Object.fromEntries(Object.entries(fieldEdits).filter(([, value]) => value.trim() !== ''));
    if (Object.keys(patch).length === 0 && Object.keys(fieldValues).length === 0) {
      setError('Type an outlet, a date, a language, a place or a field value to set.');
      return;
    }
    try {
      const result = await setMeta.mutateAsync({ target, patch, ...(Object.keys(fieldValues).length > 0 ? { fields: fieldValues } : {}) });
      notify(`Set the ${listOfWords(result.fields)} of ${about}.`);
      onClose();
    } catch (e) {
      setError(
        e instanceof CommandError && e.issues
          ? e.issues.map((i) => `${FIELDS.find((f) => i.path.endsWith(f.key))?.label ?? i.path}: ${i.message}`).join('; ')
          : (e as Error).message,
      );
    }
  };

  return (
    <Dialog title={`Set details of ${about}`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p className="hint">Fields left empty keep each article&apos;s own value. Undo takes the whole change back.</p>
        <div className="form-grid">
          {FIELDS.map(({ key, label, hint }) => (
            <label key={key} style={{ display: 'contents' }}>
              <span>{label}</span>
              <input
                value={values[key]}
                list={key === 'outlet' ? listId : undefined}
                onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                aria-describedby={hint ? `bulk-hint-${key}` : undefined}
              />
              {hint ? (
                <span className="hint" id={`bulk-hint-${key}`}>
                  {hint}
                </span>
              ) : null}
            </label>
          ))}
        </div>
        <FieldInputs
          fields={fields.data ?? []}
          valueOf={(field) => fieldEdits[field.id] ?? ''}
          onChange={(field, value) => setFieldEdits({ ...fieldEdits, [field.id]: value })}
          emptyChoice="(keep)"
        />
        <datalist id={listId}>
          {(outlets.data ?? []).map((outlet) => (
            <option key={outlet} value={outlet} />
          ))}
        </datalist>
        <FormFooter error={error} onCancel={onClose} submit={`Set on ${about}`} disabled={setMeta.isPending} />
      </form>
    </Dialog>
  );
}

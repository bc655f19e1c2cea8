import { useState, type FormEvent } from 'react';
import { FIELD_TYPES, type FieldType } from '../../../../electron/shared/contract-fields';
import { CommandError } from '../../client/api';
import { useEdit } from '../../client/queries';
import { Dialog } from '../Dialog';
import { FormFooter } from '../FormFooter';

const TYPE_LABELS: Record<FieldType, string> = { text: 'Text', number: 'Number', date: 'Date', choice: 'Choice' };

/** Defines an article field of the library's own (outlet type, country, state-affiliated). */
export function NewFieldDialog({ onClose }: { onClose(): void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [choices, setChoices] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useEdit('fields.create');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const options = choices
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    try {
      await create.mutateAsync({ name, type, ...(type === 'choice' ? { options } : {}) });
      onClose();
    } catch (e) {
      setError(e instanceof CommandError && e.issues ? e.issues.map((i) => i.message).join('; ') : (e as Error).message);
    }
  };

  return (
    <Dialog title="New article field" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          <label style={{ display: 'contents' }}>
            <span>Name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} data-autofocus />
          </label>
          <label style={{ display: 'contents' }}>
            <span>Type</span>
            <select value={type} onChange={(e) => setType(e.target.value as FieldType)}>
              {FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          {type === 'choice' ? (
            <label style={{ display: 'contents' }}>
              <span>Choices</span>
              <input value={choices} onChange={(e) => setChoices(e.target.value)} aria-describedby="new-field-choices" />
              <span className="hint" id="new-field-choices">
                Separated by commas, e.g. State, Public, Private
              </span>
            </label>
          ) : null}
        </div>
        <FormFooter error={error} onCancel={onClose} submit="Add field" disabled={create.isPending} />
      </form>
    </Dialog>
  );
}

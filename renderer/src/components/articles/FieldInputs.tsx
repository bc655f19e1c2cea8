import { useState } from 'react';
import type { ArticleField } from '../../../../electron/shared/contract-fields';
import { NewFieldDialog } from './NewFieldDialog';

interface Props {
  fields: ArticleField[];
  /** The value shown for a field (what was typed, else the stored one, else ""). */
  valueOf(field: ArticleField): string;
  onChange(field: ArticleField, value: string): void;
  /** The empty choice's label: "(none)" for one article, "(keep)" in bulk. */
  emptyChoice: string;
}

const HINTS = { text: '', number: 'A number, e.g. 12.5', date: '2020-11-09, 2020-11 or 2020', choice: '' } as const;

/** Inputs for the library's own article fields, by type, and a way to define another. */
export function FieldInputs({ fields, valueOf, onChange, emptyChoice }: Props) {
  const [defining, setDefining] = useState(false);
  return (
    <>
      {fields.length > 0 ? (
        <div className="form-grid">
          {fields.map((field) => (
            <label key={field.id} style={{ display: 'contents' }}>
              <span>{field.name}</span>
              {field.type === 'choice' ? (
                <select value={valueOf(field)} onChange={(e) => onChange(field, e.target.value)}>
                  <option value="">{emptyChoice}</option>
                  {field.options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  value={valueOf(field)}
                  inputMode={field.type === 'number' ? 'decimal' : undefined}
                  onChange={(e) => onChange(field, e.target.value)}
                  aria-describedby={HINTS[field.type] ? `field-hint-${field.id}` : undefined}
                />
              )}
              {HINTS[field.type] ? (
                <span className="hint" id={`field-hint-${field.id}`}>
                  {HINTS[field.type]}
                </span>
              ) : null}
            </label>
          ))}
        </div>
      ) : null}
      <button type="button" className="button small" onClick={() => setDefining(true)}>
        New field…
      </button>
      {defining ? <NewFieldDialog onClose={() => setDefining(false)} /> : null}
    </>
  );
}

import type { ReactNode } from 'react';

interface Props {
  error: string | null;
  onCancel(): void;
  submit: ReactNode;
  disabled?: boolean;
}

/** The end of a dialog's form: its error, if any (announced), then Cancel and the submit button. */
export function FormFooter({ error, onCancel, submit, disabled = false }: Props) {
  return (
    <>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="buttons">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={disabled}>
          {submit}
        </button>
      </div>
    </>
  );
}

import { useState } from 'react';
import { CODER_PALETTE, leastUsedCoderColour, type CurrentCoder } from '../../../../electron/shared/coders';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';
import { Dialog } from '../Dialog';
import { FormFooter } from '../FormFooter';

interface Props {
  current: CurrentCoder;
  /** First run: the host has no profile yet. */
  firstRun: boolean;
  onClose(): void;
}

/** Who you are when you code: asked on first run (your OS user name offered), and to switch coder. */
export function CoderDialog({ current, firstRun, onClose }: Props) {
  const coders = useCommand('coders.list', {});
  const [name, setName] = useState(current.name);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typed = name.trim().toLowerCase();
  const known = coders.data?.find((c) => c.name.toLowerCase() === typed);
  // Until one is picked: the session's own colour for its own (unregistered) name, else the next free one.
  const colour =
    picked ??
    (current.id === null && typed === current.name.toLowerCase()
      ? current.colour
      : leastUsedCoderColour(coders.data?.map((c) => c.colour) ?? []));
  const submit = async () => {
    try {
      await call('coders.switch', { name, ...(known ? {} : { colour }) });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog title={firstRun ? 'Who is coding?' : 'Switch coder'} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {firstRun ? <p>Your passages, tags, claims and notes are recorded under this name in every library you open.</p> : null}
        <div className="form-grid">
          <label style={{ display: 'contents' }}>
            <span>Coder name</span>
            <input data-autofocus value={name} list="coder-names" maxLength={100} onChange={(e) => setName(e.target.value)} />
          </label>
          <span>Colour</span>
          {known ? (
            <span className="hint">{`${known.name} codes in this library already, in their colour.`}</span>
          ) : (
            <fieldset className="coder-colours" aria-label="Colour">
              {CODER_PALETTE.map((c, i) => (
                <label key={c} className="coder-colour">
                  <input type="radio" name="coder-colour" value={c} checked={colour === c} onChange={() => setPicked(c)} />
                  <span className="swatch" style={{ background: c }} aria-hidden="true" />
                  <span className="visually-hidden">{`Colour ${i + 1} (${c})`}</span>
                </label>
              ))}
            </fieldset>
          )}
        </div>
        <datalist id="coder-names">
          {coders.data?.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
        <FormFooter error={error} onCancel={onClose} submit={firstRun ? 'Start coding' : 'Switch'} disabled={name.trim() === ''} />
      </form>
    </Dialog>
  );
}

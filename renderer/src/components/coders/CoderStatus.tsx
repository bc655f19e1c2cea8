import { useState } from 'react';
import { useBindActions } from '../../actions/bindings';
import { useCommand } from '../../client/queries';
import { CoderDialog } from './CoderDialog';

/** The status bar's coder: who edits are recorded as, in their colour; opens "Switch coder…" (and asks on first run). */
export function CoderStatus() {
  const current = useCommand('coders.current', {});
  const [open, setOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const coder = current.data ?? null;
  useBindActions({ 'switch-coder': { enabled: () => coder !== null, run: () => setOpen(true) } });
  if (!coder) return null;
  const firstRun = coder.needsProfile && !dismissed;
  return (
    <>
      <button type="button" className="coder-status" onClick={() => setOpen(true)} aria-label={`Coder: ${coder.name} (switch coder)`}>
        <span className="swatch" style={{ background: coder.colour }} aria-hidden="true" />
        {coder.name}
      </button>
      {open || firstRun ? (
        <CoderDialog
          current={coder}
          firstRun={firstRun}
          onClose={() => {
            setOpen(false);
            setDismissed(true);
          }}
        />
      ) : null}
    </>
  );
}

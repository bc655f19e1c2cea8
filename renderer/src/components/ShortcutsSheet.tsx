import { ACTIONS, type ActionDeclaration, type ActionId, type ActionScope } from '../../../electron/shared/actions';
import { keysOf } from '../actions/platform';
import { Dialog } from './Dialog';

const GROUPS: Array<{ scope: ActionScope; title: string }> = [
  { scope: 'app', title: 'Anywhere' },
  { scope: 'reader', title: 'In the reader (its text focused, or text selected)' },
  { scope: 'codebook', title: 'In the codebook' },
  { scope: 'passages', title: 'In the passages table' },
  { scope: 'claims', title: 'In the claims table' },
  { scope: 'claim', title: 'On a claim’s page' },
];

/** Keys of the lists and the text themselves (their ARIA patterns), not actions. */
const MOVING: Array<[keys: string, what: string]> = [
  ['Tab into the text', 'Caret in the reader, as F7 does'],
  ['Shift+arrows', 'Select text from the caret'],
  ['↑ ↓ Page Up/Down Home End', 'Move in the article list, the codebook, the passages and the claims tables'],
  ['→ ←', 'Open or close a tag in the codebook'],
  ['Letters', 'Jump to the tag whose name starts with them'],
];

interface SheetRow {
  id: string;
  label: string;
  keys: string[];
  series: boolean;
}

/** One line per action, and one for each row of number keys (1 … 9), in the registry's order. */
function rowsOf(actions: readonly ActionDeclaration[]): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const a of actions) {
    const keys = keysOf(a.id as ActionId);
    const last = rows.at(-1);
    if (a.series && last?.series && last.id === a.series.id) last.keys.push(...keys);
    else
      rows.push(
        a.series ? { id: a.series.id, label: a.series.label, keys, series: true } : { id: a.id, label: a.label, keys, series: false },
      );
  }
  return rows;
}

/** The shortcuts sheet: every action's keys, read from the action registry. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcuts-grid">
        {GROUPS.map(({ scope, title }) => {
          const actions = ACTIONS.filter((a) => a.scope === scope && a.keys.length > 0);
          return (
            <table className="shortcuts" key={scope} aria-label={title}>
              <caption>{title}</caption>
              <tbody>
                {rowsOf(actions).map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      {row.series ? (
                        <>
                          <kbd>{row.keys[0]}</kbd> … <kbd>{row.keys.at(-1)}</kbd>
                        </>
                      ) : (
                        row.keys.map((k, i) => (
                          <span key={k}>
                            {i > 0 ? ' or ' : null}
                            <kbd>{k}</kbd>
                          </span>
                        ))
                      )}
                    </th>
                    <td>{row.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
        <table className="shortcuts" aria-label="Moving around">
          <caption>Moving around</caption>
          <tbody>
            {MOVING.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="buttons">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

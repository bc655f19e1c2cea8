import { Dialog } from './Dialog';

const MOD = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl';

export const SHORTCUTS: Array<[keys: string, action: string]> = [
  [`${MOD}+K`, 'Search everything'],
  [`${MOD}+E`, 'Export…'],
  [`${MOD}+Z`, 'Undo'],
  [`${MOD}+Shift+Z`, 'Redo'],
  ['Tab into the text, or F7', 'Caret in the reader, to select with Shift+arrows'],
  ['Shift+arrows', 'Select text from the caret'],
  ['T', 'Tag the selection or the selected passage'],
  ['N', 'Note on the selection or the selected passage'],
  ['] or Alt+↓', 'Next passage'],
  ['[ or Alt+↑', 'Previous passage'],
  ['Delete', 'Delete the selected passage'],
  ['Escape', 'Clear the selection'],
  ['↑ ↓ in the article list', 'Open the previous or next article'],
  ['?', 'This sheet'],
];

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

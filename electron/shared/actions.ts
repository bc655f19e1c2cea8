/**
 * Every user action, declared once: id, label, default keys, where its keys work, and where it
 * sits in the desktop app's menu. Plain data: the main process builds its menu from it; the
 * renderer binds what each action does and when it is enabled (renderer/src/actions), and feeds
 * the keyboard, the shortcuts sheet and the command palette from it.
 */
import { chordIdentity, type Platform } from './keys';

/**
 * Where an action's keys work. `app`: anywhere outside a dialog. The others are focus contexts,
 * one at a time: the reader (its text, its side column, or a selection in its text), the codebook
 * tree, the passages grid, the claims table, a claim's page.
 */
export type ActionScope = 'app' | 'reader' | 'codebook' | 'passages' | 'claims' | 'claim';

export interface ActionDeclaration {
  id: string;
  /** What the command palette and the shortcuts sheet call it. */
  label: string;
  /** The menu's wording, where menus word it differently ("Tag Selection…"). */
  menuLabel?: string;
  /** Default chords (keys.ts); the first is the one menus show. */
  keys: readonly string[];
  scope: ActionScope;
  /** Its keys work inside text fields too (chords text fields do not use themselves). */
  inTextFields?: boolean;
  /** In the desktop app's menu, the main process carries it out (native dialogs, libraries). */
  main?: boolean;
  /** One of a row of actions that differ only by their number key: the shortcuts sheet shows the row as one line. */
  series?: { id: string; label: string };
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Coding at speed: in the reader, 1–9 apply the tags pinned to them; in the codebook, Shift+1–9 pin the focused tag. */
const PINNED = DIGITS.map((n) => ({
  id: `tag-pinned-${n}` as const,
  label: `Apply the tag pinned to ${n}`,
  keys: [n],
  scope: 'reader' as const,
  series: { id: 'tag-pinned', label: 'Apply the tag pinned to that number' },
}));
const PINNING = DIGITS.map((n) => ({
  id: `tag-pin-${n}` as const,
  label: `Pin the tag to ${n}`,
  keys: [`Shift+${n}`],
  scope: 'codebook' as const,
  series: { id: 'tag-pin', label: 'Pin the tag to that number (again: unpin it)' },
}));

export const ACTIONS = [
  // Libraries and files (the desktop app's File menu; main opens the native dialogs).
  { id: 'library-new', label: 'New library…', menuLabel: 'New Library…', keys: ['Mod+Shift+N'], scope: 'app', main: true },
  { id: 'library-open', label: 'Open library…', menuLabel: 'Open Library…', keys: ['Mod+O'], scope: 'app', main: true },
  { id: 'import-files', label: 'Import files…', menuLabel: 'Import Files…', keys: ['Mod+I'], scope: 'app', main: true },
  { id: 'import-folder', label: 'Import folder…', menuLabel: 'Import Folder…', keys: [], scope: 'app', main: true },
  { id: 'merge-library', label: 'Merge library…', menuLabel: 'Merge Library…', keys: [], scope: 'app' },
  { id: 'export', label: 'Export…', keys: ['Mod+E'], scope: 'app', inTextFields: true },
  { id: 'library-memo', label: 'Library memo…', menuLabel: 'Library Memo…', keys: [], scope: 'app' },
  { id: 'show-library-file', label: 'Show library file', menuLabel: 'Show Library File', keys: [], scope: 'app', main: true },
  { id: 'library-backup', label: 'Back up library…', menuLabel: 'Back Up Library…', keys: [], scope: 'app', main: true },
  { id: 'library-restore', label: 'Restore from backup…', menuLabel: 'Restore from Backup…', keys: [], scope: 'app', main: true },

  // Edits: the library's history (text fields keep their own undo).
  { id: 'undo', label: 'Undo', keys: ['Mod+Z'], scope: 'app' },
  { id: 'redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], scope: 'app' },

  // Finding and moving around.
  { id: 'search', label: 'Search everything…', menuLabel: 'Search Everything…', keys: ['Mod+K'], scope: 'app', inTextFields: true },
  // The hits of the search the reader was opened from (Ctrl+K or the article filter); also from the filter box.
  { id: 'next-hit', label: 'Next search hit in the article', menuLabel: 'Next Hit', keys: ['F3'], scope: 'app', inTextFields: true },
  {
    id: 'previous-hit',
    label: 'Previous search hit in the article',
    menuLabel: 'Previous Hit',
    keys: ['Shift+F3'],
    scope: 'app',
    inTextFields: true,
  },
  {
    id: 'command-palette',
    label: 'Command palette…',
    menuLabel: 'Command Palette…',
    keys: ['Mod+Shift+P'],
    scope: 'app',
    inTextFields: true,
  },
  { id: 'view-reader', label: 'Show the reader', menuLabel: 'Reader', keys: ['Mod+Alt+1'], scope: 'app' },
  { id: 'view-passages', label: 'Show all passages', menuLabel: 'Passages', keys: ['Mod+Alt+2'], scope: 'app' },
  { id: 'view-claims', label: 'Show the claims', menuLabel: 'Claims', keys: ['Mod+Alt+3'], scope: 'app' },
  { id: 'view-overview', label: 'Show the overview (charts)', menuLabel: 'Overview', keys: ['Mod+Alt+4'], scope: 'app' },
  { id: 'view-agreement', label: 'Compare coders (agreement)', menuLabel: 'Compare Coders', keys: ['Mod+Alt+5'], scope: 'app' },
  { id: 'shortcuts', label: 'Keyboard shortcuts', menuLabel: 'Keyboard Shortcuts', keys: ['?', 'Mod+/'], scope: 'app' },

  // The reader: the selection or the selected passage.
  { id: 'caret-mode', label: 'Caret in the text, to select with Shift+arrows', keys: ['F7'], scope: 'reader' },
  { id: 'tag', label: 'Tag the selection or the selected passage', menuLabel: 'Tag Selection…', keys: ['T'], scope: 'reader' },
  { id: 'note', label: 'Note on the selection or the selected passage', menuLabel: 'Note on Selection', keys: ['N'], scope: 'reader' },
  {
    id: 'tag-last',
    label: 'Apply the last tag used to the selection or the selected passage',
    menuLabel: 'Apply Last Tag',
    keys: ['R'],
    scope: 'reader',
  },
  ...PINNED,
  { id: 'next-passage', label: 'Next passage', keys: [']', 'Alt+ArrowDown'], scope: 'reader' },
  { id: 'previous-passage', label: 'Previous passage', keys: ['[', 'Alt+ArrowUp'], scope: 'reader' },
  {
    id: 'delete-passage',
    label: 'Delete the selected passage',
    menuLabel: 'Delete Passage',
    keys: ['Delete', 'Backspace'],
    scope: 'reader',
  },
  { id: 'clear-selection', label: 'Clear the selection', keys: ['Escape'], scope: 'reader' },
  { id: 'article-memo', label: 'Memo on the article…', menuLabel: 'Article Memo…', keys: ['M'], scope: 'reader' },
  {
    id: 'make-claim',
    label: 'Make a claim from the selection or the selected passage…',
    menuLabel: 'Make Claim…',
    keys: ['C'],
    scope: 'reader',
  },
  {
    id: 'add-to-claim',
    label: 'Add the selection or the selected passage to a claim…',
    menuLabel: 'Add to Claim…',
    keys: ['A'],
    scope: 'reader',
  },
  { id: 'toggle-candidates', label: 'Show or hide candidate claims', menuLabel: 'Candidate Claims', keys: ['Alt+C'], scope: 'reader' },

  // The codebook: the focused tag.
  { id: 'tag-new', label: 'New tag…', menuLabel: 'New Tag…', keys: [], scope: 'app' },
  { id: 'tag-show-passages', label: 'Show the tag’s passages', keys: ['Enter'], scope: 'codebook' },
  { id: 'tag-rename', label: 'Rename the tag', keys: ['F2'], scope: 'codebook' },
  { id: 'tag-move-up', label: 'Move the tag up', keys: ['Alt+ArrowUp'], scope: 'codebook' },
  { id: 'tag-move-down', label: 'Move the tag down', keys: ['Alt+ArrowDown'], scope: 'codebook' },
  { id: 'tag-delete', label: 'Delete the tag…', keys: ['Delete'], scope: 'codebook' },
  { id: 'tag-menu', label: 'The tag’s actions menu', keys: ['Shift+F10', 'ContextMenu'], scope: 'codebook' },
  ...PINNING,

  // The passages grid: the focused row.
  { id: 'open-passage', label: 'Open the passage in the reader', keys: ['Enter'], scope: 'passages' },

  // The claims table: the focused row; a claim's page.
  { id: 'open-claim', label: 'Open the claim', keys: ['Enter'], scope: 'claims' },
  { id: 'claim-link', label: 'Link the claim to another…', menuLabel: 'Link Claim…', keys: ['L'], scope: 'claim' },
  { id: 'claims-back', label: 'Back to all claims', keys: ['Alt+ArrowLeft'], scope: 'claim' },
] as const satisfies readonly ActionDeclaration[];

export type ActionId = (typeof ACTIONS)[number]['id'];

const BY_ID = new Map<string, ActionDeclaration>(ACTIONS.map((a) => [a.id, a]));

export function actionById(id: ActionId): ActionDeclaration {
  return BY_ID.get(id) as ActionDeclaration;
}

export function isActionId(id: string): id is ActionId {
  return BY_ID.has(id);
}

/** Electron menu roles the menus use (main maps them to its own MenuItem roles). */
export type MenuRole =
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'quit'
  | 'about';

/** One menu entry: an action, a built-in role, the recent-libraries submenu, or a separator. */
export type MenuEntry = ActionId | { role: MenuRole } | 'recent' | 'separator';

/** The desktop app's menus, in order. */
export const MENUS: ReadonlyArray<{ label: string; items: readonly MenuEntry[] }> = [
  {
    label: '&File',
    items: [
      'library-new',
      'library-open',
      'recent',
      'separator',
      'import-files',
      'import-folder',
      'merge-library',
      'export',
      'separator',
      'library-memo',
      'separator',
      'library-backup',
      'library-restore',
      'separator',
      { role: 'quit' },
    ],
  },
  {
    label: '&Edit',
    items: ['undo', 'redo', 'separator', { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  },
  {
    label: '&View',
    items: [
      'view-reader',
      'view-passages',
      'view-claims',
      'view-overview',
      'view-agreement',
      'separator',
      'search',
      'next-hit',
      'previous-hit',
      'command-palette',
      'shortcuts',
      'separator',
      { role: 'reload' },
      { role: 'toggleDevTools' },
      'separator',
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
    ],
  },
  {
    label: '&Passage',
    items: [
      'tag',
      'tag-last',
      'note',
      'article-memo',
      'separator',
      'make-claim',
      'add-to-claim',
      'toggle-candidates',
      'separator',
      'next-passage',
      'previous-passage',
      'separator',
      'delete-passage',
      'separator',
      'tag-new',
    ],
  },
  { label: '&Help', items: ['show-library-file', { role: 'about' }] },
];

/** Scopes whose keys can be live at the same time as `scope`'s. */
function overlapping(a: ActionScope, b: ActionScope): boolean {
  return a === b || a === 'app' || b === 'app';
}

/** Pairs of actions that the same key press would trigger in one context, on either platform. */
export function findConflicts(actions: readonly ActionDeclaration[]): string[] {
  const conflicts: string[] = [];
  for (const platform of ['mac', 'other'] as Platform[]) {
    const seen: Array<{ id: string; scope: ActionScope; identity: string; chord: string }> = [];
    for (const action of actions) {
      for (const chord of action.keys) {
        const identity = chordIdentity(chord, platform);
        for (const other of seen) {
          if (other.identity === identity && other.id !== action.id && overlapping(other.scope, action.scope)) {
            conflicts.push(`${platform}: ${other.id} (${other.chord}) and ${action.id} (${chord})`);
          }
        }
        seen.push({ id: action.id, scope: action.scope, identity, chord });
      }
    }
  }
  return conflicts;
}

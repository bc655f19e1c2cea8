import { type MenuItemConstructorOptions, Menu, app } from 'electron';
import { basename } from 'node:path';
import type { MenuAction } from '../shared/contract';

export interface MenuHandlers {
  newLibrary(): void;
  openLibrary(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  importFiles(): void;
  importFolder(): void;
  showLibraryFile(): void;
  /** Things the view carries out (undo decides between a text field and the library, for one). */
  action(action: MenuAction): void;
}

/** Item ids the Electron spec clicks. */
export const MENU_IDS = { importFiles: 'import-files', importFolder: 'import-folder' } as const;

export function buildMenu(handlers: MenuHandlers, recent: string[]): Menu {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Library…', accelerator: 'CmdOrCtrl+Shift+N', click: () => handlers.newLibrary() },
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: () => handlers.openLibrary() },
        {
          label: 'Open Recent',
          submenu: [
            ...recent.map((path) => ({ label: basename(path), sublabel: path, click: () => handlers.openRecent(path) })),
            ...(recent.length ? [{ type: 'separator' as const }] : []),
            { label: 'Clear Recent', enabled: recent.length > 0, click: () => handlers.clearRecent() },
          ],
        },
        { type: 'separator' },
        { id: MENU_IDS.importFiles, label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => handlers.importFiles() },
        { id: MENU_IDS.importFolder, label: 'Import Folder…', click: () => handlers.importFolder() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => handlers.action('export') },
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // The view handles these keys itself (a text field keeps its own undo); the menu shows them
        // without registering them, so one key press never undoes twice.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => handlers.action('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => handlers.action('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Search Everything…', accelerator: 'CmdOrCtrl+K', registerAccelerator: false, click: () => handlers.action('find') },
        { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: () => handlers.action('shortcuts') },
        { type: 'separator' },
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Passage',
      // Single keys are the reader's own; the menu names them so they can be found.
      submenu: [
        { label: 'Tag Selection…', accelerator: 'T', registerAccelerator: false, click: () => handlers.action('tag') },
        { label: 'Note on Selection', accelerator: 'N', registerAccelerator: false, click: () => handlers.action('note') },
        { type: 'separator' },
        { label: 'Next Passage', accelerator: ']', registerAccelerator: false, click: () => handlers.action('next-passage') },
        { label: 'Previous Passage', accelerator: '[', registerAccelerator: false, click: () => handlers.action('previous-passage') },
        { type: 'separator' },
        { label: 'Delete Passage', accelerator: 'Delete', registerAccelerator: false, click: () => handlers.action('delete-passage') },
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'Show Library File', click: () => handlers.showLibraryFile() }, ...(mac ? [] : [{ role: 'about' as const }])],
    },
  ];
  return Menu.buildFromTemplate(template);
}

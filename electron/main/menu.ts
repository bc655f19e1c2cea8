import { type MenuItemConstructorOptions, Menu, app } from 'electron';
import { basename } from 'node:path';
import type { MenuAction } from '../shared/contract';

/** Off until the view handles menu.action 'export' (export.* commands need a save path from main). */
const EXPORT_ENABLED = false;

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
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', enabled: EXPORT_ENABLED, click: () => handlers.action('export') },
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => handlers.action('undo') },
        { label: 'Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: () => handlers.action('redo') },
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
        { label: 'Find', accelerator: 'CmdOrCtrl+K', click: () => handlers.action('find') },
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
      role: 'help',
      submenu: [
        { label: 'Show Library File', click: () => handlers.showLibraryFile() },
        ...(mac ? [] : [{ role: 'about' as const }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

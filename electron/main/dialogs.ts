import { type BrowserWindow, type FileFilter, type MessageBoxOptions, type OpenDialogOptions, app, dialog } from 'electron';
import { join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../core/import/formats';
import type { BackupDialogs } from './backup-menu';

const LIBRARY_FILTERS: FileFilter[] = [
  { name: 'Marginalia libraries', extensions: ['marginalia', 'sqlite'] },
  { name: 'All files', extensions: ['*'] },
];

const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Articles', extensions: SUPPORTED_EXTENSIONS.map((ext) => ext.slice(1)) },
  { name: 'All files', extensions: ['*'] },
];

async function choosePaths(window: BrowserWindow | undefined, options: OpenDialogOptions): Promise<string[]> {
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export async function chooseLibraryToOpen(window?: BrowserWindow): Promise<string | undefined> {
  const [path] = await choosePaths(window, { title: 'Open Library', filters: LIBRARY_FILTERS, properties: ['openFile'] });
  return path;
}

export async function chooseNewLibraryPath(window?: BrowserWindow): Promise<string | undefined> {
  const options = {
    title: 'New Library',
    buttonLabel: 'Create',
    defaultPath: join(app.getPath('documents'), 'Research.marginalia'),
    filters: LIBRARY_FILTERS,
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled ? undefined : result.filePath;
}

export function chooseFilesToImport(window?: BrowserWindow): Promise<string[]> {
  return choosePaths(window, { title: 'Import Files', filters: IMPORT_FILTERS, properties: ['openFile', 'multiSelections'] });
}

export function chooseFolderToImport(window?: BrowserWindow): Promise<string[]> {
  return choosePaths(window, { title: 'Import Folder', buttonLabel: 'Import', properties: ['openDirectory'] });
}

export async function showProblem(window: BrowserWindow | undefined, message: string, detail: string): Promise<void> {
  const options = { type: 'error' as const, message, detail, buttons: ['OK'] };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}

/** When the library to start with cannot be opened: pick another, or quit. */
export async function askAfterFailedStart(detail: string): Promise<'open' | 'new' | 'quit'> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    message: 'Marginalia could not open its library',
    detail,
    buttons: ['Open Another Library…', 'New Library…', 'Quit'],
    defaultId: 0,
    cancelId: 2,
  });
  return (['open', 'new', 'quit'] as const)[response] ?? 'quit';
}

/** Where to save an export; undefined when the user cancels. */
export async function chooseSavePath(
  window: BrowserWindow | undefined,
  options: { title: string; defaultName: string; filters: FileFilter[] },
): Promise<string | null> {
  const dialogOptions = {
    title: options.title,
    defaultPath: join(app.getPath('documents'), options.defaultName),
    filters: options.filters,
  };
  const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return result.canceled || !result.filePath ? null : result.filePath;
}

const BACKUP_FILTERS: FileFilter[] = [{ name: 'Marginalia libraries', extensions: ['marginalia'] }];

/** The native dialogs of File > Back up library… and Restore from backup…, on the main window. */
export function backupDialogs(window: () => BrowserWindow | undefined): BackupDialogs {
  const message = async (options: MessageBoxOptions): Promise<number> => {
    const win = window();
    return (win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)).response;
  };
  return {
    chooseBackupPath: async (defaultPath) => {
      const win = window();
      const options = { title: 'Back Up Library', buttonLabel: 'Back Up', defaultPath, filters: BACKUP_FILTERS };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseBackup: async (folder) => {
      const [path] = await choosePaths(window(), {
        title: 'Restore from Backup',
        buttonLabel: 'Choose Backup',
        defaultPath: folder,
        filters: BACKUP_FILTERS,
        properties: ['openFile'],
      });
      return path ?? null;
    },
    confirm: async (text, detail, action) =>
      (await message({ type: 'warning', message: text, detail, buttons: [action, 'Cancel'], defaultId: 1, cancelId: 1 })) === 0,
    progress: (fraction) => window()?.setProgressBar(fraction === null ? -1 : fraction),
    tell: async (text, detail) => void (await message({ type: 'info', message: text, detail, buttons: ['OK'] })),
    problem: async (text, detail) => void (await message({ type: 'error', message: text, detail, buttons: ['OK'] })),
  };
}

/**
 * Electron main process: lifecycle and wiring only. Core does the work; this file connects the
 * window, menu, dialogs and IPC to the open library.
 */
import { type BrowserWindow, Menu, app, ipcMain, net, protocol, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { dispatch } from '../core/dispatch';
import { createParsePool } from '../core/import/parse-pool';
import type { ActionId } from '../shared/actions';
import { RENDERER_DIR } from './bundle-paths';
import { backUpLibrary, restoreFromBackup } from './backup-menu';
import {
  askAfterFailedStart,
  backupDialogs,
  chooseFilesToImport,
  chooseFolderToImport,
  chooseLibraryToOpen,
  chooseNewLibraryPath,
  chooseSavePath,
  showProblem,
} from './dialogs';
import { hardenWebContents } from './hardening';
import { broadcast, forwardEvents, send } from './events';
import { PathGrants } from './grants';
import { registerCommands, registerGrants, registerLinks } from './ipc';
import { profileIn } from '../core/teams/profile';
import { LibraryHost } from './library';
import { LinkOpener } from './links';
import { buildMenu } from './menu';
import { nativeBinding } from './native';
import { registerAppScheme, serveRenderer } from './protocol';
import { RecentLibraries } from './recent';
import { answerSecondInstance, libraryArgument } from './single-instance';
import { createMainWindow, windowTitle } from './window';

// Tests (and anyone keeping separate profiles) point these elsewhere; must happen before ready.
if (process.env.MARGINALIA_USER_DATA) app.setPath('userData', process.env.MARGINALIA_USER_DATA);
app.enableSandbox();
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;
let started = false;
/** A library the OS asked us to open (file association) before we were ready. */
let pendingOpen: string | null = libraryArgument(process.argv);

const links = new LinkOpener(shell);
const grants = new PathGrants();
const backups = backupDialogs(() => mainWindow ?? undefined);
const parser = createParsePool();
const recent = new RecentLibraries(app.getPath('userData'));
const library = new LibraryHost(
  parser,
  nativeBinding(),
  (session) => {
    forwardEvents(session);
    recent.add(session.lib.path);
    refreshMenu();
    mainWindow?.setTitle(windowTitle(session.lib.name));
    broadcast('library.changed', { kinds: ['library'] });
  },
  // The page gets a grant for the file chosen, never its path.
  async (options) => {
    const path = await chooseSavePath(mainWindow ?? undefined, options);
    return path === null ? null : grants.grant(path, 'write');
  },
  // The coder profile lives beside the recent list, in userData.
  profileIn(app.getPath('userData')),
);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    links.watch(contents);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    answerSecondInstance(argv, workingDirectory, {
      openPath: () => (started ? library.session.lib.path : null),
      openLibrary,
      window: () => mainWindow,
      showWindow: () => started && showWindow(),
    });
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) openLibrary(path);
    else pendingOpen = path;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && started) showWindow();
  });
  app.on('will-quit', () => {
    library.close();
    void parser.close();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  serveRenderer(protocol, RENDERER_DIR, (path) => net.fetch(pathToFileURL(path).toString()));
  registerCommands(ipcMain, () => library.context(), grants);
  registerLinks(ipcMain, links);
  registerGrants(ipcMain, grants);
  const first = pendingOpen ?? process.env.MARGINALIA_LIBRARY ?? join(app.getPath('userData'), 'Marginalia Library.marginalia');
  pendingOpen = null;
  if (!(await openFirstLibrary(first))) {
    app.quit();
    return;
  }
  started = true;
  showWindow();
  // Parse workers load their code while the window opens, so the first import starts at once.
  void parser.warm();
}

/** Keeps asking until a library opens or the user quits. */
async function openFirstLibrary(path: string): Promise<boolean> {
  let candidate: string | undefined = path;
  for (;;) {
    try {
      if (candidate) library.open(candidate);
      return true;
    } catch (error) {
      const choice = await askAfterFailedStart((error as Error).message);
      if (choice === 'quit') return false;
      candidate = choice === 'open' ? await chooseLibraryToOpen() : await chooseNewLibraryPath();
      if (!candidate) return false;
    }
  }
}

function showWindow(): void {
  mainWindow = createMainWindow(library.session.lib.name);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Switches library; on failure keeps the current one and says why. */
function openLibrary(path: string): void {
  try {
    library.open(path);
  } catch (error) {
    void showProblem(mainWindow ?? undefined, 'This library could not be opened', (error as Error).message);
  }
}

async function importWith(choose: (window?: BrowserWindow) => Promise<string[]>): Promise<void> {
  const paths = await choose(mainWindow ?? undefined);
  if (paths.length === 0) return;
  const result = await dispatch(library.context(), 'import.start', { paths });
  if (!result.ok) await showProblem(mainWindow ?? undefined, 'The import could not start', result.error.message);
}

function refreshMenu(): void {
  Menu.setApplicationMenu(
    buildMenu(
      {
        main: {
          'library-new': () => void chooseNewLibraryPath(mainWindow ?? undefined).then((path) => path && openLibrary(path)),
          'library-open': () => void chooseLibraryToOpen(mainWindow ?? undefined).then((path) => path && openLibrary(path)),
          'import-files': () => void importWith(chooseFilesToImport),
          'import-folder': () => void importWith(chooseFolderToImport),
          'show-library-file': () => shell.showItemInFolder(library.session.lib.path),
          'library-backup': () => void backUpLibrary(library, backups, nativeBinding()),
          'library-restore': () => void restoreFromBackup(library, backups, nativeBinding()),
        },
        openRecent: openLibrary,
        clearRecent: () => {
          recent.clear();
          refreshMenu();
        },
        action: (action: ActionId) => {
          if (mainWindow) send(mainWindow, 'menu.action', { action });
        },
      },
      recent.list(),
    ),
  );
}

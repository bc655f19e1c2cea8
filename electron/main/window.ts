import { BrowserWindow, nativeTheme } from 'electron';
import { PRELOAD_PATH } from './bundle-paths';
import { ENTRY_URL } from './origin';

export function windowTitle(libraryName: string): string {
  return `${libraryName} — Marginalia`;
}

export function createMainWindow(libraryName: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: windowTitle(libraryName),
    // Matches the renderer's theme so the first frame does not flash.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1b1d' : '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's spellchecker fetches dictionaries from Google on Windows and Linux; we stay offline.
      spellcheck: false,
    },
  });
  // The title names the library; the page's <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(ENTRY_URL);
  return window;
}

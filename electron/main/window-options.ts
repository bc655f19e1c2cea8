import type { BrowserWindowConstructorOptions } from 'electron';
import { PRELOAD_PATH } from './bundle-paths';

export function windowTitle(libraryName: string): string {
  return `${libraryName} — Marginalia`;
}

/** The one set of options every window of the app is made with (the only `new BrowserWindow`). */
export function mainWindowOptions(libraryName: string, dark: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: windowTitle(libraryName),
    // Matches the renderer's theme so the first frame does not flash.
    backgroundColor: dark ? '#1b1b1d' : '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium's spellchecker fetches dictionaries from Google on Windows and Linux; we stay offline.
      spellcheck: false,
    },
  };
}

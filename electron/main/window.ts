import { BrowserWindow, nativeTheme } from 'electron';
import { ENTRY_URL } from './origin';
import { mainWindowOptions } from './window-options';

export { windowTitle } from './window-options';

export function createMainWindow(libraryName: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(libraryName, nativeTheme.shouldUseDarkColors));
  // The title names the library; the page's <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(ENTRY_URL);
  return window;
}

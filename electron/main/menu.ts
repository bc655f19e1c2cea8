import { Menu, app } from 'electron';
import { basename } from 'node:path';
import { menuTemplate, type MenuHandlers } from './menu-template';

export { MENU_IDS, type MenuHandlers } from './menu-template';

export function buildMenu(handlers: MenuHandlers, recent: string[]): Menu {
  return Menu.buildFromTemplate(
    menuTemplate(handlers, { mac: process.platform === 'darwin', packaged: app.isPackaged, recent, nameOf: (path) => basename(path) }),
  );
}

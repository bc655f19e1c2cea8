import type { MenuItemConstructorOptions } from 'electron';
import { ACTIONS, MENUS, type ActionDeclaration, type ActionId, type MenuEntry } from '../shared/actions';
import { acceleratorOf } from '../shared/keys';

/** What main does itself; every other action is sent to the view as `menu.action`. */
export interface MenuHandlers {
  main: Partial<Record<ActionId, () => void>>;
  openRecent(path: string): void;
  clearRecent(): void;
  /** Things the view carries out (undo decides between a text field and the library, for one). */
  action(action: ActionId): void;
}

export interface MenuContext {
  mac: boolean;
  packaged: boolean;
  recent: string[];
  /** The file name shown for a recent library. */
  nameOf(path: string): string;
}

/** Item ids the Electron spec clicks: the action ids. */
export const MENU_IDS = { importFiles: 'import-files', importFolder: 'import-folder' } as const satisfies Record<string, ActionId>;

const byId = new Map<string, ActionDeclaration>(ACTIONS.map((a) => [a.id, a]));

function actionItem(id: ActionId, handlers: MenuHandlers): MenuItemConstructorOptions {
  const action = byId.get(id) as ActionDeclaration;
  const first = action.keys[0];
  const accelerator = first ? acceleratorOf(first) : null;
  const runMain = action.main ? handlers.main[id] : undefined;
  return {
    id,
    label: action.menuLabel ?? action.label,
    ...(accelerator ? { accelerator } : {}),
    // The view handles its own keys (a text field keeps its undo, single keys are the reader's):
    // the menu shows them without registering them, so one key press never acts twice.
    ...(runMain ? {} : { registerAccelerator: false }),
    click: () => (runMain ? runMain() : handlers.action(id)),
  };
}

function entryItems(entry: MenuEntry, handlers: MenuHandlers, context: MenuContext): MenuItemConstructorOptions[] {
  if (entry === 'separator') return [{ type: 'separator' }];
  if (entry === 'recent') {
    const { recent } = context;
    return [
      {
        label: 'Open Recent',
        submenu: [
          ...recent.map((path) => ({ label: context.nameOf(path), sublabel: path, click: () => handlers.openRecent(path) })),
          ...(recent.length ? [{ type: 'separator' as const }] : []),
          { label: 'Clear Recent', enabled: recent.length > 0, click: () => handlers.clearRecent() },
        ],
      },
    ];
  }
  if (typeof entry === 'object') {
    // macOS has Quit and About in the app menu; dev tools only in unpacked builds.
    if ((entry.role === 'quit' || entry.role === 'about') && context.mac) return [];
    if (entry.role === 'toggleDevTools' && context.packaged) return [];
    return [{ role: entry.role }];
  }
  return [actionItem(entry, handlers)];
}

/** Drops separators left at either end or doubled by items a platform leaves out. */
function tidy(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.filter((item, i) => item.type !== 'separator' || (i > 0 && i < items.length - 1 && items[i + 1]?.type !== 'separator'));
}

/** The application menu as a template, from the action registry's declarations. */
export function menuTemplate(handlers: MenuHandlers, context: MenuContext): MenuItemConstructorOptions[] {
  return [
    ...(context.mac ? [{ role: 'appMenu' as const }] : []),
    ...MENUS.map((menu) => ({
      label: menu.label,
      submenu: tidy(menu.items.flatMap((entry) => entryItems(entry, handlers, context))),
    })),
  ];
}

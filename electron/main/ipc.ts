import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { isAbsolute } from 'node:path';
import { dispatch } from '../core/dispatch';
import type { Context } from '../core/handlers';
import { COMMAND_NAMES, type Envelope } from '../shared/contract';
import { GRANT_CHANNEL, LINK_CHANNEL } from '../shared/shell-channels';
import type { PathGrants } from './grants';
import type { LinkOpener } from './links';
import { isAppUrl } from './origin';

export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page may not use the library.' },
};

/** What registering needs of ipcMain (Electron's type; tests pass a recording stand-in). */
export type CommandRegistry = Pick<IpcMain, 'handle'>;
type Sender = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/** Only our own app:// pages may call: the sender frame's URL is parsed, never prefix-matched. */
function fromApp(event: Sender): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url);
}

/**
 * One handler per contract command; dispatch validates the untrusted arguments and maps errors.
 * The context is the page's: its paths are grants (grants.ts), resolved before core sees them.
 */
export function registerCommands(ipc: CommandRegistry, context: () => Context, grants: PathGrants): void {
  for (const name of COMMAND_NAMES) {
    ipc.handle(name, (event: Sender, args: unknown) =>
      fromApp(event) ? dispatch({ ...context(), resolvePath: grants.resolve }, name, args) : FORBIDDEN,
    );
  }
}

/** The preload's request to open a web link the user clicked (links.ts decides). */
export function registerLinks(ipc: CommandRegistry, links: LinkOpener): void {
  ipc.handle(LINK_CHANNEL, async (event: Sender, url: unknown) => {
    if (!fromApp(event)) return FORBIDDEN;
    if (typeof url !== 'string') return { ok: false, error: { code: 'invalid-arguments', message: 'A link is a URL.' } };
    return { ok: true, value: await links.open(event.sender, url) };
  });
}

/** Most files one drop or pick may hand over at once. */
const MAX_DROPPED = 100_000;

/**
 * The preload's paths of files the user dropped or picked (webUtils, which gives no path for a
 * File a script made), turned into read grants: the page gets the ids, never the paths.
 */
export function registerGrants(ipc: CommandRegistry, grants: PathGrants): void {
  ipc.handle(GRANT_CHANNEL, (event: Sender, paths: unknown) => {
    if (!fromApp(event)) return FORBIDDEN;
    if (!Array.isArray(paths) || paths.length > MAX_DROPPED || !paths.every((p) => typeof p === 'string' && isAbsolute(p))) {
      return { ok: false, error: { code: 'invalid-arguments', message: 'Only files from the disk can be imported.' } };
    }
    return { ok: true, value: paths.map((path: string) => grants.grant(path, 'read')) };
  });
}

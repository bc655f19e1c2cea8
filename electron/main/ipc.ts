import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../core/dispatch';
import type { Context } from '../core/handlers';
import { COMMAND_NAMES, type Envelope } from '../shared/contract';
import { LINK_CHANNEL } from '../shared/shell-channels';
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
export function registerCommands(ipc: CommandRegistry, context: () => Context): void {
  for (const name of COMMAND_NAMES) {
    ipc.handle(name, (event: Sender, args: unknown) => (fromApp(event) ? dispatch(context(), name, args) : FORBIDDEN));
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

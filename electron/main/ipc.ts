import { BrowserWindow, ipcMain } from 'electron';
import { dispatch } from '../core/dispatch';
import type { Context } from '../core/handlers';
import type { Session } from '../core/session';
import { COMMAND_NAMES, EVENT_NAMES, type Envelope, type EventName, type Events } from '../shared/contract';
import { isAppUrl } from './origin';

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page may not use the library.' },
};

/**
 * One handler per contract command. Only our own app:// pages may call (the sender frame's URL is
 * parsed, not prefix-matched); dispatch validates the untrusted arguments and maps errors.
 */
export function registerCommands(context: () => Context): void {
  for (const name of COMMAND_NAMES) {
    ipcMain.handle(name, (event, args: unknown) => {
      const url = event.senderFrame?.url;
      if (url === undefined || !isAppUrl(url)) return FORBIDDEN;
      return dispatch(context(), name, args);
    });
  }
}

/** Pushes a session's events to every window (the session drops these listeners when it closes). */
export function forwardEvents(session: Session): void {
  for (const name of EVENT_NAMES) session.on(name, (payload) => broadcast(name, payload));
}

export function broadcast<E extends EventName>(name: E, payload: Events[E]): void {
  for (const window of BrowserWindow.getAllWindows()) send(window, name, payload);
}

export function send<E extends EventName>(window: BrowserWindow, name: E, payload: Events[E]): void {
  if (!window.isDestroyed()) window.webContents.send(`event:${name}`, payload);
}

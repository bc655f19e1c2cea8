import { BrowserWindow } from 'electron';
import type { Session } from '../core/session';
import { EVENT_NAMES, type EventName, type Events } from '../shared/contract';

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

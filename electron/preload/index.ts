/**
 * The only door from the page to the main process: one named method per contract command and a
 * listener API for the contract's events. No ipcRenderer, no generic invoke, no raw IPC events.
 * Sandboxed preloads are CommonJS with no Node: this file imports the name lists only (no zod).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Bridge, CommandName, Envelope, EventName, Events } from '../shared/contract';
import { COMMAND_NAMES, EVENT_NAMES, splitName } from '../shared/names';
import { GRANT_CHANNEL, LINK_CHANNEL } from '../shared/shell-channels';
import { clickedWebLink } from './links';

type Methods = Omit<Bridge<File>, 'on' | 'grantFiles'>;

function commandMethods(): Methods {
  const domains: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const name of COMMAND_NAMES satisfies readonly CommandName[]) {
    const [domain, verb] = splitName(name);
    (domains[domain] ??= {})[verb] = (args: unknown) => ipcRenderer.invoke(name, args);
  }
  // Complete by construction: contract.ts checks COMMAND_NAMES against the command table.
  return domains as unknown as Methods;
}

const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

const api = {
  ...commandMethods(),
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    if (!eventNames.has(event)) throw new Error(`Unknown event "${event}".`);
    const channel = `event:${event}`;
    // The page gets the payload only, never the IpcRendererEvent (it would expose ipcRenderer).
    const wrapped = (_event: Electron.IpcRendererEvent, payload: Events[E]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.off(channel, wrapped);
    };
  },
  async grantFiles(files: File[]): Promise<string[]> {
    // webUtils gives '' for a File that is not on disk (one a script made): it gets no grant.
    const paths = Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    const envelope = (await ipcRenderer.invoke(GRANT_CHANNEL, paths)) as Envelope<string[]>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  },
} satisfies Bridge<File>;

contextBridge.exposeInMainWorld('marginalia', api);

// Web links (an article's source URL) open in the OS browser on a person's click: the preload sees
// the click in its own world, where the page cannot fake one; main checks the gesture again.
document.addEventListener(
  'click',
  (event) => {
    const { target } = event;
    const url = clickedWebLink({
      isTrusted: event.isTrusted,
      button: event.button,
      target: target instanceof Element ? { closest: (selector) => htmlLink(target.closest(selector)) } : null,
    });
    if (url === null) return;
    event.preventDefault();
    void ipcRenderer.invoke(LINK_CHANNEL, url);
  },
  true,
);

function htmlLink(element: Element | null): HTMLAnchorElement | null {
  return element instanceof HTMLAnchorElement ? element : null;
}

/**
 * A small recording stand-in for the parts of Electron's API the main-process modules use (the
 * Electron binary cannot run here). It records what the modules register and lets a test fire
 * events at them; everything else (the library, the file system) is real.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import type { HardenedContents } from '../../../electron/main/hardening';

type Listener = (...args: never[]) => unknown;

export class NavigationEvent {
  defaultPrevented = false;
  constructor(readonly url: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class RecordingContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpen: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  devicePermission: ((...args: unknown[]) => boolean) | null = null;

  readonly session = {
    setPermissionRequestHandler: (handler: RecordingContents['permissionRequest']) => void (this.permissionRequest = handler),
    setPermissionCheckHandler: (handler: RecordingContents['permissionCheck']) => void (this.permissionCheck = handler),
    setDevicePermissionHandler: (handler: RecordingContents['devicePermission']) => void (this.devicePermission = handler),
  };

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpen = handler;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }

  /** What a page's window.open (or a link with target=_blank) asks for. */
  openWindow(url: string, disposition: HandlerDetails['disposition'] = 'foreground-tab'): WindowOpenHandlerResponse {
    if (!this.windowOpen) throw new Error('no window-open handler was set');
    return this.windowOpen({ url, disposition, frameName: '', features: '', referrer: { url: '', policy: 'default' } });
  }

  navigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    const nav = new NavigationEvent(url);
    this.emit(event, nav);
    return !nav.defaultPrevented;
  }

  asContents(): HardenedContents {
    return this as unknown as HardenedContents;
  }
}

/** Electron's shell, recording the URLs it was asked to open in the OS browser. */
export class RecordingShell {
  readonly opened: string[] = [];
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}

/** ipcMain's handle(), recording each channel's handler so a test can invoke it as a sender would. */
export class RecordingIpc {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: never, ...args: never[]) => unknown): void {
    this.handlers.set(channel, listener as (event: unknown, ...args: unknown[]) => unknown);
  }
  invoke(channel: string, sender: { frameUrl: string | null; contents?: unknown }, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`nothing handles ${channel}`);
    const event = { senderFrame: sender.frameUrl === null ? null : { url: sender.frameUrl }, sender: sender.contents ?? {} };
    return Promise.resolve(handler(event, ...args));
  }
}

import type { Session, WebContents } from 'electron';
import { isAppUrl } from './origin';

/** What hardening needs of a web contents (Electron's own types; tests pass a recording stand-in). */
export type HardenedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'> & {
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;
};

/**
 * Locks down one web contents: no new windows, no navigation away from app://, no <webview>, no
 * permissions. window.open never reaches the OS browser, whatever it asks for: a page (or an
 * imported page's link that slipped through) could call it without the user doing anything. Web
 * links open only through links.ts, on a click the user made.
 */
export function hardenWebContents(contents: HardenedContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyPermissions(contents.session);
}

/** Camera, microphone, notifications, geolocation, HID, serial, USB…: an article reader needs none. */
function denyPermissions(session: HardenedContents['session']): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

import { type Session, app, shell } from 'electron';
import { isAppUrl, isWebLink } from './origin';

/**
 * The one place that locks down every web contents the app ever creates: no new windows (web
 * links go to the OS browser), no navigation away from app://, no <webview>, no permissions.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // The renderer opens web links only from a user's click on a link (target=_blank).
      if (isWebLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    denyPermissions(contents.session);
  });
}

/** Camera, microphone, notifications, geolocation, HID, serial, USB…: an article reader needs none. */
function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

import { describe, expect, it } from 'vitest';
import { hardenWebContents } from '../../../electron/main/hardening';
import { GESTURE_MS, LinkOpener } from '../../../electron/main/links';
import { RecordingContents, RecordingShell } from './stand-in';

function hardened(): { contents: RecordingContents; shell: RecordingShell; links: LinkOpener; clock: { now: number } } {
  const contents = new RecordingContents();
  const shell = new RecordingShell();
  const clock = { now: 1_000_000 };
  const links = new LinkOpener(shell, () => clock.now);
  hardenWebContents(contents.asContents());
  links.watch(contents.asContents());
  return { contents, shell, links, clock };
}

const mouseUp = { type: 'mouseUp' };

describe('web links go to the OS browser only on a click the user made (issue 13, item 14)', () => {
  it('window.open of an http(s) page opens nothing, in the app or in the browser', () => {
    const { contents, shell } = hardened();
    expect(contents.openWindow('https://example.org/canonical')).toEqual({ action: 'deny' });
    expect(contents.openWindow('http://example.org/', 'new-window')).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual([]);
  });

  it('window.open right after a click still opens nothing: only the preload’s link request can', () => {
    const { contents, shell } = hardened();
    contents.emit('input-event', {}, mouseUp);
    expect(contents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual([]);
  });

  it('a link request after the user’s click opens that one link, once', async () => {
    const { contents, shell, links } = hardened();
    contents.emit('input-event', {}, mouseUp);
    expect(await links.open(contents.asContents(), 'https://tass.com/politics/1')).toBe('opened');
    expect(await links.open(contents.asContents(), 'https://tass.com/politics/2')).toBe('no-user-gesture');
    expect(shell.opened).toEqual(['https://tass.com/politics/1']);
  });

  it('Enter on a focused link counts as the user’s gesture; a mouse move or other key does not', async () => {
    const { contents, shell, links } = hardened();
    contents.emit('input-event', {}, { type: 'mouseMove' });
    contents.emit('input-event', {}, { type: 'keyDown', keyCode: 'a' });
    expect(await links.open(contents.asContents(), 'https://example.org/a')).toBe('no-user-gesture');
    contents.emit('input-event', {}, { type: 'rawKeyDown', keyCode: 'Enter' });
    expect(await links.open(contents.asContents(), 'https://example.org/b')).toBe('opened');
    expect(shell.opened).toEqual(['https://example.org/b']);
  });

  it('a request long after the last click is refused', async () => {
    const { contents, shell, links, clock } = hardened();
    contents.emit('input-event', {}, mouseUp);
    clock.now += GESTURE_MS + 1;
    expect(await links.open(contents.asContents(), 'https://example.org/')).toBe('no-user-gesture');
    expect(shell.opened).toEqual([]);
  });

  it('a click in another window is no gesture for this one', async () => {
    const { contents, links, shell } = hardened();
    const other = new RecordingContents();
    links.watch(other.asContents());
    other.emit('input-event', {}, mouseUp);
    expect(await links.open(contents.asContents(), 'https://example.org/')).toBe('no-user-gesture');
    expect(shell.opened).toEqual([]);
  });

  it('only http(s) ever reaches the OS, click or not', async () => {
    const { contents, shell, links } = hardened();
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'app://marginalia/x',
      'mailto:a@b.c',
      'not a url',
    ]) {
      contents.emit('input-event', {}, mouseUp);
      expect(await links.open(contents.asContents(), url)).toBe('not-a-web-link');
    }
    expect(shell.opened).toEqual([]);
  });
});

describe('navigation and embedding', () => {
  it('stays on app://: every navigation, frame navigation and redirect elsewhere is stopped', () => {
    const { contents } = hardened();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      expect(contents.navigate(event, 'app://marginalia/index.html#/claims')).toBe(true);
      expect(contents.navigate(event, 'https://example.org/')).toBe(false);
      expect(contents.navigate(event, 'file:///etc/passwd')).toBe(false);
      expect(contents.navigate(event, 'app://marginalia.example.org/index.html')).toBe(false);
      expect(contents.navigate(event, 'app://other/index.html')).toBe(false);
    }
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    const attach = { defaultPrevented: false, preventDefault: () => void (attach.defaultPrevented = true) };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('permissions', () => {
  it('every permission request, check and device request is denied', () => {
    const { contents } = hardened();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      contents.permissionRequest?.({}, permission, (granted) => answers.push(granted));
      expect(contents.permissionCheck?.({}, permission, 'app://marginalia', {})).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
    expect(contents.devicePermission?.({ deviceType: 'usb', origin: 'app://marginalia' })).toBe(false);
  });
});

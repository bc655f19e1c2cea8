import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathGrants } from '../../../electron/main/grants';
import { FORBIDDEN, registerCommands, registerLinks } from '../../../electron/main/ipc';
import { LinkOpener } from '../../../electron/main/links';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { COMMAND_NAMES } from '../../../electron/shared/contract';
import { LINK_CHANNEL } from '../../../electron/shared/shell-channels';
import { openSession } from '../passages-fixture';
import { RecordingContents, RecordingIpc, RecordingShell } from './stand-in';

const APP_PAGE = 'app://marginalia/index.html';

describe('IPC answers our own app:// page only', () => {
  it('registers every contract command, each checking the sender frame', async () => {
    const { ctx } = openSession();
    const ipc = new RecordingIpc();
    registerCommands(ipc, () => ctx, new PathGrants());
    expect([...ipc.handlers.keys()].sort()).toEqual([...COMMAND_NAMES].sort());
    const created = (await ipc.invoke('tags.create', { frameUrl: APP_PAGE }, { path: 'Refugees' })) as { ok: boolean };
    expect(created.ok).toBe(true);
    expect(ctx.session.lib.db.prepare('SELECT name FROM tags').pluck().all()).toEqual(['Refugees']);
  });

  it('refuses frames from other origins, look-alike hosts, file: pages and a missing frame, and writes nothing', async () => {
    const { ctx } = openSession();
    const ipc = new RecordingIpc();
    registerCommands(ipc, () => ctx, new PathGrants());
    for (const frameUrl of [
      'https://example.org/',
      'app://marginalia.example.org/index.html',
      'app://evil/app://marginalia/',
      'file:///home/analyst/page.html',
      'http://127.0.0.1:5173/',
      'about:blank',
      null,
    ]) {
      expect(await ipc.invoke('tags.create', { frameUrl }, { path: 'Injected' }), String(frameUrl)).toEqual(FORBIDDEN);
    }
    expect(ctx.session.lib.db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(0);
  });

  it('the link channel checks the sender too, and leaves the decision to the gesture check', async () => {
    const ipc = new RecordingIpc();
    const shell = new RecordingShell();
    const links = new LinkOpener(shell);
    registerLinks(ipc, links);
    const contents = new RecordingContents();
    links.watch(contents.asContents());
    contents.emit('input-event', {}, { type: 'mouseUp' });
    expect(await ipc.invoke(LINK_CHANNEL, { frameUrl: 'https://example.org/', contents }, 'https://example.org/')).toEqual(FORBIDDEN);
    expect(await ipc.invoke(LINK_CHANNEL, { frameUrl: APP_PAGE, contents }, 'https://example.org/')).toEqual({ ok: true, value: 'opened' });
    expect(shell.opened).toEqual(['https://example.org/']);
  });
});

describe('every window’s webPreferences', () => {
  it('sandboxed, isolated, no Node anywhere, web security on, no webview', () => {
    const { webPreferences } = mainWindowOptions('Field notes', false);
    expect(webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(webPreferences?.preload).toMatch(/preload\.cjs$/);
  });

  it('are the only ones: no other file of the main process makes a window', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const dir = join(root, 'electron');
    const makers = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
      .filter((file) => /new BrowserWindow\(|new BrowserView\(|new WebContentsView\(/.test(readFileSync(file, 'utf8')));
    expect(makers.map((file) => relative(root, file))).toEqual(['electron/main/window.ts']);
    expect(readFileSync(join(dir, 'main', 'window.ts'), 'utf8')).toContain('new BrowserWindow(mainWindowOptions(');
  });
});

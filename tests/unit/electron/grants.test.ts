import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathGrants } from '../../../electron/main/grants';
import { registerCommands, registerGrants } from '../../../electron/main/ipc';
import type { Envelope } from '../../../electron/shared/contract';
import { GRANT_CHANNEL } from '../../../electron/shared/shell-channels';
import type { ImportReport } from '../../../electron/shared/types';
import { TASS } from '../../fixtures/tass';
import { tempDir } from '../helpers';
import { openSession } from '../passages-fixture';
import { RecordingIpc } from './stand-in';

const PAGE = { frameUrl: 'app://marginalia/index.html' };

/** The app's IPC on a real library, with a save dialog that answers `saveTo` (as main's does: a grant). */
function app(saveTo: string) {
  const { ctx, session } = openSession();
  const grants = new PathGrants();
  const ipc = new RecordingIpc();
  const pageCtx = { ...ctx, chooseSavePath: () => Promise.resolve(grants.grant(saveTo, 'write')) };
  registerCommands(ipc, () => pageCtx, grants);
  registerGrants(ipc, grants);
  const call = (name: string, args: unknown) => ipc.invoke(name, PAGE, args) as Promise<Envelope<unknown>>;
  const finished = () => new Promise<ImportReport>((resolve) => session.on('import.finished', resolve));
  const articles = () => session.lib.db.prepare('SELECT title FROM articles').pluck().all();
  return { ipc, call, finished, articles };
}

const SAVE_DIALOG = { title: 'Export passages', defaultName: 'passages.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] };

describe('in the app, paths reach the page only as grants (issue 13, item 10)', () => {
  it('a path the page makes up is refused for import and export, and nothing is read or written', async () => {
    const out = join(tempDir(), 'out.jsonld');
    const { call, articles } = app(out);
    expect(await call('import.start', { paths: [TASS.path] })).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'That file: Marginalia may read only files you chose in its dialogs or dropped on its window. Choose the file again.',
      },
    });
    expect((await call('export.annotations', { path: out })).ok).toBe(false);
    expect((await call('import.qdpx', { path: '/tmp/project.qdpx' })).ok).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(articles()).toEqual([]);
  });

  it('a dropped file becomes a grant the page passes to import.start, and the article is imported', async () => {
    const { ipc, call, finished, articles } = app(join(tempDir(), 'unused.csv'));
    const granted = (await ipc.invoke(GRANT_CHANNEL, PAGE, [TASS.path])) as Envelope<string[]>;
    expect(granted.ok && granted.value.map((id) => /^grant:[0-9a-f-]{36}$/.test(id))).toEqual([true]);
    const ids = granted.ok ? granted.value : [];
    expect(JSON.stringify(ids)).not.toContain(TASS.fileName);
    const done = finished();
    expect((await call('import.start', { paths: ids })).ok).toBe(true);
    expect((await done).imported.map((a) => a.title)).toEqual([TASS.title]);
    expect(articles()).toEqual([TASS.title]);
  });

  it('the save dialog answers with a write grant; the export writes where the user chose', async () => {
    const out = join(tempDir(), 'passages.csv');
    const { call } = app(out);
    const chosen = (await call('dialog.savePath', SAVE_DIALOG)) as Envelope<{ path: string }>;
    const grant = chosen.ok ? chosen.value.path : '';
    expect(grant).toMatch(/^grant:/);
    expect(await call('export.passagesCsv', { path: grant })).toEqual({ ok: true, value: { path: out, rows: 0 } });
    expect(existsSync(out)).toBe(true);
  });

  it('a read grant from a drop cannot be used to write, nor a grant from another sender frame', async () => {
    const { ipc, call } = app(join(tempDir(), 'unused.csv'));
    const granted = (await ipc.invoke(GRANT_CHANNEL, PAGE, [TASS.path])) as Envelope<string[]>;
    const [id] = granted.ok ? granted.value : [];
    const overwrite = await call('export.passagesCsv', { path: id });
    expect(overwrite.ok ? 'written' : overwrite.error.message).toBe(
      `${TASS.fileName}: Marginalia may write only files you chose in its dialogs or dropped on its window. Choose the file again.`,
    );
    expect(await ipc.invoke(GRANT_CHANNEL, { frameUrl: 'https://example.org/' }, ['/etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ipc.invoke(GRANT_CHANNEL, PAGE, ['relative/notes.txt'])).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });
});

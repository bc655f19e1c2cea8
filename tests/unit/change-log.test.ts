import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport } from '../../electron/core/import/pipeline';
import { recordChange } from '../../electron/core/library/change-log';
import { Session } from '../../electron/core/session';
import type { ChangeKind } from '../../electron/shared/types';
import { TASS } from '../fixtures/tass';
import { tempDir } from './helpers';
import { call, openSession } from './passages-fixture';

const open: Session[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** The app's session (watching the file as the app does) and a second process's session on the same file. */
function twoProcesses() {
  const app = openSession();
  open.push(app.session);
  const other = new Session(app.session.lib.path);
  open.push(other);
  app.session.watchExternalChanges(10);
  const changes: ChangeKind[][] = [];
  let waiting: (() => void) | null = null;
  app.session.on('library.changed', ({ kinds }) => {
    changes.push(kinds);
    waiting?.();
  });
  /** The next announcement the app makes. */
  const next = () =>
    new Promise<ChangeKind[]>((resolve) => {
      const from = changes.length;
      waiting = () => {
        if (changes.length > from) resolve(changes[from]!);
      };
    });
  return { app, other, changes, next };
}

describe('changes made by another process', () => {
  it('are announced by kind, from the log the other process wrote in the same transaction', async () => {
    const { app, other, next } = twoProcesses();
    const otherCtx = { session: other, parser: app.ctx.parser };
    let announced = next();
    const report = await runImport(other.lib.db, other.lib.clock, app.ctx.parser, [TASS.path]);
    expect(await announced).toEqual(['articles']);

    const articleId = report.imported[0]!.articleId;
    announced = next();
    await call(otherCtx, 'passages.create', { articleId, start: 0, end: 20 });
    expect((await announced).sort()).toEqual(['passages', 'tags']);

    announced = next();
    await call(otherCtx, 'tags.create', { path: 'Syria' });
    expect(await announced).toEqual(['tags']);
  });

  it('say "library" (anything may have changed) when a tool wrote without logging what', async () => {
    const { app, next } = twoProcesses();
    const announced = next();
    const raw = new Database(app.session.lib.path);
    raw
      .prepare(
        "INSERT INTO tags (uid, parent_id, name, color, position, created_at, updated_at) VALUES ('x', NULL, 'Raw', '#123456', 0, '', '')",
      )
      .run();
    raw.close();
    expect(await announced).toEqual(['library']);
  });

  it('never echo the app’s own edits back to it', async () => {
    const { app, other, changes, next } = twoProcesses();
    await call(app.ctx, 'tags.create', { path: 'Mine' });
    expect(changes).toEqual([['tags']]);
    // The app's own row is in the log; the next external change is announced alone.
    const announced = next();
    await call({ session: other, parser: app.ctx.parser }, 'tags.create', { path: 'Theirs' });
    expect(await announced).toEqual(['tags']);
    expect(changes).toEqual([['tags'], ['tags']]);
  });

  it('keeps only the latest rows; a watcher that fell behind them hears "library"', async () => {
    const lib = new Session(join(tempDir(), 'log.marginalia'));
    open.push(lib);
    const behind = new Session(lib.lib.path);
    open.push(behind);
    const changes: ChangeKind[][] = [];
    behind.on('library.changed', ({ kinds }) => changes.push(kinds));
    lib.lib.db.transaction(() => {
      for (let i = 0; i < 1100; i++) recordChange(lib.lib.db, ['tags']);
    })();
    expect((lib.lib.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(1000);
    const announced = new Promise<ChangeKind[]>((resolve) => behind.on('library.changed', ({ kinds }) => resolve(kinds)));
    behind.watchExternalChanges(10);
    expect(await announced).toEqual(['library']);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpLibrary, restoreFromBackup, type BackupDialogs } from '../../../electron/main/backup-menu';
import { LibraryHost } from '../../../electron/main/library';
import { menuTemplate } from '../../../electron/main/menu-template';
import type { MenuItemConstructorOptions } from 'electron';
import { runImport } from '../../../electron/core/import/pipeline';
import { TASS } from '../../fixtures/tass';
import { tempDir } from '../helpers';
import { openSession } from '../passages-fixture';

/** Native dialogs replaced by answers given in advance; records what the user was shown. */
class AnsweringDialogs implements BackupDialogs {
  readonly shown: string[] = [];
  readonly progressSeen: Array<number | null> = [];
  constructor(private readonly answers: { savePath?: string | null; backup?: string | null; confirm?: boolean }) {}
  chooseBackupPath(defaultPath: string) {
    this.shown.push(`save dialog at ${defaultPath}`);
    return Promise.resolve(this.answers.savePath ?? null);
  }
  chooseBackup(folder: string) {
    this.shown.push(`open dialog in ${folder}`);
    return Promise.resolve(this.answers.backup ?? null);
  }
  confirm(message: string, detail: string, action: string) {
    this.shown.push(`confirm: ${message} | ${detail} | ${action}`);
    return Promise.resolve(this.answers.confirm ?? false);
  }
  progress(fraction: number | null) {
    this.progressSeen.push(fraction);
  }
  tell(message: string, detail: string) {
    this.shown.push(`told: ${message} | ${detail}`);
    return Promise.resolve();
  }
  problem(message: string, detail: string) {
    this.shown.push(`problem: ${message} | ${detail}`);
    return Promise.resolve();
  }
}

/** The app's open library (a real file), with the TASS article imported. */
async function openApp(): Promise<{ host: LibraryHost; path: string; switched: string[] }> {
  const { ctx } = openSession();
  const path = join(tempDir(), 'Field notes.marginalia');
  const switched: string[] = [];
  const host = new LibraryHost(
    ctx.parser,
    undefined,
    (s) => void switched.push(s.lib.path),
    () => Promise.resolve(null),
  );
  host.open(path);
  await runImport(host.session.lib.db, host.session.lib.clock, ctx.parser, [TASS.path]);
  return { host, path, switched };
}

const titles = (host: LibraryHost) => host.session.lib.db.prepare('SELECT title FROM articles ORDER BY id').pluck().all();

describe('File > Back up library…', () => {
  it('copies the open library where the user chose, with progress, and says where', async () => {
    const { host, path } = await openApp();
    const out = join(tempDir(), 'copy.marginalia');
    const dialogs = new AnsweringDialogs({ savePath: out });
    const result = await backUpLibrary(host, dialogs);
    expect(result).toMatchObject({ path: out, articles: 1 });
    expect(dialogs.shown[0]).toMatch(
      new RegExp(`^save dialog at ${dirname(path)}/Field notes backups/Field notes \\d{4}-\\d\\d-\\d\\d \\d{6}\\.marginalia$`),
    );
    expect(dialogs.shown[1]).toMatch(new RegExp(`^told: The library is backed up \\| 1 article copied to ${out} \\(\\d+\\.\\d MB\\)\\.$`));
    // The window's progress bar follows SQLite's backup steps, then goes away.
    expect(dialogs.progressSeen[0]).toBe(0);
    expect(dialogs.progressSeen.at(-1)).toBeNull();
    host.close();
  });

  it('never writes over an existing file: it says so and leaves the file as it was', async () => {
    const { host } = await openApp();
    const out = join(tempDir(), 'copy.marginalia');
    await backUpLibrary(host, new AnsweringDialogs({ savePath: out }));
    const again = new AnsweringDialogs({ savePath: out });
    expect(await backUpLibrary(host, again)).toBeNull();
    expect(again.shown.at(-1)).toBe(
      `problem: The library could not be backed up | ${out} exists already: choose another name (a backup never replaces a file).`,
    );
    host.close();
  });
});

describe('File > Restore from backup…', () => {
  it('asks first; cancelled, nothing changes', async () => {
    const { host, path } = await openApp();
    const out = join(tempDir(), 'copy.marginalia');
    await backUpLibrary(host, new AnsweringDialogs({ savePath: out }));
    host.session.lib.db.prepare("UPDATE articles SET title = 'Edited after the backup'").run();
    const dialogs = new AnsweringDialogs({ backup: out, confirm: false });
    expect(await restoreFromBackup(host, dialogs)).toBeNull();
    expect(dialogs.shown).toEqual([
      `open dialog in ${dirname(path)}/Field notes backups`,
      `confirm: Replace “Field notes” with the backup copy.marginalia? | The library now has 1 article; the backup has 1 article. The library it replaces is kept in ${dirname(path)}, renamed “… (replaced <date>)”. | Restore`,
    ]);
    expect(titles(host)).toEqual(['Edited after the backup']);
    host.close();
  });

  it('confirmed, puts the backup in place, keeps the replaced library beside it and opens the restored one', async () => {
    const { host, path, switched } = await openApp();
    const out = join(tempDir(), 'copy.marginalia');
    await backUpLibrary(host, new AnsweringDialogs({ savePath: out }));
    host.session.lib.db.prepare("UPDATE articles SET title = 'Edited after the backup'").run();
    const dialogs = new AnsweringDialogs({ backup: out, confirm: true });
    const result = await restoreFromBackup(host, dialogs);
    expect(titles(host)).toEqual([TASS.title]);
    expect(switched).toEqual([path, path]);
    const kept = result?.replacedKeptAs ?? '';
    expect(kept).toMatch(/Field notes \(replaced \d{4}-\d\d-\d\d \d{4}\)\.marginalia$/);
    expect(existsSync(kept)).toBe(true);
    expect(dialogs.shown.at(-1)).toBe(
      `told: The library is restored | Restored from copy.marginalia (1 article). The library it replaced is kept as ${kept}.`,
    );
    expect(readdirSync(dirname(path)).filter((f) => f.endsWith('.restoring'))).toEqual([]);
    host.close();
  });

  it('a file that is not a library is refused in words and nothing changes', async () => {
    const { host } = await openApp();
    const dialogs = new AnsweringDialogs({ backup: TASS.path, confirm: true });
    expect(await restoreFromBackup(host, dialogs)).toBeNull();
    expect(dialogs.shown.at(-1)).toMatch(/^problem: This backup cannot be restored \| /);
    expect(titles(host)).toEqual([TASS.title]);
    host.close();
  });
});

describe('the File menu', () => {
  it('has Back Up Library… and Restore from Backup…, which main carries out', () => {
    const ran: string[] = [];
    const menus = menuTemplate(
      {
        main: { 'library-backup': () => void ran.push('backup'), 'library-restore': () => void ran.push('restore') },
        openRecent: () => undefined,
        clearRecent: () => undefined,
        action: (id) => void ran.push(`sent ${id}`),
      },
      { mac: false, packaged: true, recent: [], nameOf: (p) => p },
    );
    const file = (menus.find((m) => m.label === '&File')?.submenu ?? []) as MenuItemConstructorOptions[];
    const backup = file.find((i) => i.label === 'Back Up Library…');
    const restore = file.find((i) => i.label === 'Restore from Backup…');
    (backup?.click as () => void)();
    (restore?.click as () => void)();
    expect(ran).toEqual(['backup', 'restore']);
  });
});

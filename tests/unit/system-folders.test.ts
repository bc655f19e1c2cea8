import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/shared/types';
import { tempDir } from './helpers';
import { call, openSession, refused } from './passages-fixture';

// The renderer is untrusted: a page that reached the contract must not write into, or read out
// of, the system's own folders, straight or through a symbolic link.
describe('paths into system folders', () => {
  it('an export into /etc is refused in words, and nothing is written', async () => {
    const { ctx } = openSession();
    expect(await refused(ctx, 'export.annotations', { path: '/etc/marginalia-test.jsonld' })).toEqual({
      code: 'invalid-arguments',
      message: 'marginalia-test.jsonld: Marginalia does not write into the system folder /etc. Choose a folder of your own.',
    });
    expect(existsSync('/etc/marginalia-test.jsonld')).toBe(false);
  });

  it('an export through a symbolic link to /etc is refused as well', async () => {
    const { ctx } = openSession();
    const dir = tempDir();
    symlinkSync('/etc', join(dir, 'settings'));
    expect((await refused(ctx, 'export.passagesCsv', { path: join(dir, 'settings', 'marginalia-test.csv') })).message).toBe(
      'marginalia-test.csv: Marginalia does not write into the system folder /etc. Choose a folder of your own.',
    );
    expect(existsSync('/etc/marginalia-test.csv')).toBe(false);
  });

  it('an export into a folder of the analyst’s own is written', async () => {
    const { ctx } = openSession();
    const dir = join(tempDir(), 'exports');
    mkdirSync(dir);
    expect(await call(ctx, 'export.annotations', { path: join(dir, 'a.jsonld') })).toEqual({ path: join(dir, 'a.jsonld'), rows: 0 });
  });

  it('an import of a .txt link to /etc/passwd reads nothing from it and says why', async () => {
    const { ctx, db, session } = openSession();
    const dir = tempDir();
    const link = join(dir, 'notes.txt');
    symlinkSync('/etc/passwd', link);
    const finished = new Promise<ImportReport>((resolve) => session.on('import.finished', resolve));
    await call(ctx, 'import.start', { paths: [link, '/etc/hostname'] });
    const report = await finished;
    expect(report.failed).toEqual([
      { file: link, error: 'notes.txt: it is in the system folder /etc (as /etc/passwd), which Marginalia does not import from' },
      { file: '/etc/hostname', error: 'hostname: it is in the system folder /etc, which Marginalia does not import from' },
    ]);
    expect(report.imported).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
  });

  it('a REFI-QDA project is not read from a system folder', async () => {
    const { ctx } = openSession();
    expect((await refused(ctx, 'import.qdpx', { path: '/usr/share/project.qdpx' })).message).toBe(
      'project.qdpx: it is in the system folder /usr, which Marginalia does not import from. Nothing was imported.',
    );
  });
});

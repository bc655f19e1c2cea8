import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/http-host';
import { createParsePool } from '../../electron/core/import/parse-pool';
import type { Envelope } from '../../electron/shared/contract';
import type { ImportReport } from '../../electron/shared/types';
import { runCli } from '../run-cli';
import { tempDir } from './helpers';

/** A host on a real library, with an allowed folder (or none), a folder beside it and the pool. */
async function host(allow: boolean): Promise<{ h: RunningHost; allowed: string; outside: string }> {
  const dir = tempDir();
  const allowed = join(dir, 'allowed');
  const outside = join(dir, 'outside');
  mkdirSync(allowed);
  mkdirSync(outside);
  writeFileSync(join(allowed, 'kept.txt'), 'Kept\n\nAn article the analyst put in the allowed folder.\n');
  writeFileSync(join(outside, 'secret.txt'), 'Secret\n\nA file the page must not read.\n');
  const pool = createParsePool();
  const h = await startHost({
    libraryPath: join(dir, 'lib.marginalia'),
    rendererDir: join(dir, 'renderer'),
    parser: pool,
    ...(allow ? { allow: [allowed] } : {}),
  });
  afterEach(async () => {
    await h.close();
    await pool.close();
  });
  return { h, allowed, outside };
}

async function api(h: RunningHost, command: string, args: unknown): Promise<Envelope<unknown>> {
  const response = await fetch(`${h.url}/api/${command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Envelope<unknown>;
}

async function imported(h: RunningHost, paths: string[]): Promise<ImportReport> {
  const finished = new Promise<ImportReport>((resolve) => h.session.on('import.finished', resolve));
  const started = await api(h, 'import.start', { paths });
  expect(started.ok).toBe(true);
  return finished;
}

const articles = (h: RunningHost) => h.session.lib.db.prepare('SELECT title FROM articles ORDER BY id').pluck().all();

describe('the HTTP host takes paths only under the folders it was started with (serve --allow)', () => {
  it('without --allow, a path from the page is refused in words: nothing is read or written', async () => {
    const { h, allowed } = await host(false);
    const read = await api(h, 'import.start', { paths: [join(allowed, 'kept.txt')] });
    expect(read).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'kept.txt: this server may not read there; it reads only files uploaded to it and writes only downloads (start it with marginalia serve --allow FOLDER to let it use the files in a folder).',
      },
    });
    const write = await api(h, 'export.annotations', { path: join(allowed, 'out.jsonld') });
    expect(write.ok).toBe(false);
    expect(existsSync(join(allowed, 'out.jsonld'))).toBe(false);
    expect(articles(h)).toEqual([]);
  });

  it('imports from and exports into an allowed folder', async () => {
    const { h, allowed } = await host(true);
    const report = await imported(h, [allowed]);
    expect(report.imported.map((a) => a.title)).toEqual(['kept']);
    expect(await api(h, 'export.annotations', { path: join(allowed, 'out.jsonld') })).toEqual({
      ok: true,
      value: { path: join(allowed, 'out.jsonld'), rows: 0 },
    });
    expect(existsSync(join(allowed, 'out.jsonld'))).toBe(true);
  });

  it('refuses paths outside it, by ../ or by a symbolic link inside it, for reading and writing', async () => {
    const { h, allowed, outside } = await host(true);
    symlinkSync(join(outside, 'secret.txt'), join(allowed, 'notes.txt'));
    symlinkSync(outside, join(allowed, 'linked'));
    for (const path of [
      join(outside, 'secret.txt'),
      join(allowed, '..', 'outside', 'secret.txt'),
      join(allowed, 'notes.txt'),
      join(allowed, 'linked'),
    ]) {
      const refused = await api(h, 'import.start', { paths: [path] });
      expect(refused.ok ? 'accepted' : refused.error.code, path).toBe('forbidden');
    }
    const write = await api(h, 'export.passagesCsv', { path: join(allowed, 'linked', 'out.csv') });
    expect(write.ok ? 'accepted' : write.error.message).toMatch(
      /^out\.csv: this server may not write there; it reads and writes files only in /,
    );
    expect(existsSync(join(outside, 'out.csv'))).toBe(false);
    const qdpx = await api(h, 'import.qdpx', { path: join(outside, 'project.qdpx') });
    expect(qdpx.ok ? 'accepted' : qdpx.error.code).toBe('forbidden');
    expect(articles(h)).toEqual([]);
  });

  it('an import of the allowed folder skips a link in it that leads outside, with the reason', async () => {
    const { h, allowed, outside } = await host(true);
    symlinkSync(join(outside, 'secret.txt'), join(allowed, 'notes.txt'));
    const report = await imported(h, [allowed]);
    expect(report.imported.map((a) => a.title)).toEqual(['kept']);
    expect(report.failed).toEqual([
      { file: join(allowed, 'notes.txt'), error: 'notes.txt: a symbolic link, not followed (it may lead outside the folder)' },
    ]);
    expect(articles(h)).toEqual(['kept']);
  });
});

describe('serve --allow', () => {
  it('refuses a folder that does not exist (a typo would allow nothing) before it starts', async () => {
    const dir = tempDir();
    const run = await runCli(['serve', '--library', join(dir, 'lib.marginalia'), '--allow', join(dir, 'articels')]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `marginalia serve: --allow ${join(dir, 'articels')}: no such folder.\nUsage: marginalia serve [--library FILE] [--coder NAME] [--port N] [--allow FOLDER]...\n`,
    });
    expect(existsSync(join(dir, 'lib.marginalia'))).toBe(false);
  });
});

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { projectCopy } from './project-copy';

/** `marginalia serve` in the copy: its printed URL, the page it serves at /, what it said on stderr; then stopped. */
async function serveOnce(root: string): Promise<{ status: number; page: string; stderr: string }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'marginalia.mjs'), 'serve', '--library', join(root, 'lib.marginalia')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const response = await fetch(new URL('/', url));
    return { status: response.status, page: await response.text(), stderr };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('marginalia serve', () => {
  it('builds the interface on a fresh clone, and again after its sources change, saying so each time', async () => {
    const root = projectCopy(['bin', 'scripts', 'electron', 'renderer']);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    const first = await serveOnce(root);
    expect(first.stderr).toMatch(/^Building the interface \(dist\/renderer\), once…\nBuilt the interface in \d+\.\d s\.\n$/);
    expect(first.status).toBe(200);
    expect(first.page).toContain('<title>Marginalia</title>');

    const unchanged = await serveOnce(root);
    expect(unchanged.stderr).toBe('');

    const index = join(root, 'renderer', 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<title>Marginalia</title>', '<title>Marginalia (updated)</title>'));
    const updated = await serveOnce(root);
    expect(updated.stderr).toMatch(
      /^The interface changed since it was built: rebuilding dist\/renderer…\nBuilt the interface in \d+\.\d s\.\n$/,
    );
    expect(updated.page).toContain('<title>Marginalia (updated)</title>');
  });
});

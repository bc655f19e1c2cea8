import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TASS } from '../fixtures/tass';
import { currentBuild, marginalia, projectCopy } from './project-copy';

const builds = (root: string): string[] => readdirSync(join(root, 'dist', 'cli')).filter((name) => name !== 'current.json');

describe('the marginalia command runs from a bundle it keeps current', () => {
  it('builds the bundle on the first run of a checkout that has none, then reuses it', () => {
    const root = projectCopy(['bin', 'scripts', 'electron']);
    expect(existsSync(join(root, 'dist'))).toBe(false);

    const first = marginalia(root, ['--help']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Usage: marginalia <command> \[options\]\n/);
    const build = currentBuild(root);
    expect(existsSync(join(root, 'dist', 'cli', build, 'marginalia.js'))).toBe(true);

    expect(marginalia(root, ['stats', '--help']).code).toBe(0);
    expect(currentBuild(root)).toBe(build);
    expect(builds(root)).toEqual([build]);
  });

  it('rebuilds a bundle older than a source file or the lock before running, never runs the stale one', () => {
    const root = projectCopy(['bin', 'scripts', 'electron']);
    expect(marginalia(root, ['--help']).stdout).toMatch(/^ {2}list +List every article$/m);
    const first = currentBuild(root);

    const cli = join(root, 'electron', 'host', 'cli.ts');
    writeFileSync(cli, readFileSync(cli, 'utf8').replace("summary: 'List every article'", "summary: 'List every article, oldest first'"));
    expect(marginalia(root, ['--help']).stdout).toMatch(/^ {2}list +List every article, oldest first$/m);
    const second = currentBuild(root);
    expect(second).not.toBe(first);

    // A reinstall or an updated lock: the packages the bundle imports may have changed.
    appendFileSync(join(root, 'package-lock.json'), '\n');
    expect(marginalia(root, ['--help']).code).toBe(0);
    expect(currentBuild(root)).not.toBe(second);
  });

  it('says so when its sources do not build, and does not run the bundle it had instead', () => {
    const root = projectCopy(['bin', 'scripts', 'electron']);
    expect(marginalia(root, ['--help']).code).toBe(0);
    const cli = join(root, 'electron', 'host', 'cli.ts');
    writeFileSync(
      cli,
      readFileSync(cli, 'utf8').replace('const COMMANDS: Record<string, Command> = {', 'const COMMANDS: Record<string, Command> = {{'),
    );

    const broken = marginalia(root, ['--help']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('electron/host/cli.ts:');
    expect(broken.stderr).toMatch(/\nmarginalia: the command could not be built from its sources \(Build failed with 1 error:?\)\n$/);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });

  it('finds its parse and checkpoint workers beside the bundle', async () => {
    const root = projectCopy(['bin', 'scripts', 'electron']);
    const library = join(root, 'field notes.marginalia');
    copyFileSync(TASS.path, join(root, 'tass.txt'));
    const imported = marginalia(root, ['import', '--json', '--library', library, join(root, 'tass.txt')]);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 1, reprints: 0, duplicates: 0, failed: [], stopped: null, notImported: 0 });

    // The checkpoint worker falls back silently when it cannot start: start the bundled one itself.
    const worker = new Worker(join(root, 'dist', 'cli', currentBuild(root), 'checkpoint-worker.js'), { workerData: { path: library } });
    try {
      const reply = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, last: true });
      });
      expect(reply).toEqual({ id: 7, log: 0, checkpointed: 0 });
    } finally {
      await worker.terminate();
    }
  });
});

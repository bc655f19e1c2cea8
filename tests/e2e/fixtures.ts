import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runCli, type CliRun } from '../run-cli';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

export interface Host {
  /** The URL `marginalia serve` printed, token included. */
  url: string;
  libraryPath: string;
  dir: string;
  /** Runs the CLI against the same library (a second process, as an analyst would). */
  cli(args: string[]): Promise<CliRun>;
  /** Calls a contract command over HTTP with the run's token, as the UI does; throws its error. */
  api<T = unknown>(command: string, args: unknown): Promise<T>;
}

async function startServe(libraryPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'marginalia.mjs'), 'serve', '--library', libraryPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`marginalia serve exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

/** Every test: its own temp library served by a real `marginalia serve`, and a page on it. */
export const test = base.extend<{ host: Host; app: Page }>({
  // Playwright reads a fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
    const libraryPath = join(dir, 'e2e.marginalia');
    const { url, child } = await startServe(libraryPath);
    const { origin, hash } = new URL(url);
    const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
    const api = async <T>(command: string, args: unknown): Promise<T> => {
      const response = await fetch(`${origin}/api/${command}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message ?? `${command} failed`);
      return envelope.value as T;
    };
    await use({ url, libraryPath, dir, cli: (args) => runCli([...args, '--library', libraryPath]), api });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await expect(page.getByRole('listbox', { name: 'Articles' })).toBeVisible();
    await use(page);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

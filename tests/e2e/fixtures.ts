import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Args, CommandName, Envelope, Result } from '../../electron/shared/contract';
import { runCli, type CliRun } from '../run-cli';
import { ClaimsView } from './pages/claims';
import { Codebook } from './pages/codebook';
import { ImportPanel } from './pages/import-panel';
import { Library } from './pages/library';
import { PassagesView } from './pages/passages-view';
import { Reader } from './pages/reader';

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
  api<K extends CommandName>(command: K, args: Args<K>): Promise<Result<K>>;
  /** Lets an import held by the `importHold` option go on to its end. */
  releaseImport(): void;
  /** Lets a coding job held by the `codingHold` option go on to its end. */
  releaseCoding(): void;
  /** Lets a report held by the `reportHold` option go on to its end. */
  releaseReport(): void;
}

/**
 * `marginalia serve` itself; or, for a test that holds an import or a coding job at a known point,
 * the test host (tests/e2e/test-host.ts: the same host, holding the job there).
 */
async function startServe(libraryPath: string, holds: Options, env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const held = holds.importHold !== undefined || holds.codingHold !== undefined || holds.reportHold !== undefined;
  const args = held
    ? ['--import', 'tsx', join(ROOT, 'tests', 'e2e', 'test-host.ts'), '--library', libraryPath]
    : [join(ROOT, 'bin', 'marginalia.mjs'), 'serve', '--library', libraryPath];
  if (holds.serveCoder !== undefined) args.push('--coder', holds.serveCoder);
  if (holds.importHold !== undefined) env.MARGINALIA_TEST_HOLD_IMPORT_AT = String(holds.importHold);
  if (holds.codingHold !== undefined) env.MARGINALIA_TEST_HOLD_CODING_AT = String(holds.codingHold);
  if (holds.reportHold !== undefined) env.MARGINALIA_TEST_HOLD_REPORT_AT = String(holds.reportHold);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`marginalia serve exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

interface Options {
  /** Hold the first import at this file number (0-based) until Cancel or `host.releaseImport()`. */
  importHold: number | undefined;
  /** Hold the first "Code all hits" job once it has read this many articles, until Cancel or `host.releaseCoding()`. */
  codingHold: number | undefined;
  /** Hold the first report once it has read this many passages, until Cancel or `host.releaseReport()`. */
  reportHold: number | undefined;
  /**
   * The coder profile saved before `serve` starts (its user-data folder is the test's own), so
   * the first-run dialog does not ask; null: none saved, as on a first run.
   */
  coderProfile: { name: string; colour: string } | null;
  /** `serve --coder NAME`. */
  serveCoder: string | undefined;
}

/** The page and the parts of the app a test drives, each with the names a person sees. */
interface Screens {
  app: Page;
  library: Library;
  reader: Reader;
  codebook: Codebook;
  passages: PassagesView;
  imports: ImportPanel;
  claims: ClaimsView;
}

/** Every test: its own temp library served by a real `marginalia serve`, and a page on it. */
export const test = base.extend<{ host: Host } & Screens & Options>({
  importHold: [undefined, { option: true }],
  codingHold: [undefined, { option: true }],
  reportHold: [undefined, { option: true }],
  coderProfile: [{ name: 'Analyst', colour: '#0072b2' }, { option: true }],
  serveCoder: [undefined, { option: true }],
  host: async ({ importHold, codingHold, reportHold, coderProfile, serveCoder }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
    const libraryPath = join(dir, 'e2e.marginalia');
    const userData = join(dir, 'user-data');
    mkdirSync(userData);
    if (coderProfile) writeFileSync(join(userData, 'coder.json'), JSON.stringify(coderProfile));
    // serve and the CLI runs below share the test's profile, never the machine's.
    const env = { ...process.env, MARGINALIA_USER_DATA: userData };
    const { url, child } = await startServe(libraryPath, { importHold, codingHold, reportHold, coderProfile, serveCoder }, env);
    const { origin, hash } = new URL(url);
    const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
    const api = async <K extends CommandName>(command: K, args: Args<K>): Promise<Result<K>> => {
      const response = await fetch(`${origin}/api/${command}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const envelope = (await response.json()) as Envelope<Result<K>>;
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    };
    const release = () => child.stdin?.write('release\n');
    await use({
      url,
      libraryPath,
      dir,
      cli: (args) => runCli([...args, '--library', libraryPath], { MARGINALIA_USER_DATA: userData }),
      api,
      releaseImport: release,
      releaseCoding: release,
      releaseReport: release,
    });
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
  library: async ({ app }, use) => use(new Library(app)),
  reader: async ({ app }, use) => use(new Reader(app)),
  codebook: async ({ app }, use) => use(new Codebook(app)),
  passages: async ({ app }, use) => use(new PassagesView(app)),
  imports: async ({ app }, use) => use(new ImportPanel(app)),
  claims: async ({ app }, use) => use(new ClaimsView(app)),
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The rules a source text at `path` (relative to the project) breaks under the project's ESLint config. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('ESLint keeps the parts of the app apart', () => {
  it.each([
    ['host', "import { main } from '../host/cli';\nexport const x = main;\n"],
    ['main', "import { APP_HOST } from '../main/origin';\nexport const x = APP_HOST;\n"],
    ['renderer', "import { formatElapsed } from '../../renderer/src/format';\nexport const x = formatElapsed;\n"],
  ])('refuses a core file that imports from %s', async (_part, code) => {
    expect(await violations('electron/core/probe.ts', code)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*electron\/core may import only from electron\/core, electron\/shared/),
    ]);
  });

  it('lets a core file import from shared', async () => {
    expect(
      await violations('electron/core/probe.ts', "import { MATCH_END } from '../shared/types';\nexport const x = MATCH_END;\n"),
    ).toEqual([]);
  });

  it('refuses a renderer file that imports from core, and a preload that imports from core', async () => {
    const fromRenderer = "import { sha256 } from '../../electron/core/import/prepare';\nexport const x = sha256;\n";
    expect(await violations('renderer/src/probe.ts', fromRenderer)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*renderer may import only from renderer, electron\/shared/),
    ]);
    const fromPreload = "import { sha256 } from '../core/import/prepare';\nexport const x = sha256;\n";
    expect(await violations('electron/preload/probe.ts', fromPreload)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*electron\/preload may import only from electron\/preload, electron\/shared/),
    ]);
  });

  it('refuses Node modules in shared and Electron in core', async () => {
    expect(await violations('electron/shared/probe.ts', "import { join } from 'node:path';\nexport const x = join;\n")).toEqual([
      expect.stringMatching(/^import-x\/no-nodejs-modules: /),
    ]);
    expect(await violations('electron/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Only electron\/main and electron\/preload may import Electron/),
    ]);
  });

  it('refuses an import cycle in core', async () => {
    // The cycle rule follows imports through files on disk, so the two modules are written there.
    const dir = mkdtempSync(join(ROOT, 'electron', 'core', 'lint-probe-'));
    try {
      const a = "import { b } from './b';\nexport const a = (): number => b() + 1;\n";
      writeFileSync(join(dir, 'a.ts'), a);
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = (): number => a() - 1;\n");
      const [result] = await eslint.lintFiles([join(dir, 'a.ts')]);
      expect(result?.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a source file over 400 lines', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    expect(await violations('electron/core/probe.ts', lines(400))).toEqual([]);
    expect(await violations('electron/core/probe.ts', lines(401))).toEqual([
      expect.stringMatching(/^max-lines: File has too many lines \(401\)/),
    ]);
    expect(await violations('scripts/probe.mjs', lines(401))).toEqual([expect.stringMatching(/^max-lines: /)]);
  });
});

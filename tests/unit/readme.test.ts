import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TASS } from '../fixtures/tass';
import { FIXTURES, tempDir } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'marginalia.mjs');
const PAGES = ['README.md', 'DEVELOPERS.md', 'docs/architecture.md'];

/** The README's command-line session: each `$ ` line with the output shown under it. */
function readmeSession(): Array<{ command: string; output: string }> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /## The command line[\s\S]*?```console\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no console block under "The command line"');
  const steps: Array<{ command: string; output: string }> = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), output: '' });
    else if (steps.length > 0) steps.at(-1)!.output += `${line}\n`;
  }
  return steps.map((step) => ({ ...step, output: step.output.replace(/\n+$/, '\n').replace(/^\n$/, '') }));
}

describe('the documentation', () => {
  it('links only to files the repository holds', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const path = resolve(ROOT, dirname(page), target!);
        if (!path.startsWith(`${ROOT}/`) || !existsSync(path)) broken.push(`${page}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('shows exactly what the CLI prints for its sample session', () => {
    // The session's home: ~/articles holds the TASS article, a Russian text in Windows-1251, a BBC
    // article and a damaged PDF; outputs name it /home/me as the README does.
    const home = tempDir();
    const articles = join(home, 'articles');
    mkdirSync(articles);
    mkdirSync(join(home, 'research'));
    copyFileSync(TASS.path, join(articles, TASS.fileName));
    copyFileSync(join(FIXTURES, 'import', 'encodings', 'ru-refugees.cp1251.txt'), join(articles, 'ru-refugees.cp1251.txt'));
    copyFileSync(
      join(FIXTURES, 'import', 'bbc', '1m-payoff-for-former-shell-boss.txt'),
      join(articles, '1m-payoff-for-former-shell-boss.txt'),
    );
    copyFileSync(join(FIXTURES, 'import', 'bad', 'truncated.pdf'), join(articles, 'scan.pdf'));
    const steps = readmeSession();
    expect(steps.length).toBeGreaterThan(5);
    // One shell runs the whole session (export carries over); each command's output is marked off.
    const script = steps
      .filter((step) => !step.command.startsWith('npx marginalia serve'))
      .map((step, i) => `echo '@@${i}'; ${step.command.replace(/^npx marginalia /, `node '${BIN}' `)} 2>&1`)
      .join('\n');
    const out = execFileSync('bash', ['-c', `set +e\n${script}\nexit 0`], {
      cwd: home,
      env: { ...process.env, HOME: home, MARGINALIA_LIBRARY: '' },
      encoding: 'utf8',
    }).replaceAll(home, '/home/me');
    const printed = out.split(/^@@\d+\n/m).slice(1);
    const shown = steps.filter((step) => !step.command.startsWith('npx marginalia serve'));
    expect(printed.map((output, i) => ({ command: shown[i]!.command, output }))).toEqual(shown);
    const serve = steps.find((step) => step.command.startsWith('npx marginalia serve'));
    expect(serve?.output).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=…\n$/);
  });
});

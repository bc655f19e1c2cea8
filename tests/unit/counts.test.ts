import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCount, plural } from '../../electron/shared/counts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every TypeScript source under a folder, with its path. */
function sources(dir: string): Array<[string, string]> {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => [join(dir, file), readFileSync(join(ROOT, dir, file), 'utf8')]);
}

describe('counts', () => {
  it('follow the plural rules and group thousands', () => {
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(0, 'file')).toBe('0 files');
    expect(plural(2096, 'file')).toBe('2,096 files');
    expect(plural(20_000, 'article')).toBe('20,000 articles');
    expect(plural(1, 'child tag')).toBe('1 child tag');
    expect(plural(3, 'child', 'children')).toBe('3 children');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('are never printed as "file(s)" by the UI, the CLI or a message from the core', () => {
    const offenders = ['renderer/src', 'electron/host', 'electron/core', 'electron/main']
      .flatMap(sources)
      .flatMap(([path, text]) => text.split('\n').map((line, i) => [`${path}:${i + 1}`, line] as const))
      // A noun with "(s)" inside text: followed by text or punctuation (a call such as load(s) is followed by an operator).
      .filter(([, line]) => /\p{L}\(s\)(?:[`'"…:,\\]|\s+\p{L})/u.test(line))
      .map(([where, line]) => `${where}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});

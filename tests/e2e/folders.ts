import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

function wireReport(i: number): string {
  return `Wire report ${i}\n\nLONDON (Reuters) - Item ${i} of the morning wire: ${i * 7} people attended, officials said.\n\nA second paragraph for item ${i}.\n`;
}

/** A folder of `count` distinct wire reports, each a good article of its own. */
export function wireFolder(root: string, count: number): string {
  const folder = join(root, 'wire');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(folder, `wire-${i}.txt`), wireReport(i));
  return folder;
}

/** A newsroom folder: real articles, legacy encodings, broken files, and a long tail of wire reports. */
export function newsroomFolder(root: string, bulk: number): string {
  const folder = join(root, 'newsroom');
  mkdirSync(join(folder, 'bulk'), { recursive: true });
  cpSync(join(FIXTURES, 'tass'), join(folder, 'tass'), { recursive: true });
  cpSync(join(FIXTURES, 'import', 'encodings'), join(folder, 'encodings'), { recursive: true });
  cpSync(join(FIXTURES, 'import', 'bad'), join(folder, 'bad'), { recursive: true });
  for (let i = 0; i < bulk; i++) writeFileSync(join(folder, 'bulk', `wire-${i}.txt`), wireReport(i));
  return folder;
}

/** How many files a folder holds, at any depth (what a folder import hands over). */
export function filesUnder(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

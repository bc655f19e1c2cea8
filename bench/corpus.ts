import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const WORDS = (
  'the government said on monday that refugees returning from abroad would receive housing and basic necessities ' +
  'officials in moscow london paris and washington discussed the settlement of the conflict and the reconstruction ' +
  'of infrastructure while analysts questioned the figures reported by several outlets over the past week economy ' +
  'markets inflation rose percent according to the central bank which expects growth next year despite sanctions'
).split(' ');
const PLACES = ['MOSCOW', 'LONDON', 'PARIS', 'WASHINGTON', 'BERLIN', 'NOVO-OGARYOVO', 'DAMASCUS'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** A deterministic pseudo-random stream, so every run benchmarks the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes `count` news-like .txt files (title, lead, dateline, paragraphs, a subheading) into dir. */
export function generateCorpus(dir: string, count: number): string[] {
  const random = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')} ${Math.floor(random() * 1000)}.${Math.floor(random() * 10)} mln.`;
  };
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const paragraphs = Array.from({ length: 6 + Math.floor(random() * 6) }, () =>
      Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentence(12 + Math.floor(random() * 14))).join(' '),
    );
    const text = [
      `Report ${i}: ${sentence(8).replace(/\.$/, '')}`,
      '',
      sentence(25),
      '',
      `${pick(PLACES)}, ${pick(MONTHS)} ${1 + Math.floor(random() * 28)}. /TASS/. ${paragraphs[0]}`,
      '',
      ...paragraphs.slice(1, 4).flatMap((p) => [p, '']),
      'Background',
      '',
      ...paragraphs.slice(4).flatMap((p) => [p, '']),
    ].join('\n');
    const file = join(sub, `article-${i}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

function listTxt(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listTxt(full));
    else if (name.endsWith('.txt')) out.push(full);
  }
  return out;
}

/**
 * Copies a real corpus `times` times; each copy gets a marker line so the duplicate check does
 * not skip it (otherwise replication would benchmark duplicate detection, not import).
 */
export function replicateCorpus(source: string, dir: string, times: number): string[] {
  const originals = listTxt(source);
  const files: string[] = [];
  for (let copy = 0; copy < times; copy++) {
    for (const file of originals) {
      const target = join(dir, `copy-${copy}`, relative(source, file));
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, `${readFileSync(file, 'utf8')}\n\n(copy ${copy})\n`);
      files.push(target);
    }
  }
  return files;
}

// Mutation fuzzing of every importer (npm run fuzz, not part of npm test): each round takes a
// fixture file, damages a copy of it (bits flipped, cut short, bytes inserted, a slice repeated or
// blanked) and parses it in the real parse pool, as an import does. A refusal in words is the
// expected outcome for damaged input; a crash, a hang past the time limit or a programming error
// in the message is a finding: the file is kept in tests/artifacts/fuzz/ to become a regression
// test. FUZZ_ITERATIONS (default 500) or FUZZ_MINUTES bound the run; FUZZ_SEED repeats one.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../../electron/core/import/extensions';
import { createParsePool } from '../../electron/core/import/parse-pool';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const FINDINGS = join(ROOT, 'tests', 'artifacts', 'fuzz');
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 500);
const MINUTES = Number(process.env.FUZZ_MINUTES ?? 0);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const TIMEOUT_MS = 20_000;
/** Messages that are not a refusal in words but a programming error surfacing. */
const PROGRAMMING_ERROR =
  /is not a function|Cannot read propert|is not defined|is not iterable|Maximum call stack|Invalid array length|out of memory|undefined|null|NaN/;

/** mulberry32: small, seeded, good enough to choose mutations reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function fixtures(dir: string): string[] {
  const supported = new Set<string>([...SUPPORTED_EXTENSIONS, '.qdpx']);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return fixtures(path);
    return supported.has(extname(entry.name).toLowerCase()) ? [path] : [];
  });
}

function mutate(bytes: Buffer, rng: () => number): { bytes: Buffer; how: string } {
  const at = () => Math.floor(rng() * Math.max(1, bytes.length));
  switch (Math.floor(rng() * 5)) {
    case 0: {
      const out = Buffer.from(bytes);
      const flips = 1 + Math.floor(rng() * 16);
      for (let i = 0; i < flips && out.length > 0; i++) out[at()]! ^= 1 << Math.floor(rng() * 8);
      return { bytes: out, how: `${flips} bits flipped` };
    }
    case 1: {
      const cut = at();
      return { bytes: bytes.subarray(0, cut), how: `cut at ${cut}` };
    }
    case 2: {
      const where = at();
      const extra = Buffer.from(Array.from({ length: 1 + Math.floor(rng() * 64) }, () => Math.floor(rng() * 256)));
      return {
        bytes: Buffer.concat([bytes.subarray(0, where), extra, bytes.subarray(where)]),
        how: `${extra.length} bytes inserted at ${where}`,
      };
    }
    case 3: {
      const from = at();
      const slice = bytes.subarray(from, from + 1 + Math.floor(rng() * 4096));
      const times = 2 + Math.floor(rng() * 50);
      return {
        bytes: Buffer.concat([bytes.subarray(0, from), ...Array<Buffer>(times).fill(slice), bytes.subarray(from)]),
        how: `a slice repeated ${times} times`,
      };
    }
    default: {
      const out = Buffer.from(bytes);
      const from = at();
      out.fill(rng() < 0.5 ? 0 : 0xff, from, Math.min(out.length, from + 1 + Math.floor(rng() * 512)));
      return { bytes: out, how: `a slice blanked at ${from}` };
    }
  }
}

const files = fixtures(FIXTURES);
const rng = random(SEED);
const work = mkdtempSync(join(tmpdir(), 'marginalia-fuzz-'));
const pool = createParsePool({ timeoutMs: TIMEOUT_MS });
const started = Date.now();
const counts = { parsed: 0, refused: 0, findings: 0 };
console.log(`Fuzzing ${files.length} fixture files, seed ${SEED}.`);
try {
  for (let i = 0; MINUTES > 0 ? Date.now() - started < MINUTES * 60_000 : i < ITERATIONS; i++) {
    const source = files[Math.floor(rng() * files.length)]!;
    const { bytes, how } = mutate(readFileSync(source), rng);
    const path = join(work, `${i}-${basename(source)}`);
    writeFileSync(path, bytes);
    const outcome = await pool.parse(path);
    rmSync(path);
    if (outcome.ok) {
      counts.parsed++;
      continue;
    }
    const crashed = /took longer than|parser crashed|parser stopped/.test(outcome.error) || PROGRAMMING_ERROR.test(outcome.error);
    if (!crashed) {
      counts.refused++;
      continue;
    }
    counts.findings++;
    mkdirSync(FINDINGS, { recursive: true });
    const kept = join(FINDINGS, `${SEED}-${i}-${basename(source)}`);
    writeFileSync(kept, bytes);
    console.log(`FINDING ${kept}\n  from ${source} (${how}): ${outcome.error}`);
  }
} finally {
  await pool.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(
  `${counts.parsed + counts.refused + counts.findings} damaged files: ${counts.parsed} parsed, ${counts.refused} refused in words, ${counts.findings} findings.`,
);
process.exitCode = counts.findings > 0 ? 1 : 0;

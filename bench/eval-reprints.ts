// `npm run eval:reprints`: how well imports group reprints, on the BBC corpus (default
// ../shared/corpus/bbc, or --corpus DIR) against the pairs labelled in
// tests/fixtures/reprints/bbc-groups.json: 34 equal texts under two headlines and 4 near-identical
// ones checked by hand. Then the same corpus with --edited N copies made the way reprints are edited
// (a new headline, the last paragraph cut, a few words changed): each must join its original's group.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createParsePool } from '../electron/core/import/parse-pool';
import { runImport } from '../electron/core/import/pipeline';
import { openLibrary } from '../electron/core/library/open';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, edited: { type: 'string' } } });
const corpus = resolve(values.corpus ?? '../shared/corpus/bbc');
const edited = Number(values.edited ?? 300);
const labels = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'tests', 'fixtures', 'reprints', 'bbc-groups.json'), 'utf8'),
) as Record<'exact' | 'near', string[][]>;

function listTxt(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listTxt(join(dir, entry.name)) : entry.name.endsWith('.txt') ? [join(dir, entry.name)] : []))
    .sort();
}

/** A reprint as outlets make them: another headline, the last paragraph dropped, a word in three changed per sentence's end. */
function editedCopy(text: string, n: number): string {
  const [, ...body] = text.split('\n');
  const paragraphs = body
    .join('\n')
    .trim()
    .split(/\n\s*\n/);
  const kept = paragraphs.length > 3 ? paragraphs.slice(0, -1) : paragraphs;
  const changed = kept.map((p, i) => (i % 3 === 1 ? p.replace(/\b(said|says|told)\b/, 'stated') : p));
  return `Reprinted story ${n}\n\n${changed.join('\n\n')}\n`;
}

const pairKey = (a: string, b: string): string => [a, b].sort().join(' | ');

const dir = mkdtempSync(join(tmpdir(), 'marginalia-eval-reprints-'));
const pool = createParsePool();
try {
  const files = listTxt(corpus);
  if (files.length === 0) throw new Error(`no .txt files under ${corpus}: pass --corpus DIR`);
  const copies = join(dir, 'edited');
  mkdirSync(copies);
  const originals = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / edited)) === 0).slice(0, edited);
  originals.forEach((file, n) => writeFileSync(join(copies, `copy-${n}.txt`), editedCopy(readFileSync(file, 'utf8'), n)));

  const lib = openLibrary(join(dir, 'eval.marginalia'));
  const started = performance.now();
  const report = await runImport(lib.db, lib.clock, pool, [corpus, copies]);
  const seconds = (performance.now() - started) / 1000;
  const nameOf = new Map(report.imported.map((i) => [i.articleId, i.file]));
  const ids = lib.db.prepare('SELECT id, reprint_group FROM articles WHERE reprint_group IS NOT NULL').all() as {
    id: number;
    reprint_group: number;
  }[];
  lib.close();
  const groups = new Map<number, string[]>();
  for (const { id, reprint_group } of ids) {
    const file = nameOf.get(id) as string;
    const name = file.startsWith(copies) ? relative(dir, file) : relative(corpus, file);
    groups.set(reprint_group, [...(groups.get(reprint_group) ?? []), name]);
  }
  const predicted = new Set<string>();
  for (const members of groups.values())
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) predicted.add(pairKey(members[i]!, members[j]!));

  const score = (truth: Set<string>, among: (pair: string) => boolean) => {
    const found = [...predicted].filter(among);
    const right = found.filter((p) => truth.has(p)).length;
    return {
      truth: truth.size,
      found: found.length,
      right,
      precision: right / Math.max(1, found.length),
      recall: right / Math.max(1, truth.size),
    };
  };
  const bbcTruth = new Set([...labels.exact, ...labels.near].map(([a, b]) => pairKey(a!, b!)));
  const isCopy = (name: string) => name.startsWith('edited/');
  const bbc = score(bbcTruth, (p) => !p.split(' | ').some(isCopy));
  const exactOnly = score(new Set(labels.exact.map(([a, b]) => pairKey(a!, b!))), (p) => !p.split(' | ').some(isCopy));
  const copyTruth = new Set(originals.map((file, n) => pairKey(relative(corpus, file), `edited/copy-${n}.txt`)));
  // An edited copy counts as found when it shares a group with its original (and, rightly, with the original's reprints).
  const copyPairs = [...predicted].filter((p) => p.split(' | ').some(isCopy));
  const rightCopies = originals.filter((file, n) => predicted.has(pairKey(relative(corpus, file), `edited/copy-${n}.txt`))).length;
  const wrongCopyPairs = copyPairs.filter((p) => {
    const [a, b] = p.split(' | ') as [string, string];
    const copy = isCopy(a) ? a : b;
    const other = copy === a ? b : a;
    const original = relative(corpus, originals[Number(/copy-(\d+)/.exec(copy)![1])]!);
    return other !== original && !bbcTruth.has(pairKey(other, original));
  }).length;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    `imported ${report.imported.length} files in ${seconds.toFixed(1)} s: ${report.reprints.length} reprints, ${report.duplicates.length} duplicates`,
  );
  console.table({
    'BBC pairs (34 equal + 4 near)': {
      pairs: bbc.truth,
      grouped: bbc.found,
      right: bbc.right,
      precision: round(bbc.precision),
      recall: round(bbc.recall),
    },
    'BBC equal texts only': {
      pairs: exactOnly.truth,
      grouped: exactOnly.found,
      right: exactOnly.right,
      precision: 'n/a',
      recall: round(exactOnly.recall),
    },
    [`edited copies (${originals.length})`]: {
      pairs: copyTruth.size,
      grouped: copyPairs.length,
      right: rightCopies,
      precision: round((copyPairs.length - wrongCopyPairs) / Math.max(1, copyPairs.length)),
      recall: round(rightCopies / Math.max(1, copyTruth.size)),
    },
  });
  const missed = [...bbcTruth].filter((p) => !predicted.has(p));
  const spurious = [...predicted].filter((p) => !p.split(' | ').some(isCopy) && !bbcTruth.has(p));
  for (const p of missed) console.log(`missed   ${p}`);
  for (const p of spurious) console.log(`spurious ${p}`);
} finally {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
}

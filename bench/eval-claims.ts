// `npm run eval:claims`: quality of claims' suggestions on the hand-labelled sets in
// tests/fixtures/claims (speaker attribution; where else a claim appears). Scores are reported for
// the held-out part; --all adds the part rules were tuned on, --misses lists the errors made on
// that tune part only (so that looking at errors never shows the held-out sets), --corpus DIR
// imports a folder of extra articles as noise for "where else".
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreAppearances } from './claims/appearances-eval';
import { scoreAttribution } from './claims/attribution-eval';

const { values } = parseArgs({ options: { all: { type: 'boolean' }, misses: { type: 'boolean' }, corpus: { type: 'string' } } });
const sets = join(import.meta.dirname, '..', 'tests', 'fixtures', 'claims');
const round = (n: number): number => Math.round(n * 1000) / 1000;

// Held out: *-test (labelled after an earlier round of rules), *-heldout and *-heldout-2 (each
// labelled before a later round); the rules are adjusted on *-tune and *-tune-2 … -4 only.
const heldOut = [
  'quotes-en-heldout-2.json',
  'quotes-ru-heldout-2.json',
  'quotes-en-heldout.json',
  'quotes-en-test.json',
  'quotes-ru-heldout.json',
  'quotes-ru-test.json',
];
const tune = ['quotes-en-tune-4.json', 'quotes-en-tune-3.json', 'quotes-en-tune-2.json', 'quotes-en-tune.json', 'quotes-ru-tune.json'];
const attributionSets = values.all ? [...heldOut, ...tune] : heldOut;
const attribution = attributionSets.map((file) => ({ file, ...scoreAttribution(join(sets, file)) }));
console.log('speaker attribution (aim: F1 ≥ 0.9)');
console.table(
  attribution.map(({ file, quotes, correct, wrong, missed, spurious, precision, recall, f1 }) => ({
    set: file,
    quotes,
    correct,
    wrong,
    missed,
    spurious,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
  })),
);

const splits = values.all ? (['test', 'tune'] as const) : (['test'] as const);
const appearances = [];
for (const split of splits) appearances.push({ split, ...(await scoreAppearances(join(sets, 'appearances.json'), split, values.corpus)) });
console.log('where else a claim appears (aims: P@5 ≥ 0.8, distractor in top 5 ≤ 0.1)');
console.table(
  appearances.map(({ split, claims, precisionAt5, strongPrecisionAt5, recallAt10, distractorInTop5 }) => ({
    split,
    claims,
    'P@5 (strong)': round(strongPrecisionAt5),
    'P@5 (all)': round(precisionAt5),
    'R@10': round(recallAt10),
    'distractor in top 5 (strong)': round(distractorInTop5),
  })),
);
if (values.misses) {
  for (const a of attribution) if (tune.includes(a.file)) for (const e of a.errors) console.log(`attribution ${e}`);
  for (const a of appearances) if (a.split === 'tune') for (const m of a.misses) console.log(`${a.split} ${m}`);
}

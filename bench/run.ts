// `npm run bench`: speed and memory targets, each as a ratio against a raw baseline measured in
// the same run where one fits. Not a test: it prints numbers and writes them to bench/results.json,
// bench/results.md and README.md's table (see results.ts). Options: --corpus DIR (a folder of .txt
// files, e.g. ../shared/corpus/bbc), --replicate N (copies of it), --count N (generated files),
// --runs N (baseline and import pairs; the median ratio counts), --passages N (export size),
// --rounds N (CLI start-up rounds), --claims-articles N (the claims library), --articles N (the search library),
// --list-articles N (the article-list library), --view-claims N (the Claims view's table),
// --qdpx-selections N (the REFI-QDA project),
// --agreement-passages N (per coder, three coders), --hub-coders N, --hub-passages N (the team hub's sync),
// --only SUITE[,SUITE…] of import|cli|reader|list|export|claims|claims-view|search|qdpx|agreement|hub.
import { parseArgs } from 'node:util';
import { agreementBench } from './agreement';
import { articleListBench } from './article-list';
import { claimsBench } from './claims';
import { claimsViewBench } from './claims-view';
import { cliBench } from './cli';
import { exportBench } from './export';
import { hubBench } from './hub';
import { importBench } from './import';
import { qdpxBench, QDPX_TARGETS } from './qdpx';
import { readerBench } from './reader';
import { machineNow, markdown, toRows, writeResults, type Row } from './results';
import { searchBench } from './search';
import { TARGETS } from './targets';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    replicate: { type: 'string', default: '5' },
    count: { type: 'string', default: '10475' },
    runs: { type: 'string', default: '5' },
    passages: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '15' },
    'claims-articles': { type: 'string', default: '100000' },
    only: { type: 'string' },
    articles: { type: 'string', default: '100000' },
    'list-articles': { type: 'string', default: '100000' },
    'view-claims': { type: 'string', default: '50000' },
    'qdpx-selections': { type: 'string', default: '878085' },
    'agreement-passages': { type: 'string', default: '100000' },
    'hub-coders': { type: 'string', default: '10' },
    'hub-passages': { type: 'string', default: '100000' },
  },
});

const SUITES: Record<string, { title: string; run: () => Promise<Record<string, number | string>> }> = {
  import: {
    title: 'import, in-process and as `marginalia import` (targets: both ratios to the baseline ≤ 2, search during import < 100 ms)',
    run: () =>
      importBench({
        ...(values.corpus ? { corpus: values.corpus } : {}),
        replicate: Number(values.replicate),
        count: Number(values.count),
        runs: Number(values.runs),
      }),
  },
  cli: {
    title: 'CLI start-up, each a process of its own (targets: --help < 150 ms, stats on 2,000 articles < 250 ms)',
    run: () => cliBench({ rounds: Number(values.rounds), articles: 2000 }),
  },
  reader: {
    title: 'reader in Chromium (targets: open < 500 ms, create highlighted < 50 ms, no dropped frames while scrolling)',
    run: readerBench,
  },
  list: {
    title: 'article list in Chromium (targets: first list screen < 1000 ms at 100,000 articles, no dropped frames while scrolling)',
    run: () => articleListBench({ articles: Number(values['list-articles']) }),
  },
  export: {
    title: 'export of tagged passages to CSV (targets: ratio_to_baseline ≤ 2, export_peak_rss_mb < 300)',
    run: () => exportBench({ passages: Number(values.passages), runs: 2 }),
  },
  claims: {
    title: 'claims (targets: candidates for one article < 20 ms; where else and related claims < 200 ms on 100,000 articles)',
    run: () => claimsBench({ articles: Number(values['claims-articles']), claims: 5000 }),
  },
  'claims-view': {
    title:
      'Claims view in Chromium (targets: no dropped frames scrolling 50,000 claims by wheel; graph of 500 claims laid out < 1000 ms, pans at 60 fps)',
    run: () => claimsViewBench({ claims: Number(values['view-claims']), linked: 500 }),
  },
  search: {
    title: 'search over a generated library (target: search_p95_ms < 20 at 100,000 articles)',
    run: () => searchBench({ articles: Number(values.articles), rounds: 5 }),
  },
  qdpx: {
    title: QDPX_TARGETS,
    run: () => qdpxBench({ sources: Math.max(1, Math.round(Number(values['qdpx-selections']) / 1501)), selectionsPerSource: 1501 }),
  },
  agreement: {
    title: 'intercoder agreement, 3 coders × 100,000 passages each (target: character level < 2000 ms)',
    run: () => agreementBench({ coders: 3, passages: Number(values['agreement-passages']), articles: 1000, runs: 3 }),
  },
  hub: {
    title:
      'team hub sync on PostgreSQL 15 (targets: ten coders × 100,000 passages sync < 60 s; a pull of 1,000 new passages into a library of 1,000,000 < 2 s)',
    run: () => hubBench({ coders: Number(values['hub-coders']), passages: Number(values['hub-passages']) }),
  },
};

const chosen = values.only ? values.only.split(',') : Object.keys(SUITES);
const unknown = chosen.filter((name) => !SUITES[name]);
if (unknown.length) throw new Error(`no suite named ${unknown.join(', ')}; the suites: ${Object.keys(SUITES).join(', ')}`);

const rows: Row[] = [];
for (const name of chosen) {
  const suite = SUITES[name]!;
  const machine = machineNow();
  const metrics = await suite.run();
  console.log(suite.title);
  console.table(metrics);
  rows.push(...toRows(name, metrics, TARGETS[name] ?? {}, machine.finish()));
}
await writeResults(rows);
console.log(markdown(rows));

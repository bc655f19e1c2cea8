// `npm run bench`: speed and memory targets, each as a ratio against a raw baseline measured in
// the same run. Not a test: it prints numbers. Options: --corpus DIR (a folder of .txt files,
// e.g. ../shared/corpus/bbc), --replicate N (copies of it), --count N (generated files),
// --runs N (baseline and import pairs; the median ratio counts), --passages N (export size),
// --rounds N (CLI start-up rounds), --claims-articles N (the claims library), --articles N (the search library),
// --list-articles N (the article-list library), --qdpx-selections N (the REFI-QDA project),
// --only import|cli|reader|list|export|claims|search|qdpx.
import { parseArgs } from 'node:util';
import { articleListBench } from './article-list';
import { claimsBench } from './claims';
import { cliBench } from './cli';
import { exportBench } from './export';
import { importBench } from './import';
import { qdpxBench, QDPX_TARGETS } from './qdpx';
import { readerBench } from './reader';
import { searchBench } from './search';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    replicate: { type: 'string', default: '5' },
    count: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    passages: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '15' },
    'claims-articles': { type: 'string', default: '100000' },
    only: { type: 'string' },
    articles: { type: 'string', default: '100000' },
    'list-articles': { type: 'string', default: '100000' },
    'qdpx-selections': { type: 'string', default: '878085' },
  },
});

const only = values.only;
if (!only || only === 'import') {
  const result = await importBench({
    ...(values.corpus ? { corpus: values.corpus } : {}),
    replicate: Number(values.replicate),
    count: Number(values.count),
    runs: Number(values.runs),
  });
  console.log('import (targets: ratio_to_baseline and cli_ratio_to_baseline ≤ 2, search during import < 100 ms)');
  console.table(result);
}

if (!only || only === 'cli') {
  console.log('CLI start-up, each a process of its own (targets: --help < 150 ms, stats on 2,000 articles < 250 ms)');
  console.table(await cliBench({ rounds: Number(values.rounds), articles: 2000 }));
}

if (!only || only === 'reader') {
  console.log('reader in Chromium (targets: open < 500 ms, create highlighted < 50 ms, no dropped frames while scrolling)');
  console.table(await readerBench());
}

if (!only || only === 'list') {
  console.log('article list in Chromium (targets: first list screen < 1000 ms at 100,000 articles, no dropped frames while scrolling)');
  console.table(await articleListBench({ articles: Number(values['list-articles']) }));
}

if (!only || only === 'export') {
  console.log('export of tagged passages to CSV (targets: ratio_to_baseline ≤ 2, export_peak_rss_mb < 300)');
  console.table(await exportBench({ passages: Number(values.passages), runs: 2 }));
}

if (!only || only === 'claims') {
  console.log('claims (targets: candidates for one article < 20 ms; where else and related claims < 200 ms on 100,000 articles)');
  console.table(await claimsBench({ articles: Number(values['claims-articles']), claims: 5000 }));
}

if (!only || only === 'search') {
  console.log('search over a generated library (target: search_p95_ms < 20 at 100,000 articles)');
  console.table(await searchBench({ articles: Number(values.articles), rounds: 5 }));
}

if (!only || only === 'qdpx') {
  console.log(QDPX_TARGETS);
  console.table(await qdpxBench({ sources: Math.max(1, Math.round(Number(values['qdpx-selections']) / 1501)), selectionsPerSource: 1501 }));
}

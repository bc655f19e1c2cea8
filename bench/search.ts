import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleWriter } from '../electron/core/articles/writer';
import { prepareArticle } from '../electron/core/import/prepare';
import { openLibrary } from '../electron/core/library/open';
import { search, searchPage } from '../electron/core/search/query';

/**
 * Search over a generated library (default 100,000 articles): words drawn from a Zipf-like
 * vocabulary, so that some are in most articles and most in few, as in news; real English and
 * Russian words with their inflections, names and figures in several spellings. The queries mix
 * what analysts type: names, common and rare words, two words, phrases, prefixes, numbers.
 */

const NEWS = (
  'refugee refugees return returned returning returns government governments official officials said say report reported reports ' +
  'reporting million millions figure figures conflict conflicts settlement reconstruction analyst analysts week weeks market markets ' +
  'inflation rose rise rising bank banks growth sanction sanctions minister ministers election elections vote votes voted voter voters ' +
  'border borders army soldier soldiers attack attacked attacks peace talks talk talked oil gas price prices company companies share ' +
  'shares court courts judge ruling law laws police arrest arrested protest protests city cities village villages aid agency agencies'
).split(' ');
const RUSSIAN = 'беженцы беженцев беженцам беженец страна страны стране президент президента заявил переговоры переговоров'.split(' ');
const NAMES = 'Putin Assad Erdogan Lavrov Merkel Macron Biden Khodorkovsky Yukos Gazprom Rosneft Aleppo Idlib Damascus'.split(' ');
const FIGURES = ['6.5 million', '6,500,000', '6.5 mln', '850,000', '850 thousand', '1.3 mln', '£6.5m', '10%', '2.5 billion', '300'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Pseudo-words ("bakolin", "tesumar"…): the long tail of a news vocabulary. */
function tail(count: number, random: () => number): string[] {
  const syllables = 'ba ko lin te su mar vi do ra pe ni sa lo gu fe tor ka mi zen ul'.split(' ');
  const words = new Set<string>();
  while (words.size < count) {
    const n = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  return [...words];
}

/** A sampler over words ranked by frequency: rank r is drawn with weight 1 / (r + 2). */
function zipf(words: string[], random: () => number): () => string {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < words.length; r++) cumulative.push((sum += 1 / (r + 2)));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

export function searchBenchGenerate(path: string, count: number): void {
  const random = rng(11);
  // The first ranks stand for function words (nobody searches them); the news words sit from rank
  // 200 on, 50 apart: in about a tenth of the articles down to a few hundred of them.
  const vocabulary = tail(30_000, random);
  NEWS.forEach((w, i) => vocabulary.splice(200 + i * 50, 0, w));
  const word = zipf(vocabulary, random);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const lib = openLibrary(path);
  const writer = articleWriter(lib.db, lib.clock);
  const sentence = (): string => {
    const words = Array.from({ length: 10 + Math.floor(random() * 16) }, word);
    if (random() < 0.02) words.splice(Math.floor(random() * words.length), 0, pick(NAMES));
    if (random() < 0.01) words.splice(Math.floor(random() * words.length), 0, pick(FIGURES));
    if (random() < 0.01) words.splice(Math.floor(random() * words.length), 0, pick(RUSSIAN));
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const BATCH = 500;
  for (let from = 0; from < count; from += BATCH) {
    lib.db.transaction(() => {
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        const paragraphs = Array.from({ length: 4 + Math.floor(random() * 6) }, () =>
          Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(' '),
        );
        const title = `Report ${i}: ${sentence().slice(0, 60)}`;
        const text = paragraphs.join('\n\n');
        const article = prepareArticle({
          title,
          outlet: pick(['TASS', 'BBC', 'Reuters', 'RIA']),
          byline: null,
          published: null,
          place: null,
          language: 'en',
          url: null,
          text: text + `\n\n(${i})`,
          blocks: [],
          format: 'txt',
          encoding: 'utf-8',
        });
        writer.insert({ article, title, sourceName: `report-${i}.txt`, size: text.length, bytes: new Uint8Array(0) });
      }
    })();
  }
  lib.db.pragma('wal_checkpoint(TRUNCATE)');
  lib.close();
}

const QUERIES = [
  // Names and rare words: what an analyst usually looks for.
  ...NAMES,
  'Yukos shares',
  'Putin Assad',
  'Khodorkovsky court',
  // Words of every frequency, with their inflections; one in a fifth of the articles or more.
  'refugee',
  'government',
  'беженцы',
  'returning refugees',
  'elections',
  'arrested',
  'sanctions minister',
  'police protest',
  'oil price',
  // Phrases and prefixes.
  '"oil price"',
  '"refugees returned"',
  'reconstr*',
  'Khodor*',
  'elect*',
  // Numbers in their spellings.
  '6.5 million',
  '6,500,000',
  '850,000 refugees',
  '£6.5m',
  '1.3 mln',
  '2.5 billion',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function searchBench(options: { articles: number; rounds: number }): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-search-bench-'));
  try {
    const path = join(dir, 'search.marginalia');
    const built = performance.now();
    searchBenchGenerate(path, options.articles);
    const generateS = (performance.now() - built) / 1000;
    const lib = openLibrary(path);
    // One warm-up pass (the page cache, as in an app that has been open a while), then the rounds.
    for (const q of QUERIES) search(lib.db, q, 20);
    const first: number[] = [];
    const cpu: number[] = [];
    const pages: number[] = [];
    const hits: number[] = [];
    let slowest = { ms: 0, query: '' };
    for (let round = 0; round < options.rounds; round++) {
      for (const q of QUERIES) {
        // Wall time is what a user waits; CPU time says what the search costs when other
        // programs share the machine (this one often has more runnable threads than cores).
        const begin = performance.now();
        const used = process.cpuUsage();
        const results = search(lib.db, q, 20);
        const spent = process.cpuUsage(used);
        const ms = performance.now() - begin;
        first.push(ms);
        cpu.push((spent.user + spent.system) / 1000);
        hits.push(results.counts.articles);
        if (ms > slowest.ms) slowest = { ms, query: `${q} (${results.counts.articles} hits)` };
        const more = performance.now();
        searchPage(lib.db, q, 'articles', 200, 20);
        pages.push(performance.now() - more);
      }
    }
    lib.close();
    return {
      articles: options.articles,
      generate_s: Number(generateS.toFixed(1)),
      queries: first.length,
      hits_median: percentile(hits, 50),
      hits_max: Math.max(...hits),
      search_p50_ms: Number(percentile(first, 50).toFixed(1)),
      search_p95_ms: Number(percentile(first, 95).toFixed(1)),
      search_max_ms: Number(Math.max(...first).toFixed(1)),
      search_p50_cpu_ms: Number(percentile(cpu, 50).toFixed(1)),
      search_p95_cpu_ms: Number(percentile(cpu, 95).toFixed(1)),
      slowest: slowest.query,
      next_page_p95_ms: Number(percentile(pages, 95).toFixed(1)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { articleWriter, type NewArticle } from '../electron/core/articles/writer';
import { findCandidates } from '../electron/core/claims/candidates';
import { createClaim, insertClaim } from '../electron/core/claims/edits';
import { relatedClaims, whereElse } from '../electron/core/claims/related';
import { indexQueued } from '../electron/core/claims/sentence-index';
import { createParsePool } from '../electron/core/import/parse-pool';
import { openLibrary } from '../electron/core/library/open';
import { median } from './measure';

/**
 * Claims: candidates for one article (target < 20 ms), and "where else" and related claims for one
 * claim (target < 200 ms each) on a generated library of 100,000 articles. The library is built
 * from the labelled fixture articles (BBC, TASS, Russian), each written many times under other
 * titles through the real writer, its sentence index built as the host builds it in the background,
 * plus claims made from their figures.
 */
const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures');

function fixtureFiles(): string[] {
  const claims = join(FIXTURES, 'claims');
  return [
    join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt'),
    join(FIXTURES, 'import', 'encodings', 'expected', 'ru-refugees.txt'),
    ...readdirSync(join(claims, 'bbc'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(claims, 'bbc', f)),
    ...readdirSync(join(claims, 'ru'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(claims, 'ru', f)),
  ];
}

function time(run: () => unknown, rounds: number): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function claimsBench(options: { articles: number; claims: number }): Promise<Record<string, number | string>> {
  const files = fixtureFiles();
  const tass = readFileSync(files[0]!, 'utf8');
  // A running app has read articles before: warm up on two of them, then read each of the others for
  // the first time, as when an analyst opens it.
  for (const file of files.slice(-2)) findCandidates(readFileSync(file, 'utf8'));
  const perArticle = files.slice(0, -2).map((file) => time(() => findCandidates(readFileSync(file, 'utf8')), 1));
  // Parsed and analysed in the parse workers, as an import does (nothing of them is cached here).
  const pool = createParsePool();
  const templates: NewArticle[] = [];
  try {
    for (const file of files) {
      const outcome = await pool.parse(file);
      if (!outcome.ok) throw new Error(`${file}: ${outcome.error}`);
      const { article, bytes, size } = outcome;
      templates.push({ article, title: article.title ?? basename(file), sourceName: basename(file), size, bytes });
    }
  } finally {
    await pool.close();
  }

  const dir = mkdtempSync(join(tmpdir(), 'marginalia-claims-bench-'));
  const lib = openLibrary(join(dir, 'claims.marginalia'));
  try {
    const { db, clock } = lib;
    const writer = articleWriter(db, clock);
    const started = performance.now();
    for (let done = 0; done < options.articles;) {
      db.transaction(() => {
        for (let i = 0; i < 2000 && done < options.articles; i++, done++) {
          const template = templates[done % templates.length]!;
          writer.insert({ ...template, title: `${template.title} (${done})` });
        }
      })();
    }
    const buildSeconds = (performance.now() - started) / 1000;
    // The host indexes sentences in the background after an import: timed apart, not inside the
    // first "where else" (which would otherwise index all 100,000 articles itself).
    const indexStarted = performance.now();
    indexQueued(db);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    // Claims made from the figures of the articles, so related claims has a library to search.
    const statements = templates.flatMap((t) => findCandidates(t.article.text).filter((c) => c.kind === 'statistic'));
    db.transaction(() => {
      for (let i = 0; i < options.claims; i++) {
        const c = statements[i % statements.length]!;
        insertClaim(db, clock, {
          statement: c.text,
          kind: 'statistic',
          speaker: c.speaker,
          value: null,
          unit: null,
          counted: null,
          qualifier: null,
          note: '',
        });
      }
    })();
    // Claims from the figures of several articles, each asked about once (nothing cached for it yet).
    const made = [];
    const phrase = 'over 6.5 million refugees remain outside Syria';
    made.push(
      db.transaction(
        () => createClaim(db, clock, { articleId: 1, start: tass.indexOf(phrase), end: tass.indexOf(phrase) + phrase.length }).value,
      )(),
    );
    for (let id = 2; made.length < 6 && id <= templates.length; id++) {
      const text = templates[id - 1]!.article.text;
      const figure = findCandidates(text).find((c) => c.kind === 'statistic');
      if (figure) made.push(db.transaction(() => createClaim(db, clock, { articleId: id, start: figure.start, end: figure.end }).value)());
    }
    const whereElseMs = made.map((c) => time(() => whereElse(db, c.id), 1));
    const relatedMs = made.map((c) => time(() => relatedClaims(db, c.id), 1));
    return {
      candidates_one_article_ms: Number(median(perArticle).toFixed(1)),
      candidates_slowest_article_ms: Number(Math.max(...perArticle).toFixed(1)),
      candidates_tass_ms: Number(perArticle[0]!.toFixed(1)),
      library_articles: options.articles,
      library_claims: options.claims + 1,
      library_build_s: Number(buildSeconds.toFixed(1)),
      sentence_index_build_s: Number(indexSeconds.toFixed(1)),
      claims_asked: made.length,
      where_else_ms: Number(median(whereElseMs).toFixed(1)),
      where_else_slowest_ms: Number(Math.max(...whereElseMs).toFixed(1)),
      related_claims_ms: Number(median(relatedMs).toFixed(1)),
      related_claims_slowest_ms: Number(Math.max(...relatedMs).toFixed(1)),
    };
  } finally {
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

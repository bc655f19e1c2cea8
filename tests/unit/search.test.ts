import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../electron/core/import/pipeline';
import { findHits, snippet } from '../../electron/core/search/hits';
import { NUMBER_WINDOW } from '../../electron/core/search/number-rank';
import { findNumbers } from '../../electron/core/search/numbers';
import { search, searchPage } from '../../electron/core/search/query';
import { parseQuery } from '../../electron/core/search/terms';
import { MATCH_END, MATCH_START, type ArticleHit } from '../../electron/shared/types';
import { TASS } from '../fixtures/tass';
import { FIXTURES } from './helpers';
import { insertArticle, openSession } from './passages-fixture';

const SEARCH = join(FIXTURES, 'search');
const RUSSIAN = join(FIXTURES, 'import', 'encodings', 'expected', 'ru-refugees-plain.txt');
const TASS_TITLE = TASS.title;

/** A snippet with its marks as [brackets], to read in assertions. */
const shown = (marked: string) => marked.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']');

async function newsLibrary() {
  const opened = openSession();
  const files = [
    TASS.path,
    RUSSIAN,
    ...['johnson-edges-out-rival-sotherton.txt', 'rovers-reject-third-ferguson-bid.txt', 'new-foot-and-mouth-action-urged.txt'].map((f) =>
      join(SEARCH, f),
    ),
  ];
  const report = await runImport(opened.db, opened.session.lib.clock, opened.ctx.parser, files);
  expect(report.imported).toHaveLength(5);
  return opened;
}

describe('numbers in search', () => {
  it('reads a glued "m" as million or metres from the words around it, and keeps both where they say nothing', () => {
    const one = (text: string) => {
      const [n] = findNumbers(text);
      return { value: n?.value, alternative: n?.alternative, unit: n?.unit };
    };
    expect(one('She leapt to a life-time best of 6.50m in her last jump.')).toEqual({ value: 6.5, alternative: undefined, unit: 'm' });
    expect(one('He won the 100m final in Madrid.')).toEqual({ value: 100e6, alternative: 100, unit: undefined });
    expect(one('He won the 100m sprint in Madrid.')).toEqual({ value: 100, alternative: undefined, unit: 'm' });
    expect(one('who moved to Lancashire for £6.5m.')).toEqual({ value: 6.5e6, alternative: undefined, unit: 'gbp' });
    expect(one('The service has 6.5m users.')).toEqual({ value: 6.5e6, alternative: undefined, unit: undefined });
    expect(one('The firm made a profit of 6.5m last year.')).toEqual({ value: 6.5e6, alternative: undefined, unit: undefined });
    expect(one('Inflation reached 6.5% in May.')).toEqual({ value: 6.5, alternative: undefined, unit: 'pct' });
    expect(one('свыше 6,5 млн беженцев')).toEqual({ value: 6.5e6, alternative: undefined, unit: undefined });
  });

  it('ranks "6,500,000" by magnitude and unit: counts first, then sums of money, never a leap of 6.50m', async () => {
    const { db } = await newsLibrary();
    const titles = search(db, '6,500,000').articles.map((a) => a.title);
    // TASS states the figure twice ("over 6.5 million", "More than 6.5 mln"): it comes first.
    expect(titles[0]).toBe(TASS_TITLE);
    expect(new Set(titles.slice(1, 3))).toEqual(new Set(['Возвращение беженцев', 'New foot and mouth action urged']));
    expect(titles.slice(3)).toEqual(['Rovers reject third Ferguson bid']);
    // Pounds first when the query says pounds; metres when it says metres.
    expect(search(db, '£6.5m').articles[0]!.title).toBe('Rovers reject third Ferguson bid');
    expect(search(db, '6.50m').articles.map((a) => a.title)).toEqual(['Johnson edges out rival Sotherton']);
  });

  it('marks the spelling each text uses for the number searched', async () => {
    const { db } = await newsLibrary();
    const snippets = search(db, '6.5 million').articles.map((a) => shown(a.snippet));
    expect(snippets.find((s) => s.includes('refugees remain outside Syria'))).toContain('More than [6.5 mln] refugees');
    expect(snippets.find((s) => s.includes('беженцев'))).toContain('свыше [6,5 млн] беженцев');
    expect(snippets.find((s) => s.includes('Lancashire'))).toContain('for £[6.5m].');
  });
});

describe('number queries page through their re-ranked hits', () => {
  it('puts the texts that state the figure most first, and shows each hit once inside the re-ranked window and beyond', () => {
    const { db } = openSession();
    // 600 articles of one length (bm25 ranks them alike, by id): every fifth states the figure three times, the others once.
    const stated = 'About 6.5 million people voted.';
    const other = 'About six point five people voted.';
    for (let i = 0; i < 600; i++)
      insertArticle(db, { title: `Report ${i}`, text: (i % 5 === 0 ? [stated, stated, stated] : [stated, other, other]).join(' ') });
    const seen: string[] = [];
    for (let offset = 0; offset < 600; offset += 40)
      seen.push(...(searchPage(db, '6,500,000', 'articles', offset, 40).hits as ArticleHit[]).map((h) => h.title));
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    // The window is bm25's best NUMBER_WINDOW (reports 0 to 499): its 100 with three mentions lead, in bm25's order.
    expect(seen.slice(0, 3)).toEqual(['Report 0', 'Report 5', 'Report 10']);
    expect(seen[99]).toBe('Report 495');
    expect(seen[100]).toBe('Report 1');
    // Past the window, bm25's order goes on.
    expect(seen.slice(NUMBER_WINDOW, NUMBER_WINDOW + 2)).toEqual(['Report 500', 'Report 501']);
    expect(search(db, '6,500,000', 5).articles.map((a) => a.hitCount)).toEqual([3, 3, 3, 3, 3]);
  });
});

describe('stemmed search', () => {
  it('finds the inflections of a word in English and Russian, exact forms ranked first', async () => {
    const { db } = await newsLibrary();
    const refugee = insertArticle(db, { title: 'Camp', text: 'A refugee camp opened near the border.' });
    const russian = search(db, 'беженцы');
    expect(russian.articles.map((a) => a.title)).toEqual(['Возвращение беженцев']);
    expect(shown(russian.articles[0]!.snippet)).toContain('6,5 млн [беженцев]');
    // The title's own word is marked too.
    expect(shown(russian.articles[0]!.titleMarked)).toBe('Возвращение [беженцев]');
    const english = search(db, 'refugee').articles;
    expect(english.map((a) => a.id)[0]).toBe(refugee);
    expect(english.map((a) => a.title)).toContain(TASS_TITLE);
    expect(shown(english.find((a) => a.title === TASS_TITLE)!.snippet)).toMatch(/\[refugees\]/);
  });

  it('takes "a phrase" as written and word* as a prefix', async () => {
    const { db } = await newsLibrary();
    insertArticle(db, { title: 'Camp', text: 'A refugee camp opened near the border.' });
    expect(search(db, 'refugees').articles.map((a) => a.title)).toContain('Camp');
    expect(search(db, '"refugees"').articles.map((a) => a.title)).toEqual([TASS_TITLE]);
    expect(search(db, '"refugees remain outside"').articles.map((a) => a.title)).toEqual([TASS_TITLE]);
    expect(search(db, '"remain refugees"').articles).toEqual([]);
    const prefix = search(db, 'Reconstr*').articles;
    expect(prefix.map((a) => a.title)).toEqual([TASS_TITLE]);
    expect(shown(prefix[0]!.snippet)).toMatch(/\[Reconstruction\]/);
    // Without the star, "Reconstr" is a word of its own, which no article uses.
    expect(search(db, 'Reconstr').articles).toEqual([]);
  });

  it('parses what a user types into terms: phrases, prefixes, numbers and words', () => {
    expect(parseQuery('"Syrian refugees" return* 6.5 million pro-Kremlin Беженцы')).toEqual([
      { kind: 'phrase', words: ['syrian', 'refugees'] },
      { kind: 'number', words: ['6', '5', 'million'], tokens: ['n6500000', 'n6500000q'] },
      { kind: 'prefix', prefix: 'return' },
      { kind: 'phrase', words: ['pro', 'kremlin'] },
      { kind: 'word', word: 'беженцы', stem: 'беженц' },
    ]);
    expect(parseQuery('  " * ')).toEqual([]);
  });

  it('finds hits where the index would: whole words and stems, phrases in order, numbers by value', () => {
    const text = 'Refugees return. The refugee said: "more than 6.5 mln returned", a refugee-run camp.';
    const hits = (query: string) => findHits(text, parseQuery(query)).map((r) => text.slice(r.start, r.end));
    expect(hits('refugee')).toEqual(['Refugees', 'refugee', 'refugee']);
    expect(hits('returning')).toEqual(['return', 'returned']);
    expect(hits('"the refugee"')).toEqual(['The refugee']);
    expect(hits('6,500,000')).toEqual(['6.5 mln']);
    expect(hits('ret*')).toEqual(['return', 'returned']);
    expect(shown(snippet(text, findHits(text, parseQuery('camp'))))).toBe(text.replace('camp', '[camp]'));
  });
});

describe('counts and pages', () => {
  it('counts every hit of each kind and pages through all of them, each once', async () => {
    const { db, ctx } = openSession();
    for (let i = 0; i < 47; i++) insertArticle(db, { title: `Report ${i}`, text: `Yukos shares fell ${i} per cent on Monday.` });
    for (let i = 0; i < 10; i++) insertArticle(db, { title: `Other ${i}`, text: 'Gazprom shares rose.' });
    const first = search(db, 'Yukos', 20);
    expect(first.counts).toEqual({ articles: 47, passages: 0, notes: 0, claims: 0, memos: 0 });
    expect(first.articles).toHaveLength(20);
    const seen = first.articles.map((a) => a.id);
    for (let offset = 20; offset < 47; offset += 20) {
      const page = searchPage(db, 'Yukos', 'articles', offset, 20);
      expect(page.total).toBe(47);
      seen.push(...page.hits.map((h) => h.id));
    }
    expect(new Set(seen).size).toBe(47);
    expect(searchPage(db, 'Yukos', 'articles', 47, 20).hits).toEqual([]);

    // Passages count by their quotes, notes by their notes: one passage may be both.
    const articleId = seen[0]!;
    const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string;
    const { dispatch } = await import('../../electron/core/dispatch');
    const created = await dispatch(ctx, 'passages.create', { articleId, start: 0, end: 11, note: 'Check Yukos filings' });
    expect(created.ok).toBe(true);
    expect(text.slice(0, 11)).toBe('Yukos share');
    expect(search(db, 'Yukos').counts).toEqual({ articles: 47, passages: 1, notes: 1, claims: 0, memos: 0 });
    expect(search(db, 'filings').counts).toEqual({ articles: 0, passages: 0, notes: 1, claims: 0, memos: 0 });
  });

  it('finds claims by their words, stems and figures', () => {
    const { db } = openSession();
    db.prepare(
      `INSERT INTO claims (uid, statement, kind, speaker, created_at, updated_at)
       VALUES ('c1', 'Over 6.5 million refugees remain outside Syria', 'statistic', 'Vladimir Putin', 'now', 'now')`,
    ).run();
    for (const query of ['refugee', '6,500,000', 'Putin', '"remain outside"']) {
      const results = search(db, query);
      expect(results.counts.claims, query).toBe(1);
      expect(results.claims[0]!.statement).toBe('Over 6.5 million refugees remain outside Syria');
    }
    expect(shown(search(db, 'refugee').claims[0]!.snippet)).toBe('Over 6.5 million [refugees] remain outside Syria');
    expect(search(db, '"refugee remain"').counts.claims).toBe(0);
  });
});

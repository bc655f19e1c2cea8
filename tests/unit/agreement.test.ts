import { spawnSync } from 'node:child_process';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { indexQueued } from '../../electron/core/claims/sentence-index';
import { computeAgreement } from '../../electron/core/teams/agreement';
import { alphaNominal } from '../../electron/core/teams/agreement-stats';
import { agreementChoices, compareArticle } from '../../electron/core/teams/agreement-compare';
import { agreementCsv } from '../../electron/core/teams/agreement-csv';
import { addCoder, addTag, code, type Coded } from './agreement-fixture';
import { importTass, insertArticle, openSession } from './passages-fixture';

/**
 * Independent references, run on the same unit vectors: scikit-learn's cohen_kappa_score (Debian's
 * python3-sklearn) and Krippendorff's alpha counted pair by pair, as his definition reads
 * (disagreeing pairs of values within units over disagreeing pairs among all pairable values).
 */
const REFERENCE = `
import json, sys
from collections import Counter
from itertools import permutations
from sklearn.metrics import cohen_kappa_score
out = []
for units in json.load(sys.stdin):
    r = {}
    if len(units[0]) == 2:
        a = [u[0] for u in units]; b = [u[1] for u in units]
        r["kappa"] = float(cohen_kappa_score(a, b))
    values = [v for u in units for v in u]
    do = sum(sum(1 for x, y in permutations(u, 2) if x != y) / (len(u) - 1) for u in units)
    de = len(values) ** 2 - sum(c * c for c in Counter(values).values())
    n = len(values)
    r["alpha"] = 1 - (n - 1) * do / de
    r["percent"] = 100 * sum(1 for u in units if len(set(u)) == 1) / len(units)
    out.append(r)
print(json.dumps(out))
`;

function reference(unitSets: number[][][]): Array<{ kappa?: number; alpha: number; percent: number }> {
  const run = spawnSync('/usr/bin/python3', ['-c', REFERENCE], { input: JSON.stringify(unitSets), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 reference failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Array<{ kappa?: number; alpha: number; percent: number }>;
}

/** The test's own unit vectors: per unit, 1 where the coder has a passage with the tag touching it. */
function vectors(passages: Coded[], coders: number[], tag: number, units: Array<[number, number, number]>): number[][] {
  return units.map(([article, start, end]) =>
    coders.map((coder) =>
      passages.some(
        (p) => p.article === article && (p.tagCoder ?? p.coder) === coder && p.tags.includes(tag) && p.start < end && p.end > start,
      )
        ? 1
        : 0,
    ),
  );
}

function characters(db: Database, articles: number[]): Array<[number, number, number]> {
  return articles.flatMap((id) => {
    const { text } = db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string };
    return Array.from({ length: text.length }, (_, i) => [id, i, i + 1] as [number, number, number]);
  });
}

/** A deterministic scatter of passages: each coder marks most of the same places, shifted, some twice over. */
function scatter(article: number, length: number, coders: number[], tags: number[], seed: number): Coded[] {
  let state = seed;
  const next = (n: number) => (state = (state * 48271) % 2147483647) % n;
  const out: Coded[] = [];
  for (let k = 0; k < 30; k++) {
    const start = next(length - 200);
    const end = start + 70 + next(150);
    const tag = tags[next(tags.length)]!;
    for (const coder of coders) {
      if (next(4) === 0) continue;
      const from = start + next(30);
      const to = end - next(30);
      out.push({ article, start: from, end: to, tags: [tag], coder });
      // Now and then the coder marks overlapping or adjoining words again with the same tag.
      if (next(3) === 0) out.push({ article, start: to - next(2) * 10, end: to + 15, tags: [tag], coder });
    }
  }
  return out;
}

describe('agreement statistics', () => {
  it("reproduces Krippendorff's worked example (2011, nominal, 4 coders, 12 units with missing values): alpha = 0.743", () => {
    const _ = null;
    const alpha = alphaNominal([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]);
    expect(alpha).toBeCloseTo(0.743, 3);
  });

  it('counts a hand-made library by hand: two coders, one article of 100 characters', () => {
    const { db } = openSession();
    const a = insertArticle(db, { title: 'A', text: 'x'.repeat(100) });
    const ann = addCoder(db, 'Ann');
    const bob = addCoder(db, 'Bob');
    const t = addTag(db, 'Syria');
    code(db, { article: a, start: 0, end: 40, tags: [t], coder: ann });
    code(db, { article: a, start: 20, end: 60, tags: [t], coder: bob });
    const [row, overall] = computeAgreement(db, { unit: 'character' }).rows;
    // 20 both, 20 Ann only, 20 Bob only, 40 neither. p_o = .6, p_e = .4·.4 + .6·.6 = .52.
    expect(row).toMatchObject({ tag: 'Syria', coders: ['Ann', 'Bob'], unit: 'character', units: 100 });
    expect(row!.percent).toBeCloseTo(60, 10);
    expect(row!.kappa).toBeCloseTo(0.08 / 0.48, 10);
    // 200 values (80 ones), 40 units with one of each: alpha = 1 − 199·40 / (80·120).
    expect(row!.alpha).toBeCloseTo(1 - (199 * 40) / 9600, 10);
    expect(overall).toMatchObject({ tag: null, units: 100, percent: row!.percent, kappa: row!.kappa, alpha: row!.alpha });
  });

  it("takes a tag application's coder over its passage's, and the passage's where the application records none", () => {
    const { db } = openSession();
    const a = insertArticle(db, { title: 'A', text: 'y'.repeat(50) });
    const ann = addCoder(db, 'Ann');
    const bob = addCoder(db, 'Bob');
    const t = addTag(db, 'T');
    code(db, { article: a, start: 0, end: 10, tags: [t], coder: ann });
    // Ann's passage, but Bob applied the tag: Bob's coding.
    code(db, { article: a, start: 0, end: 10, tags: [t], coder: ann, tagCoder: bob });
    // Orphaned: no place in the text, not counted.
    code(db, { article: a, start: 30, end: 40, tags: [t], coder: ann, anchor: 'orphan' });
    const [row] = computeAgreement(db).rows;
    expect(row).toMatchObject({ percent: 100, units: 50 });
  });

  it('agrees with scikit-learn and a pair-by-pair alpha at the character, sentence and paragraph levels (TASS, two coders, two tags)', async () => {
    const { db, ctx } = openSession();
    const tass = await importTass(ctx);
    indexQueued(db);
    const ann = addCoder(db, 'Ann');
    const bob = addCoder(db, 'Bob');
    const tags = [addTag(db, 'Refugees'), addTag(db, 'Terrorism')];
    const passages = scatter(tass.id, tass.text.length, [ann, bob], tags, 7);
    for (const p of passages) code(db, p);
    const sentences = db
      .prepare('SELECT article_id, start, "end" FROM article_sentences WHERE article_id = ? ORDER BY start')
      .raw()
      .all(tass.id);
    const { blocks } = db.prepare('SELECT blocks FROM articles WHERE id = ?').get(tass.id) as { blocks: string };
    const paragraphs = (JSON.parse(blocks) as Array<{ start: number; end: number }>).map((b) => [tass.id, b.start, b.end]);
    expect(sentences.length).toBeGreaterThan(10);
    const levels = [
      ['character', characters(db, [tass.id])],
      ['sentence', sentences],
      ['paragraph', paragraphs],
    ] as const;
    const perLevel = levels.map(([, units]) =>
      tags.map((tag) => vectors(passages, [ann, bob], tag, units as Array<[number, number, number]>)),
    );
    // One run of Python for every level (importing scikit-learn is most of its time).
    const refs = reference(perLevel.flatMap((perTag) => [...perTag, perTag.flat()]));
    levels.forEach(([unit, units], level) => {
      const ours = computeAgreement(db, { unit }).rows;
      expect(ours.map((r) => r.tag)).toEqual(['Refugees', 'Terrorism', null]);
      ours.forEach((row, i) => {
        const ref = refs[level * 3 + i]!;
        expect(row.units).toBe(i < 2 ? units.length : 2 * units.length);
        expect(row.kappa).toBeCloseTo(ref.kappa!, 9);
        expect(row.alpha).toBeCloseTo(ref.alpha, 9);
        expect(row.percent).toBeCloseTo(ref.percent, 9);
      });
      // Not a degenerate comparison: the coders differ, and not by chance alone.
      expect(ours[2]!.kappa).toBeGreaterThan(0.2);
      expect(ours[2]!.kappa).toBeLessThan(0.95);
    });
  });

  it('gives alpha for three coders (and no kappa) as the pair-by-pair count does', async () => {
    const { db, ctx } = openSession();
    const tass = await importTass(ctx);
    const coders = [addCoder(db, 'Ann'), addCoder(db, 'Bob'), addCoder(db, 'Cem')];
    const tag = addTag(db, 'Refugees');
    const passages = scatter(tass.id, tass.text.length, coders, [tag], 11);
    for (const p of passages) code(db, p);
    // The sentence queue is not worked off here: sentences come from the same splitter, unwritten.
    const [row] = computeAgreement(db, { unit: 'sentence' }).rows;
    indexQueued(db);
    const sentences = db.prepare('SELECT article_id, start, "end" FROM article_sentences ORDER BY start').raw().all();
    const [ref] = reference([vectors(passages, coders, tag, sentences as Array<[number, number, number]>)]);
    expect(row).toMatchObject({ coders: ['Ann', 'Bob', 'Cem'], kappa: null, units: sentences.length });
    expect(row!.alpha).toBeCloseTo(ref!.alpha, 9);
    expect(row!.percent).toBeCloseTo(ref!.percent, 9);
    expect(computeAgreement(db, { unit: 'sentence' }).rows[0]).toEqual(row);
  });

  it('compares only the articles every coder coded, and only the coders and articles asked for', () => {
    const { db } = openSession();
    const a = insertArticle(db, { title: 'A', text: 'a'.repeat(10) });
    const b = insertArticle(db, { title: 'B', text: 'b'.repeat(30) });
    const [ann, bob, cem] = [addCoder(db, 'Ann'), addCoder(db, 'Bob'), addCoder(db, 'Cem')];
    const t = addTag(db, 'T');
    code(db, { article: a, start: 0, end: 5, tags: [t], coder: ann });
    code(db, { article: a, start: 0, end: 5, tags: [t], coder: bob });
    code(db, { article: b, start: 0, end: 30, tags: [t], coder: ann });
    code(db, { article: b, start: 0, end: 30, tags: [t], coder: cem });
    expect(computeAgreement(db, { coders: ['ann', 'BOB'] })).toMatchObject({ articleIds: [a], rows: [{ units: 10, percent: 100 }, {}] });
    expect(computeAgreement(db, { coders: ['Ann', 'Cem'] })).toMatchObject({ articleIds: [b], rows: [{ units: 30 }, {}] });
    expect(() => computeAgreement(db)).toThrow('No article has been coded by all of Ann, Bob, Cem');
    expect(() => computeAgreement(db, { coders: ['Ann', 'Bob'], articleIds: [b] })).toThrow('among the articles given');
    expect(() => computeAgreement(db, { coders: ['Ann', 'Dee'] })).toThrow('No coder named "Dee" in this library (coders: Ann, Bob, Cem)');
    expect(() => computeAgreement(db, { coders: ['Ann'] })).toThrow('at least two coders');
  });

  it('shows one article side by side: each coder’s spans, the stretches where they differ and who coded them; the table as CSV', () => {
    const { db } = openSession();
    const a = insertArticle(db, { title: 'A', text: 'z'.repeat(100) });
    const [ann, bob, cem] = [addCoder(db, 'Ann', '#1f77b4'), addCoder(db, 'Bob', '#d62728'), addCoder(db, 'Cem', '#2ca02c')];
    const t = addTag(db, '=Syria');
    code(db, { article: a, start: 0, end: 40, tags: [t], coder: ann });
    code(db, { article: a, start: 30, end: 50, tags: [t], coder: ann });
    code(db, { article: a, start: 20, end: 60, tags: [t], coder: bob });
    code(db, { article: a, start: 20, end: 50, tags: [t], coder: cem });
    expect(agreementChoices(db)).toEqual({
      coders: [
        { id: ann, name: 'Ann', colour: '#1f77b4' },
        { id: bob, name: 'Bob', colour: '#d62728' },
        { id: cem, name: 'Cem', colour: '#2ca02c' },
      ],
      tags: [{ id: t, path: '=Syria' }],
    });
    const side = compareArticle(db, { articleId: a });
    // Ann's two passages merge into [0,50).
    expect(side.coders.map((c) => [c.name, c.spans.map((s) => [s.start, s.end])])).toEqual([
      ['Ann', [[0, 50]]],
      ['Bob', [[20, 60]]],
      ['Cem', [[20, 50]]],
    ]);
    const d = (start: number, end: number, coded: string[], notCoded: string[]) => ({
      start,
      end,
      tagId: t,
      tag: '=Syria',
      coded,
      notCoded,
    });
    expect(side.differences).toEqual([d(0, 20, ['Ann'], ['Bob', 'Cem']), d(50, 60, ['Bob'], ['Ann', 'Cem'])]);
    const csv = agreementCsv(computeAgreement(db, { coders: ['Ann', 'Bob'] }));
    // Ann [0,50), Bob [20,60): 30 both, 20 Ann, 10 Bob, 40 neither. p_o = .7, p_e = .5·.4 + .5·.6 = .5, kappa = .4;
    // alpha = 1 − 199·30 / (90·110). A tag path a spreadsheet would run as a formula is neutralised.
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFtag,coders,unit,percent,kappa,alpha,units',
      "'=Syria,Ann; Bob,character,70,0.4,0.397,100",
      'All tags,Ann; Bob,character,70,0.4,0.397,100',
      '',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { addCoder, addTag, code } from './agreement-fixture';
import { insertArticle, openSession } from './passages-fixture';

/**
 * Counted by hand. Article A (100 characters, two paragraphs [0,49) and [51,100)): Ann codes Syria on
 * [0,40), Bob on [20,60); Ann codes Economy on [70,80), Bob codes it on the same words. Article B
 * is Ann's only, so it is not compared. Characters, Syria: 20 both, 20 Ann, 20 Bob, 40 neither.
 */
function library(): string {
  const { session, db } = openSession();
  const a = insertArticle(db, { title: 'A', text: `${'a'.repeat(49)}\n\n${'b'.repeat(49)}` });
  const b = insertArticle(db, { title: 'B', text: 'c'.repeat(30) });
  const ann = addCoder(db, 'Ann');
  const bob = addCoder(db, 'Bob');
  addCoder(db, 'Cem');
  const syria = addTag(db, 'Syria');
  const economy = addTag(db, 'Economy');
  code(db, { article: a, start: 0, end: 40, tags: [syria], coder: ann });
  code(db, { article: a, start: 20, end: 60, tags: [syria], coder: bob });
  code(db, { article: a, start: 70, end: 80, tags: [economy], coder: ann });
  code(db, { article: a, start: 70, end: 80, tags: [economy], coder: bob });
  code(db, { article: b, start: 0, end: 10, tags: [syria], coder: ann });
  const path = session.lib.path;
  session.close();
  return path;
}

describe('marginalia agreement', () => {
  it('prints per tag and overall percent, kappa, alpha and units as JSON', async () => {
    const path = library();
    const run = await runCli(['agreement', '--library', path, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Economy: 10 both, 90 neither. Syria: p_o = .6, p_e = .52. Overall, the two tables summed: 30 both,
    // 20 Ann, 20 Bob, 130 neither: p_o = .8, p_e = .25² + .75² = .625, kappa = .175 / .375; alpha = 1 − 399·40 / (100·300).
    const common = { coders: ['Ann', 'Bob'], unit: 'character', units: 100 };
    expect(JSON.parse(run.stdout)).toEqual([
      { tag: 'Economy', ...common, percent: 100, kappa: 1, alpha: 1 },
      { tag: 'Syria', ...common, percent: 60, kappa: 0.1667, alpha: 0.1708 },
      { tag: null, ...common, units: 200, percent: 80, kappa: 0.4667, alpha: 0.468 },
    ]);
  });

  it('compares paragraphs and sentences, and only the tags asked for, in a readable table', async () => {
    const path = library();
    const run = await runCli(['agreement', '--library', path, '--coders', 'ann,Bob', '--tag', 'Syria', '--unit', 'paragraph']);
    expect(run.code).toBe(0);
    // Paragraph 1 is in both coders' Syria passages, paragraph 2 in Bob's only: p_o = .5 = p_e (Bob codes every
    // paragraph), so kappa is 0; alpha = 1 − 3·1 / (3·1) = 0.
    expect(run.stdout).toBe(
      'Ann, Bob over 1 article coded by all, by paragraph (kappa for two coders only; – where a statistic is undefined):\n' +
        'tag       agreement  kappa  alpha  units\n' +
        'Syria         50.0%  0.000  0.000      2\n' +
        'All tags      50.0%  0.000  0.000      2\n',
    );
    const sentences = await runCli(['agreement', '--library', path, '--unit', 'sentence', '--json']);
    // One sentence per paragraph here: Syria as by paragraph; Economy's words are in sentence 2 for both.
    expect(JSON.parse(sentences.stdout).map((r: { tag: string; percent: number; units: number }) => [r.tag, r.percent, r.units])).toEqual([
      ['Economy', 100, 2],
      ['Syria', 50, 2],
      [null, 75, 4],
    ]);
  });

  it('says what is wrong: an unknown coder, a single coder, no shared article, an unknown unit or tag', async () => {
    const path = library();
    const cases: Array<[string[], string]> = [
      [['--coders', 'Ann,Dee'], 'No coder named "Dee" in this library (coders: Ann, Bob, Cem).'],
      [['--coders', 'Ann'], 'Agreement needs at least two coders; name two or more.'],
      [['--coders', 'Ann,Cem'], 'No article has been coded by all of Ann, Cem: agreement needs articles every coder has coded.'],
      [['--unit', 'word'], '--unit is one of: character, sentence, paragraph.'],
      [['--tag', 'Nope'], 'No tag "Nope" in the codebook (there: Economy, Syria)'],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['agreement', '--library', path, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`marginalia agreement: ${message}`);
    }
  });
});

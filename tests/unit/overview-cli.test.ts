import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { handCounted } from './overview-fixture';

/** The hand-counted library, closed so the CLI opens it as an analyst's script would. */
async function library(): Promise<string> {
  const { ctx } = await handCounted();
  const path = ctx.session.lib.path;
  ctx.session.close();
  return path;
}

/** The marks of one kind in an SVG Vega drew: each item of a mark is an element with this role description. */
const marks = (svg: string, kind: string) => [
  ...svg.matchAll(new RegExp(`aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="${kind}"`, 'g')),
];

describe('marginalia overview', () => {
  it('writes a chart’s data as CSV, one row per mark with its labels, count and share', async () => {
    const path = await library();
    const csv = await runCli(['overview', '--chart', 'tags-by-outlet', '--library', path, '--no-bom']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')).toEqual([
      'tag,outlet,count,articles,share',
      'Syria,BBC,1,1,0.5',
      'Syria,TASS,1,1,0.5',
      'Syria / Refugees,BBC,1,1,0.5',
      'Syria / Refugees,TASS,2,1,0.5',
      'Economy,(no outlet),1,1,1',
      'Economy,BBC,1,1,0.5',
      'Economy,TASS,2,1,0.5',
      '',
    ]);
    const months = await runCli(['overview', '--chart', 'articles-over-time', '--bucket', 'month', '--outlet', 'TASS', '--library', path]);
    expect(months.stdout).toBe('\uFEFFperiod,outlet,count\r\n2020-11,TASS,2\r\n');
  });

  it('draws a chart as SVG in Node with one mark per row, named for screen readers', async () => {
    const path = await library();
    const out = join(path, '..', 'months.svg');
    const run = await runCli([
      'overview',
      '--chart',
      'articles-over-time',
      '--bucket',
      'month',
      '--format',
      'svg',
      '--out',
      out,
      '--library',
      path,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote articles-over-time (3 marks) to ${out}.\n`);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(marks(svg, 'bar').map((m) => m[1])).toEqual([
      'Month: 2020-11; Articles: 1; Outlet: BBC; Period: 2020-11',
      'Month: 2020-11; Articles: 2; Outlet: TASS; Period: 2020-11',
      'Month: 2020-12; Articles: 1; Outlet: BBC; Period: 2020-12',
    ]);
    const heat = await runCli(['overview', '--chart', 'tag-cooccurrence', '--format', 'svg', '--library', path]);
    expect(marks(heat.stdout, 'rect mark').map((m) => m[1])).toEqual([
      'With tag: Syria / Refugees; Tag: Syria; Passages: 1',
      'With tag: Economy; Tag: Syria / Refugees; Passages: 2',
    ]);
    const claims = await runCli(['overview', '--chart', 'claim-timeline', '--format', 'svg', '--library', path]);
    expect(marks(claims.stdout, 'circle')).toHaveLength(4);
  });

  it('refuses an unknown chart, and options the chart does not take, with the choices named', async () => {
    const path = await library();
    const unknown = await runCli(['overview', '--chart', 'pie', '--library', path]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--chart is one of: articles-over-time, tags-by-outlet, tags-by-month, tag-cooccurrence, claim-timeline, coverage.',
    );
    const bucket = await runCli(['overview', '--chart', 'coverage', '--bucket', 'week', '--library', path]);
    expect(bucket.stderr).toContain('--bucket applies to --chart articles-over-time only.');
    const tag = await runCli(['overview', '--chart', 'coverage', '--tag', 'Nowhere', '--library', path]);
    expect(tag.stderr).toContain('No tag "Nowhere" in the codebook');
  });
});

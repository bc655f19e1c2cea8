import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TASS } from '../fixtures/tass';
import { expect, FIXTURES, test, type Host } from './fixtures';
import { OverviewView } from './pages/overview';
import { checkScreen } from './screens';
import { importTass } from './seed';

const BBC = ['1m-payoff-for-former-shell-boss.txt', '1-8m-indecency-fine-for-viacom.txt'].map((name) =>
  join(FIXTURES, 'import', 'bbc', name),
);

/**
 * TASS and two BBC articles, their outlet and date set as an analyst would (the BBC files carry
 * neither), a few tagged passages and a claim with two appearances.
 */
async function seed(host: Host): Promise<void> {
  const tass = await importTass(host);
  const bbc = await host.cli(['import', ...BBC]);
  expect(bbc.code, bbc.stderr).toBe(0);
  const { items } = await host.api('articles.list', {});
  const [shell, viacom] = ['$1m payoff for former Shell boss', '£1.8m indecency fine for Viacom'].map(
    (title) => items.find((a) => a.title === title)!.id,
  );
  await host.api('articles.update', { id: tass.id, patch: { published: '2020-11-09' } });
  await host.api('articles.update', { id: shell!, patch: { outlet: 'BBC', published: '2020-11-09' } });
  await host.api('articles.update', { id: viacom!, patch: { outlet: 'BBC', published: '2020-12-02' } });
  const refugees = await tass.mark(TASS.phrases.refugeesRemain, { tags: ['Syria/Refugees'] });
  await tass.mark(TASS.phrases.refugees, { tags: ['Syria'] });
  await tass.mark(TASS.phrases.terrorism, { tags: ['Syria'] });
  const shellText = (await host.api('articles.get', { id: shell! })).text;
  const start = shellText.indexOf('Shell is to pay $1m');
  await host.api('passages.create', {
    articleId: shell!,
    start,
    end: start + 40,
    tagIds: [(await host.api('tags.create', { path: 'Economy' })).id],
  });
  await host.api('claims.create', { passageId: refugees.id, statement: 'Over 6.5 million refugees remain outside Syria' });
}

test.use({ viewport: { width: 1024, height: 700 } });

test('the Overview draws every chart, opens the articles behind a bar, and exports a chart and its data', async ({
  app: page,
  host,
  library,
}) => {
  await seed(host);
  await page.reload();
  await library.switchTo('Overview');
  const overview = new OverviewView(page);
  await expect(overview.region).toBeVisible();

  // One mark per row of each chart's data, counted by hand from the seed.
  await expect(overview.marks('Articles over time by outlet')).toHaveCount(3);
  await expect(overview.marks('Articles over time by outlet').first()).toHaveAttribute(
    'aria-label',
    /Day: 2020-11-09; Articles: 1; Outlet: BBC/,
  );
  await expect(overview.marks('Tags by outlet')).toHaveCount(3);
  await expect(overview.marks('Tags by month')).toHaveCount(3);
  await expect(overview.marks('Tag co-occurrence')).toHaveCount(1);
  await expect(overview.marks('Claims over time')).toHaveCount(1);
  await expect(overview.marks('Coverage: share of each outlet’s text that is coded')).toHaveCount(2);
  const rows = await overview.tableRows('Tags by outlet');
  await expect(rows).toHaveText([
    /^Syria\s*TASS\s*2\s*1\s*100\.0%/,
    /^Syria \/ Refugees\s*TASS\s*1\s*1\s*100\.0%/,
    /^Economy\s*BBC\s*1\s*1\s*50\.0%/,
  ]);
  await checkScreen(page, 'overview');

  // The share switch recolours the heatmap by share; the marks say so.
  const tagsByOutlet = overview.chart('Tags by outlet');
  await tagsByOutlet.getByRole('button', { name: 'Share of articles' }).click();
  await expect(overview.marks('Tags by outlet').first()).toHaveAttribute('aria-label', /Share of articles: 100%/);

  // A click on BBC's bar of 2 December lists the Viacom article; its title opens it in the reader.
  await overview.clickMark('Articles over time by outlet', /Day: 2020-12-02; Articles: 1; Outlet: BBC/);
  await expect(overview.drill.getByRole('status')).toHaveText('1 article');
  await overview.drill.getByRole('button', { name: '£1.8m indecency fine for Viacom' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '£1.8m indecency fine for Viacom' })).toBeVisible();

  // The passages behind a mark: exactly its articles, and its tag as applied (not its children's).
  await library.switchTo('Overview');
  await overview.clickMark('Tags by outlet', /Outlet: TASS; Tag: Syria; Passages: 2/);
  await expect(overview.drill.getByRole('status')).toHaveText('1 article');
  await overview.drill.getByRole('button', { name: 'Show their passages' }).click();
  const passages = page
    .getByRole('grid', { name: 'Passages' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });
  await expect(passages).toHaveCount(2);
  await expect(passages).toHaveText([new RegExp(TASS.phrases.terrorism), new RegExp(TASS.phrases.refugees)]);
  await expect(page.getByText(/^Articles: 1 article behind/)).toBeVisible();
  await page.getByRole('button', { name: /^Remove articles filter/ }).click();
  await page.getByRole('checkbox', { name: 'Include child tags' }).check();
  await expect(passages).toHaveCount(3);

  // The filter applies to every chart: TASS alone.
  await library.switchTo('Overview');
  await overview.filterBy('Outlet', 'TASS');
  await expect(overview.marks('Articles over time by outlet')).toHaveCount(1);
  await expect(overview.marks('Coverage: share of each outlet’s text that is coded')).toHaveCount(1);

  // Exports: the chart as drawn (SVG) and its data as CSV, as the CLI writes them.
  const coverage = overview.chart('Coverage: share of each outlet’s text that is coded');
  const [svg] = await Promise.all([page.waitForEvent('download'), coverage.getByRole('button', { name: 'SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('coverage.svg');
  const drawn = readFileSync((await svg.path())!, 'utf8');
  expect(drawn).toMatch(/^<svg/);
  expect(drawn).toMatch(/aria-label="Share of characters coded: \d+%; Outlet: TASS; Articles: 1; Articles with passages: 1;/);
  const [csv] = await Promise.all([page.waitForEvent('download'), coverage.getByRole('button', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('coverage.csv');
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toBe('\uFEFFoutlet,articles,count,characters,coded_characters,share');
  expect(text.split('\r\n')[1]).toMatch(/^TASS,1,1,\d+,\d+,0\.\d+$/);
});

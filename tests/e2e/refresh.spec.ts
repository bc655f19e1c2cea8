import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, expect, test } from './fixtures';
import { selectPhrase } from './select-text';
import { recordTraffic, totalBytes, type Exchange } from './traffic';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';
const REFUGEES = 'over 6.5 million refugees remain outside Syria';
const RETURNED = 'Over 850,000 Syrian citizens have returned from abroad';
const BUDGET = 100_000;

/** 1,999 generated news files: with the TASS article, a 2,000-article library. */
function generatedCorpus(dir: string): string {
  const folder = join(dir, 'corpus');
  mkdirSync(folder);
  for (let i = 0; i < 1999; i++) {
    const body = Array.from(
      { length: 12 },
      (_, p) => `Paragraph ${p} of report ${i}: officials said figures for week ${i % 52} were revised.`,
    );
    writeFileSync(join(folder, `report-${i}.txt`), `Report number ${i} on regional figures\n\n${body.join('\n\n')}\n`);
  }
  return folder;
}

const commands = (exchanges: Exchange[]) => [...new Set(exchanges.map((e) => e.command))].sort();

test('a new passage refetches only the open article’s passages, the visible article window and small counts, whoever made it', async ({
  app: page,
  host,
}) => {
  await host.cli(['import', generatedCorpus(host.dir)]);
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  // No reload: the list shows the TASS article once the host has announced the CLI's last commit,
  // so no announcement of the imports is still to come when the traffic is counted.
  await expect(page.getByRole('status').filter({ hasText: '2,000 articles' })).toBeVisible();
  const option = page.getByRole('option', { name: TASS_TITLE });
  await expect(option).toBeVisible();
  await option.click();
  const article = page.getByRole('article', { name: TASS_TITLE });
  await expect(article.getByText(REFUGEES)).toBeVisible();
  const traffic = recordTraffic(page);

  // In the app: select, T, a new tag, Enter.
  await selectPhrase(page, REFUGEES);
  traffic.start();
  await page.keyboard.press('t');
  await page.getByRole('combobox', { name: 'Tag passage' }).fill('Syria / Refugees');
  await page.keyboard.press('Enter');
  await expect(option).toContainText('1 passage');
  const mine = await traffic.settled();
  const mineBytes = totalBytes(mine);
  console.log(`passage made in the app: ${mine.length} requests, ${mineBytes} bytes (${commands(mine).join(', ')})`);
  expect(commands(mine)).not.toContain('articles.get');
  expect(mine.filter((e) => e.command === 'articles.list').every((e) => (e.args as { limit: number }).limit <= 50)).toBe(true);
  expect(mine.filter((e) => e.command === 'passages.forArticle')).toHaveLength(1);
  expect(mineBytes).toBeLessThan(BUDGET);

  // By another process: the CLI marks a claim (and its passage) in the open article.
  const { items } = await host.api('articles.list', { query: 'Hotbed terrorism Putin', limit: 1 });
  const { text, id } = await host.api('articles.get', { id: items[0]!.id });
  const start = text.indexOf(RETURNED);
  traffic.start();
  const made = await host.cli([
    'claims',
    'add',
    '--article',
    String(id),
    '--start',
    String(start),
    '--end',
    String(start + RETURNED.length),
  ]);
  expect(made.code).toBe(0);
  await expect(article.locator('mark').filter({ hasText: RETURNED })).toBeVisible();
  await expect(option).toContainText('2 passages');
  const theirs = await traffic.settled();
  const theirBytes = totalBytes(theirs);
  console.log(`passage made by the CLI: ${theirs.length} requests, ${theirBytes} bytes (${commands(theirs).join(', ')})`);
  expect(commands(theirs)).not.toContain('articles.get');
  expect(theirs.filter((e) => e.command === 'passages.forArticle')).toHaveLength(1);
  expect(theirBytes).toBeLessThan(BUDGET);
});

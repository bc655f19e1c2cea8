import { join } from 'node:path';
import { FIXTURES, expect, screenshot, test } from './fixtures';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';

test('a new user imports the TASS article through the file picker and reads it', async ({ app: page, host }) => {
  // First run: the empty state says what to do.
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await screenshot(page, 'foundation-empty');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('main').getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt'));

  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results).toContainText('1 imported');

  const item = page.getByRole('option', { name: TASS_TITLE });
  await expect(item).toBeVisible();
  await item.click();

  const article = page.getByRole('article', { name: TASS_TITLE });
  await expect(page.getByRole('heading', { level: 1, name: TASS_TITLE })).toBeVisible();
  await expect(page.getByText('TASS · NOVO-OGARYOVO · 9 November')).toBeVisible();
  await expect(article.getByRole('heading', { name: 'Reconstruction work' })).toBeVisible();
  await expect(article.locator('p').first()).toHaveText(/^According to the Russian president, the level of violence/);
  await expect(article.locator('p').filter({ hasText: 'over 6.5 million refugees remain outside Syria' })).toHaveCount(1);
  await expect(article).not.toContainText('All news');
  await page.getByRole('button', { name: 'Close import results' }).click();
  await screenshot(page, 'foundation-reader');

  // The search box filters the library by full text, numbers included.
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await search.fill('6.5 million refugees');
  await expect(page.getByRole('option', { name: TASS_TITLE })).toBeVisible();
  await search.fill('cryptocurrency');
  await expect(page.getByText('0 matching')).toBeVisible();

  // The same library through the CLI (another process) sees the article.
  const listed = await host.cli(['list', '--json']);
  expect(listed.code).toBe(0);
  expect(JSON.parse(listed.stdout)).toMatchObject([{ title: TASS_TITLE, outlet: 'TASS', place: 'NOVO-OGARYOVO' }]);
});

test('the HTTP host refuses requests without the token', async ({ host, request }) => {
  const origin = new URL(host.url).origin;
  const response = await request.post(`${origin}/api/stats.get`, { data: {} });
  expect(response.status()).toBe(401);
});

import { TASS } from '../fixtures/tass';
import { expect, screenshot, test } from './fixtures';

test('a new user imports the TASS article through the file picker and reads it', async ({ app: page, host, library, reader, imports }) => {
  // First run: the empty state says what to do.
  const emptyState = page.getByRole('main');
  await expect(emptyState.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await screenshot(page, 'foundation-empty');

  await imports.importFiles(TASS.path, emptyState);
  await expect(imports.outcome).toHaveText('Import finished: 1 imported');

  await library.open(TASS.title);
  await expect(page.getByText('TASS · NOVO-OGARYOVO · 9 November')).toBeVisible();
  await expect(reader.article.getByRole('heading', { name: TASS.subheading })).toBeVisible();
  await expect(reader.article.getByRole('paragraph').first()).toHaveText(/^According to the Russian president, the level of violence/);
  await expect(reader.article.getByRole('paragraph').filter({ hasText: TASS.phrases.refugeesRemain })).toHaveCount(1);
  await expect(reader.article).not.toContainText('All news');
  await imports.closeResults();
  await screenshot(page, 'foundation-reader');

  // The search box filters the library by full text, numbers included.
  await library.search.fill('6.5 million refugees');
  await expect(library.article(TASS.title)).toBeVisible();
  await library.search.fill('cryptocurrency');
  await expect(library.count).toHaveText('0 matching');

  // The same library through the CLI (another process) sees the article.
  const listed = await host.cli(['list', '--json']);
  expect(listed.code).toBe(0);
  expect(JSON.parse(listed.stdout)).toMatchObject([{ title: TASS.title, outlet: TASS.outlet, place: TASS.place }]);
});

test('the HTTP host refuses requests without the token', async ({ host, request }) => {
  const origin = new URL(host.url).origin;
  const response = await request.post(`${origin}/api/stats.get`, { data: {} });
  expect(response.status()).toBe(401);
});

import type { Page, Route } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, expect, test, type Host } from './fixtures';
import { selectPhrase } from './select-text';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';
const FIRST = 'According to the Russian president';
const REFUGEES = 'over 6.5 million refugees remain outside Syria';

/** Holds passages.create requests at the network until `release`: the library answers later. */
async function holdPassageCreation(page: Page): Promise<{ release(): Promise<void> }> {
  const held: Route[] = [];
  let holding = true;
  await page.route('**/api/passages.create', (route) => (holding ? void held.push(route) : route.continue()));
  return {
    async release() {
      await expect.poll(() => held.length).toBe(1);
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

async function openTass(page: Page, host: Host): Promise<void> {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  await page.reload();
  await page.getByRole('option', { name: TASS_TITLE }).click();
}

test('a passage picked while a new one is being saved stays picked once it is saved', async ({ app: page, host }) => {
  await openTass(page, host);
  const article = page.getByRole('article', { name: TASS_TITLE });
  await selectPhrase(page, FIRST);
  await page.keyboard.press('t');
  await page.getByRole('combobox', { name: 'Tag passage' }).fill('Sources');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const inspector = page.getByRole('region', { name: 'Passage' }).locator('blockquote');
  await expect(inspector).toHaveText(FIRST);

  const saving = await holdPassageCreation(page);
  await selectPhrase(page, REFUGEES);
  await page.keyboard.press('t');
  await page.getByRole('combobox', { name: 'Tag passage' }).fill('Refugees');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const fresh = article.locator('mark').filter({ hasText: REFUGEES });
  await expect(fresh).toHaveAttribute('data-passages', /^-\d+$/); // on screen, not saved yet
  await article.locator('mark').filter({ hasText: FIRST }).click();
  await expect(inspector).toHaveText(FIRST);

  await saving.release();
  await expect(fresh).toHaveAttribute('data-passages', /^\d+$/);
  await expect(inspector).toHaveText(FIRST);
});

test('] right after tagging selects the new passage, and it stays selected once saved', async ({ app: page, host }) => {
  await openTass(page, host);
  const article = page.getByRole('article', { name: TASS_TITLE });
  const saving = await holdPassageCreation(page);
  await selectPhrase(page, REFUGEES);
  await page.keyboard.press('t');
  await page.getByRole('combobox', { name: 'Tag passage' }).fill('Refugees');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const fresh = article.locator('mark').filter({ hasText: REFUGEES });
  await expect(fresh).toHaveAttribute('data-passages', /^-\d+$/);
  await page.keyboard.press(']');
  const inspector = page.getByRole('region', { name: 'Passage' }).locator('blockquote');
  await expect(inspector).toHaveText(REFUGEES);

  await saving.release();
  await expect(fresh).toHaveAttribute('data-passages', /^\d+$/);
  await expect(inspector).toHaveText(REFUGEES);
});

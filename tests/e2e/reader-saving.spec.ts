import type { Page, Route } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { importTass } from './seed';

const { lead, refugeesRemain } = TASS.phrases;

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

test.beforeEach(async ({ app: page, host, library }) => {
  await importTass(host);
  await page.reload();
  await library.open(TASS.title);
});

test('a passage picked while a new one is being saved stays picked once it is saved', async ({ app: page, reader }) => {
  await reader.tagPhrase(lead, 'Sources', { by: 'key' });
  await expect(reader.quote).toHaveText(lead);

  const saving = await holdPassageCreation(page);
  await reader.tagPhrase(refugeesRemain, 'Refugees', { by: 'key' });
  const fresh = reader.mark(refugeesRemain);
  await expect(fresh).toHaveAttribute('data-passages', /^-\d+$/); // on screen, not saved yet
  await reader.mark(lead).click();
  await expect(reader.quote).toHaveText(lead);

  await saving.release();
  await expect(fresh).toHaveAttribute('data-passages', /^\d+$/);
  await expect(reader.quote).toHaveText(lead);
});

test('] right after tagging selects the new passage, and it stays selected once saved', async ({ app: page, reader }) => {
  const saving = await holdPassageCreation(page);
  await reader.tagPhrase(refugeesRemain, 'Refugees', { by: 'key' });
  const fresh = reader.mark(refugeesRemain);
  await expect(fresh).toHaveAttribute('data-passages', /^-\d+$/);
  await page.keyboard.press(']');
  await expect(reader.quote).toHaveText(refugeesRemain);

  await saving.release();
  await expect(fresh).toHaveAttribute('data-passages', /^\d+$/);
  await expect(reader.quote).toHaveText(refugeesRemain);
});

test('a note written on a passage still being saved reaches it once it is saved', async ({ app: page, reader }) => {
  const saving = await holdPassageCreation(page);
  await reader.tagPhrase(refugeesRemain, 'Refugees', { by: 'key' });
  await page.keyboard.press(']');
  await expect(reader.quote).toHaveText(refugeesRemain);
  await page.keyboard.press('n');
  await expect(reader.note).toBeFocused();
  await page.keyboard.type('UNHCR counts differ');
  await page.keyboard.press('Control+Enter');

  await saving.release();
  await expect(reader.marginNote('UNHCR counts differ')).toBeVisible();
  await expect(reader.note).toHaveValue('UNHCR counts differ');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

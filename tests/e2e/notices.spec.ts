import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, expect, test, type Host } from './fixtures';
import { checkScreen } from './screens';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';
const PHRASE = 'over 6.5 million refugees remain outside Syria';

async function openTassWithPassage(page: Page, host: Host): Promise<void> {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  const { items } = await host.api('articles.list', {});
  const id = items[0]!.id;
  const { text } = await host.api('articles.get', { id });
  const start = text.indexOf(PHRASE);
  await host.api('passages.create', { articleId: id, start, end: start + PHRASE.length });
  await page.reload();
  await page.getByRole('option', { name: TASS_TITLE }).click();
  await expect(page.getByRole('article', { name: TASS_TITLE })).toBeVisible();
}

/** Fails when the two elements' boxes overlap on screen. */
async function expectApart(a: Locator, b: Locator): Promise<void> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
  const overlap = x.x < y.x + y.width && x.x + x.width > y.x && x.y < y.y + y.height && x.y + x.height > y.y;
  expect(overlap).toBe(false);
}

test('the export notice sits clear of the text, can be closed, and goes away by itself', async ({ app: page, host }) => {
  await openTassWithPassage(page, host);
  const reading = page.locator('.reader');
  for (const round of [1, 2]) {
    await page.getByRole('button', { name: 'Export…' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Export…' }).click();
    await downloading;
    const notice = page.getByRole('status').filter({ hasText: 'Exported tagged passages' });
    await expect(notice).toBeVisible();
    await expectApart(notice, reading);
    const close = notice.getByRole('button', { name: 'Dismiss notice' });
    if (round === 1) {
      // The pointer on it holds it; axe checks the close button's contrast in both themes.
      await notice.getByText('Exported tagged passages').hover();
      await checkScreen(page, 'notice-export');
      await close.click();
      await expect(notice).toHaveCount(0);
    } else {
      // Left alone, it goes.
      await expect(notice).toHaveCount(0, { timeout: 20_000 });
    }
  }
});

test('a deleted passage’s notice offers Undo, and Undo brings the passage back', async ({ app: page, host }) => {
  await openTassWithPassage(page, host);
  const article = page.getByRole('article', { name: TASS_TITLE });
  await article.locator('mark').click();
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText(PHRASE);
  await page.keyboard.press('Delete');
  await expect(article.locator('mark')).toHaveCount(0);
  const notice = page.getByRole('status').filter({ hasText: 'Passage deleted' });
  await expectApart(notice, page.locator('.reader'));
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(article.locator('mark')).toHaveText(PHRASE);
  await expect(notice).toHaveCount(0);
});

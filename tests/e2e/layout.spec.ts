import type { Locator, Page } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { Library } from './pages/library';
import { PassagesView } from './pages/passages-view';
import { checkScreen } from './screens';
import { importTass } from './seed';

/** Characters a line in one paragraph of the open article: its text over the lines it takes on screen. */
function charactersPerLine(paragraph: Locator): Promise<number> {
  return paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return (element.textContent ?? '').length / tops.size;
  });
}

/** How far an element's content reaches past its visible width (0: nothing scrolls sideways). */
const overflow = (locator: Locator) => locator.evaluate((element) => element.scrollWidth - element.clientWidth);

async function openTassWithPassage(page: Page, host: Parameters<typeof importTass>[0]): Promise<void> {
  const tass = await importTass(host);
  await tass.mark(TASS.phrases.refugees, { tags: ['Syria / Refugees'], note: 'Figure to check against UNHCR' });
  await page.reload();
  await new Library(page).open(TASS.title);
}

test('at 1024×700 the reading column keeps about 60 characters a line, with its marginalia under the paragraph', async ({
  app: page,
  host,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openTassWithPassage(page, host);
  const article = page.getByRole('article', { name: TASS.title });
  const paragraph = article.locator('.reader-row > .text').filter({ hasText: 'Putin stressed that Russia continued' });
  await expect(paragraph).toBeVisible();
  expect(await charactersPerLine(paragraph)).toBeGreaterThanOrEqual(55);
  // The passage's tag and note still show beside their words, and a click on them selects it.
  const marginal = article.getByRole('button', { name: /Figure to check against UNHCR/ });
  await marginal.click();
  await expect(marginal).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Passage' })).toBeVisible();
  expect(await overflow(article)).toBeLessThanOrEqual(0);
  await checkScreen(page, 'layout-reader-1024');
});

test('the Passages view fits 1024 px without scrolling sideways, and shows whole dates at 1400 px', async ({ app: page, host }) => {
  await openTassWithPassage(page, host);
  const passages = new PassagesView(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await passages.open();
  const date = passages.rows.first().getByRole('gridcell').filter({ hasText: '9 November 2020' });
  await expect(date).toBeVisible();
  expect(await overflow(date)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(passages.rows).toHaveCount(1);
  expect(await overflow(passages.grid)).toBeLessThanOrEqual(0);
  await checkScreen(page, 'layout-passages-1024');
});

test('at 1024×700 the toolbar fits on one line with the library’s whole name', async ({ app: page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const toolbar = page.getByRole('banner');
  await expect(toolbar.getByRole('button', { name: 'Overview' })).toBeVisible();
  expect(await overflow(toolbar)).toBeLessThanOrEqual(0);
  // The name is e2e's short library name: nothing of it is cut off.
  expect(await overflow(toolbar.locator('.library-name'))).toBeLessThanOrEqual(0);
  for (const button of await toolbar.getByRole('button').all()) {
    const box = await button.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1024);
  }
  await checkScreen(page, 'layout-toolbar-1024');
});

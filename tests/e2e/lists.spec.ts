import { join } from 'node:path';
import { FIXTURES, expect, test } from './fixtures';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';

test('the codebook tree and the passages grid work from the keyboard alone', async ({ app: page, host }) => {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  const { items } = await host.api('articles.list', {});
  const articleId = items[0]!.id;
  const { text } = await host.api('articles.get', { id: articleId });
  for (const path of ['Syria / Refugees', 'Syria / Statistics', 'Russia', 'Ukraine']) await host.api('tags.create', { path });
  const tags = await host.api('tags.list', {});
  const refugees = tags.find((t) => t.path === 'Syria / Refugees')!.id;
  const phrases = ['over 6.5 million refugees', 'Over 850,000 Syrian citizens', 'the level of violence in Syria'];
  for (const phrase of phrases) {
    const start = text.indexOf(phrase);
    await host.api('passages.create', { articleId, start, end: start + phrase.length, tagIds: [refugees] });
  }
  await page.reload();

  // The tree: one tab stop; arrows, End, Home, Right/Left to open and close, Enter shows passages.
  const tree = page.getByRole('tree', { name: 'Codebook' });
  await tree.getByRole('treeitem').first().focus();
  await expect(page.getByRole('treeitem', { name: 'Syria' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('treeitem', { name: 'Ukraine' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('treeitem', { name: 'Refugees' })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('treeitem', { name: 'Russia' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('treeitem', { name: 'Refugees' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The grid, filtered to that tag: arrows move the one tab stop; Enter opens the passage.
  const grid = page.getByRole('grid', { name: 'Passages' });
  await expect(page.getByRole('status').filter({ hasText: '3 passages match' })).toBeVisible();
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const quote = (await rows.nth(1).getByRole('gridcell').first().innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: TASS_TITLE })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText(quote);
});

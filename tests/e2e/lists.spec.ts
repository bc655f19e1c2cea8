import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { importTass } from './seed';

test('the codebook tree and the passages grid work from the keyboard alone', async ({ app: page, host, codebook, passages, reader }) => {
  const tass = await importTass(host);
  for (const path of ['Syria / Refugees', 'Syria / Statistics', 'Russia', 'Ukraine']) await host.api('tags.create', { path });
  for (const phrase of [TASS.phrases.refugeesCount, 'Over 850,000 Syrian citizens', 'the level of violence in Syria']) {
    await tass.mark(phrase, { tags: ['Syria / Refugees'] });
  }
  await page.reload();

  // The tree: one tab stop; arrows, End, Home, Right/Left to open and close, Enter shows passages.
  await codebook.tree.getByRole('treeitem').first().focus();
  await expect(codebook.tag('Syria')).toBeFocused();
  await page.keyboard.press('End');
  await expect(codebook.tag('Ukraine')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(codebook.tag('Refugees')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(codebook.tag('Russia')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(codebook.tag('Refugees')).toBeFocused();
  await page.keyboard.press('Enter');

  // The grid, filtered to that tag: arrows move the one tab stop; Enter opens the passage.
  await expect(page.getByRole('status').filter({ hasText: '3 passages match' })).toBeVisible();
  const rows = passages.rows;
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
  await expect(reader.heading(TASS.title)).toBeVisible();
  await expect(reader.quote).toHaveText(quote);
});

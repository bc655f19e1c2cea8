import { join } from 'node:path';
import { FIXTURES, expect, screenshot, test } from './fixtures';
import { selectPhrase } from './select-text';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';
const REFUGEES = 'Unfortunately, over 6.5 million refugees remain outside Syria';
const REFUGEES_INNER = 'over 6.5 million refugees';
const TERRORISM = 'the hotbed of international terrorism in Syria has been actually eliminated';

test('an analyst tags, overlaps, notes, merges, undoes, filters and finds it all after a reload', async ({ app: page, host }) => {
  const imported = await host.cli(['import', '--json', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  expect(imported.code).toBe(0);
  await page.reload();
  await page.getByRole('option', { name: TASS_TITLE }).click();
  const article = page.getByRole('article', { name: TASS_TITLE });
  await expect(article).toBeVisible();

  // 1. Mouse path: select, toolbar Tag, type a nested tag that does not exist yet, Enter.
  await selectPhrase(page, REFUGEES);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Tag' }).click();
  await page.getByRole('combobox', { name: /Tag/ }).fill('Syria / Refugees');
  await page.keyboard.press('Enter');
  await expect(article.locator('mark')).toHaveCount(1);
  await expect(article.locator('mark').first()).toHaveText(REFUGEES);
  await page.keyboard.press('Escape');

  // 2. Keyboard path: a nested passage inside the first (overlap), tagged with a second nested tag.
  await selectPhrase(page, REFUGEES_INNER);
  await article.press('t');
  await page.getByRole('combobox', { name: /Tag/ }).fill('Syria / Statistics');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^Passage: over 6\.5 million refugees/ })).toBeVisible();

  // 3. A third passage with an existing tag, picked by filtering.
  await selectPhrase(page, TERRORISM);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Tag' }).click();
  await page.getByRole('combobox', { name: /Tag/ }).fill('statis');
  await expect(page.getByRole('option', { name: 'Syria / Statistics' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText(TERRORISM);

  // Overlap: the shared words sit in a segment covered by both passages, each clickable.
  const both = article.locator('mark[data-passages~=" "], mark[data-passages*=" "]').filter({ hasText: REFUGEES_INNER });
  await expect(both).toHaveCount(1);
  await both.click();
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText(REFUGEES_INNER);
  await both.click();
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText(REFUGEES);

  // 4. A note in the margin, on the outer passage.
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.fill('UNHCR counts 5.6 million registered refugees');
  await note.blur();
  await expect(page.getByRole('button', { name: /note: UNHCR counts 5\.6 million/ })).toBeVisible();
  await screenshot(page, 'reader-tagged');

  // 5. Merge Statistics into Refugees in the codebook; passages combine.
  await page.keyboard.press('Escape');
  await article.click({ position: { x: 2, y: 2 } });
  await page.getByRole('tree', { name: 'Codebook' }).waitFor();
  await page.getByRole('button', { name: 'Actions for Statistics' }).click();
  await page.getByRole('menuitem', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('option', { name: /Syria \/ Refugees/ }).click();
  await dialog.getByRole('button', { name: /^Merge/ }).click();
  await expect(page.getByRole('treeitem', { name: 'Statistics' })).toHaveCount(0);
  await screenshot(page, 'reader-merged');

  // 6. Undo brings Statistics back; redo merges again.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('treeitem', { name: 'Statistics' })).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('treeitem', { name: 'Statistics' })).toHaveCount(0);

  // 7. The passages view, filtered by text, opens a passage in the reader.
  await page.getByRole('button', { name: 'Passages', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Passages' }).or(page.getByRole('table', { name: 'Passages' }));
  await expect(grid).toBeVisible();
  const taggedRefugees = grid.getByRole('row').filter({ has: page.getByTitle('Syria / Refugees', { exact: true }) });
  await expect(taggedRefugees).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Filter passages' }).fill('terrorism');
  await expect(taggedRefugees).toHaveCount(1);
  await screenshot(page, 'passages-view');
  await grid.getByRole('row').filter({ hasText: 'terrorism' }).dblclick();
  await expect(article).toBeVisible();
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText(TERRORISM);

  // 8. After a reload everything is still there.
  await page.reload();
  await page.getByRole('option', { name: TASS_TITLE }).click();
  await expect(article.locator('mark').filter({ hasText: 'terrorism' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /note: UNHCR counts 5\.6 million/ })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: 'Refugees' })).toBeVisible();
  const stats = await host.cli(['stats', '--json']);
  expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 1, passages: 3, tags: 2 });
  await screenshot(page, 'reader-after-reload');
});

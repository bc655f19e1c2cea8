import { TASS } from '../fixtures/tass';
import { expect, screenshot, test } from './fixtures';
import { importTass } from './seed';

const { refugees, refugeesCount, terrorism } = TASS.phrases;

test('an analyst tags, overlaps, notes, merges, undoes, filters and finds it all after a reload', async ({
  app: page,
  host,
  library,
  reader,
  codebook,
  passages,
}) => {
  await importTass(host);
  await page.reload();
  await library.open(TASS.title);

  // 1. Mouse path: drag over a phrase, Tag in the toolbar, type a nested tag that does not exist yet.
  await reader.tagPhrase(refugees, 'Syria / Refugees');
  await expect(reader.marks).toHaveCount(1);
  await expect(reader.marks.first()).toHaveText(refugees);

  // 2. Keyboard path: a passage inside the first (overlap), tagged with T and a second nested tag.
  await reader.tagPhrase(refugeesCount, 'Syria / Statistics', { by: 'key' });
  await expect(reader.marginEntry(refugeesCount)).toBeVisible();

  // 3. A third passage with an existing tag, picked by filtering.
  await reader.select(terrorism);
  await reader.toolbar.getByRole('button', { name: 'Tag' }).click();
  await reader.picker.fill('statis');
  await expect(page.getByRole('option', { name: 'Syria / Statistics' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(reader.quote).toHaveText(terrorism);

  // Overlap: the shared words sit in one highlight covered by both passages; clicks cycle through them.
  const both = reader.article.locator('mark[data-passages*=" "]');
  await expect(both).toHaveText(refugeesCount);
  await both.click();
  await expect(reader.quote).toHaveText(refugeesCount);
  await both.click();
  await expect(reader.quote).toHaveText(refugees);

  // 4. A note in the margin, on the outer passage.
  await reader.writeNote('UNHCR counts 5.6 million registered refugees');
  await expect(reader.marginNote('UNHCR counts 5.6 million')).toBeVisible();
  await screenshot(page, 'reader-tagged');

  // 5. Merge Statistics into Refugees in the codebook; the passages combine.
  await page.keyboard.press('Escape');
  await reader.clickAwayFromPassages();
  await codebook.merge('Statistics', { into: 'Syria / Refugees' });
  await expect(codebook.tag('Statistics')).toHaveCount(0);
  await screenshot(page, 'reader-merged');

  // 6. Undo brings Statistics back; redo merges again.
  await page.keyboard.press('Control+z');
  await expect(codebook.tag('Statistics')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(codebook.tag('Statistics')).toHaveCount(0);

  // 7. The passages view, filtered by text, opens a passage in the reader.
  await passages.open();
  await expect(passages.rowsTagged('Syria / Refugees')).toHaveCount(3);
  await passages.search.fill('terrorism');
  await expect(passages.rowsTagged('Syria / Refugees')).toHaveCount(1);
  await screenshot(page, 'passages-view');
  await passages.row('terrorism').dblclick();
  await expect(reader.article).toBeVisible();
  await expect(reader.quote).toHaveText(terrorism);

  // 8. After a reload everything is still there.
  await page.reload();
  await library.open(TASS.title);
  await expect(reader.mark('terrorism')).toHaveCount(1);
  await expect(reader.marginNote('UNHCR counts 5.6 million')).toBeVisible();
  await expect(codebook.tag('Refugees')).toBeVisible();
  const stats = await host.cli(['stats', '--json']);
  expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 1, passages: 3, tags: 2 });
  await screenshot(page, 'reader-after-reload');
});

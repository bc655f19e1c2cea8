import { TASS } from '../fixtures/tass';
import { expect, screenshot, test } from './fixtures';
import { importTass } from './seed';

const { lead, refugeesRemain, returned, internalReturns, disaster } = TASS.phrases;

test('number keys apply the tags pinned in the codebook and R the last tag used, to a mouse selection, undoably', async ({
  app: page,
  host,
  library,
  reader,
  codebook,
}) => {
  await importTass(host);
  for (const path of ['Refugees', 'Claims / Figures', 'Sources / Kremlin']) await host.api('tags.create', { path });
  await page.reload();
  await library.open(TASS.title);

  // Pinned from the tag's ⋯ menu (the first free key) and with Shift+3 on a focused tag.
  await codebook.menu('Refugees', 'Pin to 1');
  await expect(codebook.pinKey('Refugees')).toHaveAttribute('data-key', '1');
  await expect(codebook.tag('Refugees')).toHaveAccessibleDescription(/Pinned to 1: the key 1 applies it in the reader/);
  await codebook.tag('Figures').click();
  // Shift+Digit3: what the key sends with Shift on an English keyboard ("#").
  await page.keyboard.press('Shift+Digit3');
  await expect(codebook.pinKey('Figures')).toHaveAttribute('data-key', '3');
  await expect(page.getByRole('status').filter({ hasText: 'Figures pinned to 3' })).toBeVisible();
  await screenshot(page, 'codebook-pinned-tags');

  // A drag, then 1: the words become a passage tagged Refugees at once, no picker.
  await reader.select(refugeesRemain);
  await page.keyboard.press('1');
  await expect(reader.mark('refugees')).toHaveText(refugeesRemain);
  await expect(reader.quote).toHaveText(refugeesRemain);
  await reader.expectTags(['Refugees']);
  await expect(reader.picker).toHaveCount(0);
  // 3 adds the tag pinned there to the passage now selected; 1 again changes nothing.
  await page.keyboard.press('3');
  await reader.expectTags(['Refugees', 'Claims / Figures']);
  await page.keyboard.press('1');
  await expect(page.getByText('The passage already has Refugees')).toBeVisible();
  await reader.expectTags(['Refugees', 'Claims / Figures']);

  // Each key is one step of the history.
  await page.keyboard.press('Control+z');
  await reader.expectTags(['Refugees']);
  await page.keyboard.press('Control+z');
  await expect(reader.marks).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(reader.marks).toHaveText([refugeesRemain]);

  // R: the last tag used (Figures, by the key 3), on the next words dragged.
  await reader.clickAwayFromPassages();
  await reader.select(returned);
  await page.keyboard.press('r');
  await expect(reader.quote).toHaveText(returned);
  await reader.expectTags(['Claims / Figures']);

  // The picker's tag becomes the last one too.
  await reader.tagPhrase(internalReturns, 'Sources / Kremlin');
  await reader.clickAwayFromPassages();
  await reader.select(disaster);
  await page.keyboard.press('r');
  await expect(reader.quote).toHaveText(disaster);
  await reader.expectTags(['Sources / Kremlin']);
  const passages = await host.api('passages.forArticle', { articleId: (await host.api('articles.list', {})).items[0]!.id });
  expect(passages.map((p) => p.exact)).toEqual([refugeesRemain, returned, internalReturns, disaster]);
});

test('the keys work with the caret (F7, Shift+arrows), and the shortcuts sheet and the command palette show them', async ({
  app: page,
  host,
  library,
  reader,
  codebook,
}) => {
  await importTass(host);
  const kremlin = await host.api('tags.create', { path: 'Sources / Kremlin' });
  const violenceTag = await host.api('tags.create', { path: 'Violence' });
  await host.api('tags.pin', { id: kremlin.id, slot: 2 });
  await host.api('tags.pin', { id: violenceTag.id, slot: 5 });
  await page.reload();
  await library.open(TASS.title);
  await expect(codebook.pinKey('Kremlin')).toHaveAttribute('data-key', '2');

  // Caret at the lead, Shift+→ over its first words, 2: tagged; the caret waits where they end.
  await reader.article.getByRole('heading', { name: TASS.subheading }).click();
  await page.keyboard.press('F7');
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < lead.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  await expect(reader.marks).toHaveText([lead]);
  await reader.expectTags(['Sources / Kremlin']);
  await expect(reader.article).toHaveAttribute('contenteditable', 'true');
  // From there, past ", ", the next words.
  const next = 'the level of violence in Syria';
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < next.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('5');
  await expect(reader.marks).toHaveText([lead, next]);
  await reader.expectTags(['Violence']);
  await page.keyboard.press('r');
  await expect(page.getByText('The passage already has Violence')).toBeVisible();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const inReader = sheet.getByRole('table', { name: /In the reader/ });
  await expect(inReader.getByRole('row', { name: /Apply the last tag used/ })).toContainText('R');
  await expect(inReader.getByRole('row', { name: /Apply the tag pinned to that number/ })).toHaveText(/^1 … 9/);
  await expect(sheet.getByRole('table', { name: 'In the codebook' }).getByRole('row', { name: /Pin the tag to that number/ })).toHaveText(
    /^Shift\+1 … Shift\+9/,
  );
  await screenshot(page, 'shortcuts-quick-tags');
  await page.keyboard.press('Escape');

  // The palette names the tag each key would apply, and runs it on the selection.
  await reader.clickAwayFromPassages();
  await reader.select(refugeesRemain);
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Command' }).fill('pinned');
  await expect(palette.getByRole('option')).toHaveText([
    /Apply the tag pinned to 2: Sources \/ Kremlin/,
    /Apply the tag pinned to 5: Violence/,
  ]);
  await palette.getByRole('combobox', { name: 'Command' }).fill('last tag');
  await expect(palette.getByRole('option', { name: /Apply the last tag used.*: Violence/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(reader.quote).toHaveText(refugeesRemain);
  await reader.expectTags(['Violence']);
});

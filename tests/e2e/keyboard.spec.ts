import { TASS } from '../fixtures/tass';
import { expect, screenshot, test } from './fixtures';
import { importTass } from './seed';

const { lead, internalReturns } = TASS.phrases;

test('the reader works from the keyboard: caret, Shift+arrows, tag, next passage, note, delete, undo', async ({
  app: page,
  host,
  library,
  reader,
}) => {
  await importTass(host);
  await page.reload();
  await library.articles.focus();
  await page.keyboard.press('ArrowDown');
  await expect(reader.heading(TASS.title)).toBeVisible();

  // A click puts focus in the text without a caret; F7 turns caret mode on; Shift+arrows select the lead's first words.
  await reader.article.getByRole('heading', { name: TASS.subheading }).click();
  await page.keyboard.press('F7');
  await expect(reader.article).toHaveAttribute('contenteditable', 'true');
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < lead.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(reader.toolbar).toBeVisible();
  await reader.tagSelection('Sources / Kremlin', { by: 'key' });
  await expect(reader.marks).toHaveText([lead]);

  // ] selects the passage; N opens its note; Delete removes it; Ctrl+Z brings it back.
  await page.keyboard.press(']');
  await expect(reader.quote).toHaveText(lead);
  await page.keyboard.press('n');
  await expect(reader.note).toBeFocused();
  await page.keyboard.type('Attribution without a name');
  await page.keyboard.press('Control+Enter');
  await expect(reader.marginNote('Attribution without a name')).toBeVisible();
  await reader.article.focus();
  await page.keyboard.press('Delete');
  await expect(reader.marks).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(reader.marks).toHaveText([lead]);
  await expect(reader.marginNote('Attribution without a name')).toBeVisible();

  // The shortcuts sheet lists the keys.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Shift+arrows');
  await screenshot(page, 'keyboard-shortcuts');
  await page.keyboard.press('Escape');
});

test('Ctrl+K searches articles, passages and notes and opens a passage at its place', async ({ app: page, host, reader }) => {
  const tass = await importTass(host);
  await tass.mark(internalReturns, { note: 'Internal returns, not refugees' });
  await page.reload();

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('combobox', { name: 'Search everything' }).fill('1.3 million');
  const results = dialog.getByRole('listbox', { name: 'Results' });
  await expect(results.getByRole('group', { name: 'Articles' }).getByRole('option')).toHaveCount(1);
  const passage = results.getByRole('group', { name: 'Passages' }).getByRole('option');
  await expect(passage).toHaveCount(1);
  await expect(passage.locator('mark').first()).toBeVisible();
  await screenshot(page, 'search-palette');
  await passage.click();
  await expect(dialog).toHaveCount(0);
  await expect(reader.quote).toHaveText(internalReturns);

  // Notes are searched too, and listed as notes (the article says "internally" and "returned": stems).
  await page.keyboard.press('Control+k');
  await dialog.getByRole('combobox', { name: 'Search everything' }).fill('internal returns');
  await expect(results.getByRole('group', { name: 'Notes' }).getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('status')).toHaveText('1 article, 0 passages, 1 note, 0 claims, 0 memos');
  await page.keyboard.press('Escape');
});

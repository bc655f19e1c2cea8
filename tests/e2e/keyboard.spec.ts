import { join } from 'node:path';
import { FIXTURES, expect, screenshot, test } from './fixtures';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';

test('the reader works from the keyboard: caret, Shift+arrows, tag, next passage, note, delete, undo', async ({ app: page, host }) => {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  await page.reload();
  const list = page.getByRole('listbox', { name: 'Articles' });
  await list.focus();
  await page.keyboard.press('ArrowDown');
  const article = page.getByRole('article', { name: TASS_TITLE });
  await expect(article).toBeVisible();

  // Caret mode (F7), then Shift+arrows select the lead's first words.
  // A click puts focus in the text without a caret; F7 turns caret mode on.
  await article.getByRole('heading', { name: 'Reconstruction work' }).click();
  await page.keyboard.press('F7');
  await expect(article).toHaveAttribute('contenteditable', 'true');
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 'According to the Russian president'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('t');
  await page.getByRole('combobox', { name: /Tag/ }).fill('Sources / Kremlin');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(article.locator('mark')).toHaveText('According to the Russian president');

  // ] selects the passage; N opens its note; Delete removes it; Ctrl+Z brings it back.
  await page.keyboard.press(']');
  const inspector = page.getByRole('region', { name: 'Passage' });
  await expect(inspector.locator('blockquote')).toHaveText('According to the Russian president');
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Attribution without a name');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: /note: Attribution without a name/ })).toBeVisible();
  await article.focus();
  await page.keyboard.press('Delete');
  await expect(article.locator('mark')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(article.locator('mark')).toHaveText('According to the Russian president');
  await expect(page.getByRole('button', { name: /note: Attribution without a name/ })).toBeVisible();

  // The shortcuts sheet lists the keys.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Shift+arrows');
  await screenshot(page, 'keyboard-shortcuts');
  await page.keyboard.press('Escape');
});

test('Ctrl+K searches articles, passages and notes and opens a passage at its place', async ({ app: page, host }) => {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  const { items } = await host.api('articles.list', {});
  const id = items[0]!.id;
  const { text } = await host.api('articles.get', { id });
  const phrase = 'more than 1.3 mln people have returned to the places';
  const start = text.indexOf(phrase);
  await host.api('passages.create', { articleId: id, start, end: start + phrase.length, note: 'Internal returns, not refugees' });
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
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText(phrase);

  // Notes are searched too, and listed as notes (the article says "internally" and "returned": stems).
  await page.keyboard.press('Control+k');
  await dialog.getByRole('combobox', { name: 'Search everything' }).fill('internal returns');
  await expect(results.getByRole('group', { name: 'Notes' }).getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('status')).toHaveText('1 article, 0 passages, 1 note, 0 claims');
  await page.keyboard.press('Escape');
});

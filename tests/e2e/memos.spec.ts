import { join } from 'node:path';
import { FIXTURES, expect, test } from './fixtures';
import { checkScreen } from './screens';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';

test('an analyst writes memos on an article and on the library, undoes one, and finds them by search', async ({ app: page, host }) => {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  await page.reload();
  await page.getByRole('option', { name: TASS_TITLE }).click();
  const article = page.getByRole('article', { name: TASS_TITLE });
  await expect(article).toBeVisible();

  // The article's memo, from the reader's header, typed as a person types.
  await page.getByRole('button', { name: 'Memo…', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Article memo' });
  const field = dialog.getByRole('textbox', { name: `Memo on ${TASS_TITLE}` });
  await expect(field).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText('No memo yet');
  await page.keyboard.type('# Figures\n\nTASS repeats the UNHCR count of 6.5 million refugees.');
  await expect(dialog.getByRole('status')).toHaveText('Unsaved changes');
  await checkScreen(page, 'memo-article');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  await expect
    .poll(async () => (await host.api('memos.get', { articleId: 1 })).text)
    .toBe('# Figures\n\nTASS repeats the UNHCR count of 6.5 million refugees.');

  // M in the text opens it again, as saved; more typing, then Escape: what was typed is kept.
  await article.click({ position: { x: 5, y: 5 } });
  await article.press('m');
  dialog = page.getByRole('dialog', { name: 'Article memo' });
  await expect(field).toHaveValue('# Figures\n\nTASS repeats the UNHCR count of 6.5 million refugees.');
  await expect(dialog.getByRole('status')).toHaveText(/^Last saved /);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Check the date.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await host.api('memos.get', { articleId: 1 })).text).toMatch(/refugees\. Check the date\.$/);

  // Undo in the toolbar takes the last save back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(async () => (await host.api('memos.get', { articleId: 1 })).text).toMatch(/refugees\.$/);

  // The library's memo, from the toolbar; Ctrl+Enter saves and closes.
  await page.getByRole('button', { name: 'Library memo…' }).click();
  dialog = page.getByRole('dialog', { name: 'Library memo' });
  await expect(dialog.getByRole('textbox', { name: /^Memo on / })).toBeFocused();
  await page.keyboard.type('Ask the editor who counted the displaced.');
  await checkScreen(page, 'memo-library');
  await page.setViewportSize({ width: 1024, height: 700 });
  await checkScreen(page, 'memo-library-1024');
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await host.api('memos.get', { articleId: null })).text).toBe('Ask the editor who counted the displaced.');

  // Ctrl+K finds both memos; choosing one opens it.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('UNHCR editor');
  const results = page.getByRole('listbox', { name: 'Results' });
  await expect(results.getByRole('group', { name: 'Memos' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Search everything' }).fill('');
  await page.keyboard.type('editor');
  const memos = results.getByRole('group', { name: 'Memos' });
  await expect(memos.getByRole('option')).toHaveCount(1);
  await memos.getByRole('option').click();
  await expect(page.getByRole('dialog', { name: 'Library memo' }).getByRole('textbox')).toHaveValue(
    'Ask the editor who counted the displaced.',
  );
});

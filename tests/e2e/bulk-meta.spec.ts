import { join } from 'node:path';
import { TASS } from '../fixtures/tass';
import { expect, FIXTURES, test } from './fixtures';
import { checkScreen } from './screens';

/** Five BBC articles (no outlet, no date: BBC text files carry neither) and the TASS one. */
const BBC = [
  join(FIXTURES, 'search', 'johnson-edges-out-rival-sotherton.txt'),
  join(FIXTURES, 'search', 'new-foot-and-mouth-action-urged.txt'),
  join(FIXTURES, 'search', 'rovers-reject-third-ferguson-bid.txt'),
  join(FIXTURES, 'import', 'bbc', '1-8m-indecency-fine-for-viacom.txt'),
  join(FIXTURES, 'import', 'bbc', '1m-payoff-for-former-shell-boss.txt'),
];

test.beforeEach(async ({ host, app: page }) => {
  const run = await host.cli(['import', ...BBC, TASS.path]);
  expect(run.code, run.stderr).toBe(0);
  await page.reload();
});

test('shift-click a range, set its outlet, the list shows it, one undo restores every article', async ({ app: page, library, host }) => {
  const options = library.articles.getByRole('option');
  await expect(options).toHaveCount(6);
  const titles = await options.locator('.title').allInnerTexts();
  const first = titles.indexOf(TASS.title) === 0 ? 1 : 0;
  // A plain click opens the first; Shift-click on the fourth below it picks the four.
  await options.nth(first).click();
  await options.nth(first + 3).click({ modifiers: ['Shift'] });
  await expect(library.picked).toHaveCount(4);
  await expect(library.bulkBar.getByRole('status')).toHaveText('4 selected');
  // Ctrl-click takes one out again and puts it back.
  await options.nth(first + 1).click({ modifiers: ['ControlOrMeta'] });
  await expect(library.bulkBar.getByRole('status')).toHaveText('3 selected');
  await options.nth(first + 1).click({ modifiers: ['ControlOrMeta'] });
  await expect(library.bulkBar.getByRole('status')).toHaveText('4 selected');
  const picked = titles.slice(first, first + 4);

  await library.bulkBar.getByRole('button', { name: 'Set details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set details of 4 articles' });
  await dialog.getByRole('combobox', { name: 'Outlet' }).fill('BBC');
  await dialog.getByRole('textbox', { name: 'Published' }).fill('4 March');
  await dialog.getByRole('button', { name: 'Set on 4 articles' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Published: use a date such as 2020-11-09, 2020-11, or --11-09 when the year is unknown',
  );
  await dialog.getByRole('textbox', { name: 'Published' }).fill('2005-03-04');
  await checkScreen(page, 'bulk-meta-dialog');
  await dialog.getByRole('button', { name: 'Set on 4 articles' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Set the outlet and date of 4 articles.')).toBeVisible();
  for (const title of picked) await expect(library.article(title).locator('.meta')).toHaveText('BBC · 4 March 2005');
  for (const title of titles.filter((t) => !picked.includes(t)))
    await expect(library.article(title).locator('.meta')).not.toContainText('BBC');
  await checkScreen(page, 'bulk-meta-list');

  await library.articles.focus();
  await page.keyboard.press('ControlOrMeta+z');
  for (const title of picked) await expect(library.article(title).locator('.meta')).not.toContainText('BBC');
  await expect(library.article(TASS.title).locator('.meta')).toContainText('TASS');
  const { items } = await host.api('articles.list', {});
  expect(items.filter((a) => a.outlet === 'BBC')).toHaveLength(0);
});

test('Shift+arrows and Ctrl+A pick from the keyboard; "all matching" is the search sent to the library', async ({
  app: page,
  library,
  host,
}) => {
  const options = library.articles.getByRole('option');
  await options.first().click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(library.bulkBar.getByRole('status')).toHaveText('3 selected');
  await expect(library.picked).toHaveCount(3);
  await page.keyboard.press('Shift+ArrowUp');
  await expect(library.bulkBar.getByRole('status')).toHaveText('2 selected');
  await page.keyboard.press('Escape');
  await expect(library.bulkBar).toBeHidden();

  // Search, then pick everything it matches from the keyboard.
  await library.search.fill('investigation');
  const matching = (await host.api('articles.list', { query: 'investigation' })).items.map((a) => a.title).sort();
  expect(matching).toEqual(['$1m payoff for former Shell boss', 'New foot and mouth action urged', '£1.8m indecency fine for Viacom']);
  await expect(library.count).toHaveText('3 matching');
  await options.first().click();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(library.bulkBar.getByRole('status')).toHaveText('All 3 selected');
  await library.bulkBar.getByRole('button', { name: 'Set details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set details of 3 articles' });
  await dialog.getByRole('textbox', { name: 'Language' }).fill('en-GB');
  await dialog.getByRole('textbox', { name: 'Place' }).fill('London');
  await dialog.getByRole('button', { name: 'Set on 3 articles' }).click();
  await expect(dialog).toBeHidden();
  const { items } = await host.api('articles.list', {});
  expect(
    items
      .filter((a) => a.place === 'London')
      .map((a) => a.title)
      .sort(),
  ).toEqual(matching);
  expect(items.filter((a) => a.language === 'en-GB')).toHaveLength(3);
});

test('a field of the library own: defined in the dialog, set in bulk, refused when not a number, shown in Article details', async ({
  app: page,
  library,
  host,
}) => {
  const options = library.articles.getByRole('option');
  await options.nth(0).click();
  await options.nth(1).click({ modifiers: ['Shift'] });
  await library.bulkBar.getByRole('button', { name: 'Set details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set details of 2 articles' });
  await dialog.getByRole('button', { name: 'New field…' }).click();
  const define = page.getByRole('dialog', { name: 'New article field' });
  await define.getByRole('textbox', { name: 'Name' }).fill('Outlet type');
  await define.getByRole('combobox', { name: 'Type' }).selectOption('Choice');
  await define.getByRole('textbox', { name: 'Choices' }).fill('State, Public, Private');
  await define.getByRole('button', { name: 'Add field' }).click();
  await expect(define).toBeHidden();
  await dialog.getByRole('button', { name: 'New field…' }).click();
  await define.getByRole('textbox', { name: 'Name' }).fill('Reach');
  await define.getByRole('combobox', { name: 'Type' }).selectOption('Number');
  await define.getByRole('button', { name: 'Add field' }).click();
  await expect(define).toBeHidden();

  await dialog.getByRole('combobox', { name: 'Outlet type' }).selectOption('Public');
  await dialog.getByRole('textbox', { name: 'Reach' }).fill('abc');
  await dialog.getByRole('button', { name: 'Set on 2 articles' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Reach: "abc" is not a number');
  await dialog.getByRole('textbox', { name: 'Reach' }).fill('12.5');
  await checkScreen(page, 'bulk-meta-fields');
  await dialog.getByRole('button', { name: 'Set on 2 articles' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Set the Outlet type and Reach of 2 articles.')).toBeVisible();

  const fields = await host.api('fields.list', {});
  const kind = fields.find((f) => f.name === 'Outlet type')!;
  const { items } = await host.api('articles.list', { filter: { fields: [{ fieldId: kind.id, values: ['Public'] }] } });
  expect(items).toHaveLength(2);
  // Article details shows the value of the article open in the reader.
  await options.nth(0).click();
  await page.getByRole('button', { name: 'Edit details…' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await expect(details.getByRole('combobox', { name: 'Outlet type' })).toHaveValue('Public');
  await expect(details.getByRole('textbox', { name: 'Reach' })).toHaveValue('12.5');
});

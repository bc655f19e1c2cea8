import type { Locator, Page } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { expectOnScreen } from './on-screen';
import { checkScreen } from './screens';
import { importTass } from './seed';

/** Whether the keyboard's focus is inside the dialog. */
const focusInside = (dialog: Locator) => dialog.evaluate((box) => box.contains(document.activeElement));

/**
 * Every modal dialog of the app keeps the keyboard: Tab, and then Shift+Tab, each go round its
 * controls back to where they began without ever leaving it; Escape closes it; and focus is back
 * on `opener`, the control the person used to open it. `listOpen`: the name of the combobox whose
 * open list the first Escape closes (where the Tab rounds end on it).
 */
async function expectModal(page: Page, dialog: Locator, opener: Locator, listOpen?: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect.poll(() => focusInside(dialog)).toBe(true);
  for (const key of ['Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await focusInside(dialog), `${key} stays inside`).toBe(true);
    const start = await page.evaluateHandle(() => document.activeElement);
    let back = false;
    for (let step = 0; step < 80 && !back; step++) {
      await page.keyboard.press(key);
      expect(await focusInside(dialog), `${key} stays inside`).toBe(true);
      back = await start.evaluate((element) => element === document.activeElement);
    }
    expect(back, `${key} goes round the dialog`).toBe(true);
  }
  if (listOpen) {
    // Focus is back on the claim finder, its list open: the first Escape closes the list, as a combobox's does.
    const finder = dialog.getByRole('combobox', { name: listOpen });
    await expect(finder).toBeFocused();
    await expect(finder).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(finder).toHaveAttribute('aria-expanded', 'false');
    await expect(dialog).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
}

test('every codebook dialog keeps focus inside, closes on Escape and gives focus back', async ({ app: page, host, library, codebook }) => {
  await importTass(host);
  for (const path of ['Claims', 'Syria / Refugees', 'Russia']) await host.api('tags.create', { path });
  await page.reload();
  await library.open(TASS.title);

  const newTag = page.getByRole('button', { name: 'New tag' });
  await newTag.click();
  await expectModal(page, page.getByRole('dialog', { name: 'New tag' }), newTag);

  // From a tag's ⋯ menu: focus comes back to the tag's row.
  const dialogs: Array<[string, string]> = [
    ['New child tag…', 'New tag under “Refugees”'],
    ['Recolour…', 'Colour of “Refugees”'],
    ['Edit description…', 'Description of “Refugees”'],
    ['Move to…', 'Move “Refugees”'],
    ['Merge into…', 'Merge “Refugees” into…'],
    ['Delete…', 'Delete “Refugees”?'],
  ];
  for (const [item, title] of dialogs) {
    await codebook.tag('Refugees').hover();
    await codebook.menu('Refugees', item);
    await expectModal(page, page.getByRole('dialog', { name: title, exact: true }), codebook.tag('Refugees'));
  }
});

test('every dialog of the toolbar and the search keeps focus inside, closes on Escape and gives focus back', async ({
  app: page,
  host,
}) => {
  await importTass(host);
  await page.reload();
  const toolbar = page.getByRole('banner');
  for (const [button, title] of [
    ['Export…', 'Export'],
    ['Library memo…', 'Library memo'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
    ['Search…', 'Search'],
  ] as const) {
    const opener = toolbar.getByRole('button', { name: button, exact: true });
    await opener.click();
    await expectModal(page, page.getByRole('dialog', { name: title, exact: true }), opener);
  }

  // The command palette opens from its key, over whatever has focus: that control gets it back.
  const filter = page.getByRole('searchbox', { name: 'Search articles' });
  await filter.click();
  await page.keyboard.press('Control+Shift+P');
  await expectModal(page, page.getByRole('dialog', { name: 'Command palette' }), filter);

  // Code all hits, from the article filter.
  await page.keyboard.type('refugees');
  const codeAll = page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Code all hits…' });
  await codeAll.click();
  await expectModal(page, page.getByRole('dialog', { name: 'Code the hits of “refugees”' }), codeAll);
});

test('every dialog of the reader and of a claim keeps focus inside, closes on Escape and gives focus back', async ({
  app: page,
  host,
  library,
  reader,
  claims,
}) => {
  const tass = await importTass(host);
  const start = tass.text.indexOf(TASS.phrases.refugeesRemain);
  await host.api('claims.create', { articleId: tass.id, start, end: start + TASS.phrases.refugeesRemain.length });
  await page.reload();
  await library.open(TASS.title);
  const main = page.getByRole('main');
  for (const [button, title] of [
    ['Edit details…', 'Article details'],
    ['Edit text…', 'Edit text'],
    ['Memo…', 'Article memo'],
  ] as const) {
    const opener = main.getByRole('button', { name: button, exact: true });
    await opener.click();
    await expectModal(page, page.getByRole('dialog', { name: title, exact: true }), opener);
  }

  // A candidate's Make claim in the margin.
  const makeClaim = reader
    .candidate('the level of violence in Syria')
    .first()
    .getByRole('button', { name: /^Make claim/ });
  await makeClaim.click();
  // The form arrives with the sentence's prefill and its statement takes focus: Tab from then on.
  const make = page.getByRole('dialog', { name: 'Make claim' });
  await expect(make.getByRole('textbox', { name: 'Statement' })).toBeFocused();
  await expectModal(page, make, makeClaim);

  // Add to claim, from the toolbar over a selection dragged with the mouse.
  await reader.select(TASS.phrases.returned);
  const addToClaim = page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Add to claim' });
  await addToClaim.click();
  await expectModal(page, page.getByRole('dialog', { name: 'Add to claim' }), addToClaim);

  // A claim's page: Merge… and Link….
  await claims.open();
  await claims.rows.first().getByRole('gridcell').nth(1).click();
  await page.keyboard.press('Enter');
  await expect(claims.page).toBeVisible();
  const merge = claims.page.getByRole('button', { name: 'Merge…' });
  await merge.click();
  await expectModal(page, page.getByRole('dialog', { name: 'Merge a claim into this one' }), merge, 'Claim to merge into this one');
  const link = claims.page.getByRole('button', { name: 'Link to a claim…' });
  await link.click();
  await expectModal(page, page.getByRole('dialog', { name: 'Link claim' }), link, 'Claim to link to');
});

test('at 1024×700 a tag’s ⋯ menu opens whole inside the window, even from the lowest row, and the keyboard runs it', async ({
  app: page,
  host,
  library,
  codebook,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await importTass(host);
  for (let i = 1; i <= 24; i++) await host.api('tags.create', { path: `Topic ${String(i).padStart(2, '0')}` });
  await page.reload();
  await library.open(TASS.title);

  // The mouse, on the lowest row the window shows: the menu opens above it, every item on screen.
  const rows = codebook.tree.getByRole('treeitem');
  const view = page.viewportSize()!;
  let lowest = rows.first();
  for (const row of await rows.all()) {
    const box = await row.boundingBox();
    if (box && box.y + box.height <= view.height) lowest = row;
  }
  await lowest.hover();
  await lowest.getByRole('button', { name: /^Actions for / }).click();
  const menu = page.getByRole('menu', { name: /^Actions for / });
  // Focus is on one of its items (the one under the pointer, if the menu opened under it).
  await expect(menu.getByRole('menuitem').and(page.locator(':focus'))).toHaveCount(1);
  await expectOnScreen(page, menu);
  for (const item of await menu.getByRole('menuitem').all()) await expectOnScreen(page, item);
  await checkScreen(page, 'tag-menu-1024');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(lowest).toBeFocused();

  // The keyboard (the pointer out of the way): Shift+F10 on the focused row, the arrows, Home and End, Enter runs the item.
  await page.mouse.move(view.width - 2, 2);
  const items = menu.getByRole('menuitem');
  await page.keyboard.press('Shift+F10');
  await expect(items.first()).toBeFocused();
  await expectOnScreen(page, menu);
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await page.keyboard.press('Shift+F10');
  await menu.getByRole('menuitem', { name: 'Recolour…' }).press('Enter');
  await expect(page.getByRole('dialog', { name: /^Colour of / })).toBeVisible();
});

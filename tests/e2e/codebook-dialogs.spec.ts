import type { Locator, Page } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { expect, test, type Host } from './fixtures';
import { expectOnScreen } from './on-screen';
import { checkScreen } from './screens';

test.use({ viewport: { width: 1400, height: 900 } });

/** The TASS article open in the reader, the codebook beside it with a few tags. */
async function openReader(page: Page, host: Host): Promise<void> {
  await host.cli(['import', TASS.path]);
  for (const path of ['Claims', 'Syria / Refugees', 'Syria / Statistics', 'Russia']) await host.api('tags.create', { path });
  await page.reload();
  await page.getByRole('option', { name: TASS.title }).click();
  await expect(page.getByRole('article', { name: TASS.title })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: 'Russia' })).toBeVisible();
}

/** Where the codebook is and how far its column has scrolled, to tell that it did not move. */
function codebookPlace(page: Page) {
  return page.getByRole('tree', { name: 'Codebook' }).evaluate((tree) => {
    const column = tree.closest('.side-column') as HTMLElement;
    return { x: Math.round(tree.getBoundingClientRect().x), scrollLeft: column.scrollLeft, scrollTop: column.scrollTop };
  });
}

async function expectCentred(page: Page, dialog: Locator): Promise<void> {
  const box = (await dialog.boundingBox())!;
  const view = page.viewportSize()!;
  expect(Math.abs(box.x + box.width / 2 - view.width / 2)).toBeLessThanOrEqual(2);
}

test('codebook dialogs open centred above the whole window and finish with the mouse', async ({ app: page, host }) => {
  await openReader(page, host);
  const before = await codebookPlace(page);

  // New tag: typed, created with a click on Create.
  await page.getByRole('button', { name: 'New tag' }).click();
  const create = page.getByRole('dialog', { name: 'New tag' });
  await expect(create).toBeVisible();
  await expectCentred(page, create);
  await expectOnScreen(page, create.getByRole('heading', { name: 'New tag' }));
  await expectOnScreen(page, create.getByRole('button', { name: 'Create' }));
  expect(await codebookPlace(page)).toEqual(before);
  await checkScreen(page, 'codebook-new-tag');
  await create.getByRole('textbox', { name: 'Name' }).fill('Ukraine');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toHaveCount(0);
  await expect(page.getByRole('treeitem', { name: 'Ukraine' })).toBeVisible();

  // Recolour… from the row's menu: a palette swatch, then Save.
  await page.getByRole('treeitem', { name: 'Russia' }).hover();
  await page.getByRole('button', { name: 'Actions for Russia' }).click();
  await page.getByRole('menuitem', { name: 'Recolour…' }).click();
  const recolour = page.getByRole('dialog', { name: 'Colour of “Russia”' });
  await expectCentred(page, recolour);
  await expectOnScreen(page, recolour.getByRole('button', { name: 'Save' }));
  expect(await codebookPlace(page)).toEqual(before);
  await recolour.getByRole('radio', { name: '#e15759' }).click();
  await recolour.getByRole('button', { name: 'Save' }).click();
  await expect(recolour).toHaveCount(0);
  await expect.poll(async () => (await host.api('tags.list', {})).find((t) => t.name === 'Russia')?.color).toBe('#e15759');

  // Move to…: a parent clicked in the list, then Move.
  await page.getByRole('treeitem', { name: 'Ukraine' }).hover();
  await page.getByRole('button', { name: 'Actions for Ukraine' }).click();
  await page.getByRole('menuitem', { name: 'Move to…' }).click();
  const moveDialog = page.getByRole('dialog', { name: 'Move “Ukraine”' });
  await expectCentred(page, moveDialog);
  await moveDialog.getByRole('option', { name: 'Russia', exact: true }).click();
  await expectOnScreen(page, moveDialog.getByRole('button', { name: 'Move' }));
  await checkScreen(page, 'codebook-move');
  await moveDialog.getByRole('button', { name: 'Move' }).click();
  await expect(moveDialog).toHaveCount(0);
  await expect(page.getByRole('treeitem', { name: 'Ukraine' })).toHaveAttribute('aria-level', '2');
  expect(await codebookPlace(page)).toEqual(before);
});

test('a tag’s menu opens beside it and leaves the codebook where it was', async ({ app: page, host }) => {
  await openReader(page, host);
  const before = await codebookPlace(page);
  await page.getByRole('treeitem', { name: 'Statistics' }).hover();
  await page.getByRole('button', { name: 'Actions for Statistics' }).click();
  const menu = page.getByRole('menu', { name: 'Actions for Statistics' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expectOnScreen(page, menu);
  expect(await codebookPlace(page)).toEqual(before);
  await expectOnScreen(page, page.getByRole('treeitem', { name: 'Statistics' }));
  await checkScreen(page, 'codebook-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('treeitem', { name: 'Statistics' })).toBeFocused();
});

test('Merge into…: the one tag a filter leaves is picked by click or keyboard, and Merge runs', async ({ app: page, host }) => {
  await openReader(page, host);
  await page.getByRole('treeitem', { name: 'Russia' }).hover();
  await page.getByRole('button', { name: 'Actions for Russia' }).click();
  await page.getByRole('menuitem', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge “Russia” into…' });
  const merge = dialog.getByRole('button', { name: 'Merge' });
  await expect(merge).toBeDisabled();

  // Keyboard: filter, arrow to the match, Enter picks it; Merge is then enabled.
  await dialog.getByLabel('Find a tag').fill('Statis');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await dialog.getByLabel('Find a tag').fill('Claims');
  const only = dialog.getByRole('option', { name: 'Claims' });
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(only).toHaveAttribute('aria-selected', 'true');
  await expect(merge).toBeEnabled();
  await expect(dialog).toContainText('Merge into Claims.');

  // Mouse: clear the filter, click another tag, then the one left by filtering again.
  await dialog.getByLabel('Find a tag').fill('');
  await dialog.getByRole('option', { name: 'Syria / Refugees' }).click();
  await expect(dialog).toContainText('Merge into Syria / Refugees.');
  await dialog.getByLabel('Find a tag').fill('Claims');
  await only.click();
  await expect(only).toHaveAttribute('aria-selected', 'true');
  await checkScreen(page, 'codebook-merge');
  await merge.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('treeitem', { name: 'Russia' })).toHaveCount(0);
  expect((await host.api('tags.list', {})).map((t) => t.name)).not.toContain('Russia');
});

test('modal dialogs keep focus inside, Escape closes them and focus returns', async ({ app: page, host }) => {
  await openReader(page, host);
  const newTag = page.getByRole('button', { name: 'New tag' });
  await newTag.click();
  const dialog = page.getByRole('dialog', { name: 'New tag' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  // The app's own keys open no second dialog over this one.
  await page.keyboard.press('Control+e');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(newTag).toBeFocused();

  // The same for Export, opened from the toolbar.
  const exportButton = page.getByRole('button', { name: 'Export…' });
  await exportButton.click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await expect(exportDialog.getByRole('radio', { name: /Tagged passages/ })).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await exportDialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});

test('Merge into…: Enter in “Find a tag” merges into the one tag the filter leaves', async ({ app: page, host }) => {
  await openReader(page, host);
  await page.getByRole('treeitem', { name: 'Russia' }).hover();
  await page.getByRole('button', { name: 'Actions for Russia' }).click();
  await page.getByRole('menuitem', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge “Russia” into…' });
  const find = dialog.getByRole('combobox', { name: 'Find a tag' });
  await expect(find).toBeFocused();
  await page.keyboard.type('Claims');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('option', { name: 'Claims' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('button', { name: 'Merge' })).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('treeitem', { name: 'Russia' })).toHaveCount(0);
  expect((await host.api('tags.list', {})).map((t) => t.name)).not.toContain('Russia');
});

test('when the active tag leaves the tree, the row in its place takes over (and focus, when it had it)', async ({ app: page, host }) => {
  await openReader(page, host);
  const tree = page.getByRole('tree', { name: 'Codebook' });
  const names = (await tree.getByRole('treeitem').allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
  const refugees = names.findIndex((name) => name === 'Refugees');
  const after = names[refugees + 1]!;

  // Deleted from the keyboard: the dialog gives focus back to the row, which then goes; the row now
  // in its place takes focus, so the keyboard goes on from there.
  await tree.getByRole('treeitem', { name: 'Refugees', exact: true }).click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete “Refugees”?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(tree.getByRole('treeitem', { name: 'Refugees', exact: true })).toHaveCount(0);
  await expect(tree.getByRole('treeitem', { name: after, exact: true })).toBeFocused();

  // Hidden by the filter while focus is in the filter box: the one row left becomes the active row,
  // and stays so when the filter is cleared (focus stays where the analyst typed).
  await tree.getByRole('treeitem', { name: 'Claims', exact: true }).click();
  const filter = page.getByRole('searchbox', { name: 'Filter codebook' }).or(page.getByRole('textbox', { name: 'Filter codebook' }));
  await filter.click();
  await page.keyboard.type('Russ');
  await expect(tree.getByRole('treeitem')).toHaveCount(1);
  await expect(tree.getByRole('treeitem', { name: 'Russia', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(tree.getByRole('treeitem', { name: 'Claims', exact: true })).toBeVisible();
  await expect(filter).toBeFocused();
  await expect(tree.getByRole('treeitem', { name: 'Russia', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(tree.getByRole('treeitem', { name: 'Claims', exact: true })).toHaveAttribute('aria-selected', 'false');
});

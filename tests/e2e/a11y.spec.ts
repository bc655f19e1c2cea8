import type { Page } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { expect, test, type Host } from './fixtures';
import { checkScreen } from './screens';
import { importTass } from './seed';

// Every main screen checked by axe-core in the light and the dark theme (checkScreen): a serious
// or critical violation fails. The codebook's dialogs and menus are checked in codebook-dialogs.spec.

async function libraryWithPassages(page: Page, host: Host): Promise<void> {
  const tass = await importTass(host);
  await tass.mark(TASS.phrases.refugeesRemain, { tags: ['Syria / Refugees'], note: 'UNHCR counts differ' });
  await tass.mark(TASS.phrases.returned, { tags: ['Syria / Returns'] });
  await page.reload();
}

test('the empty library', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await checkScreen(page, 'a11y-empty-library');
});

test('import results', async ({ app: page, imports }) => {
  await imports.importFiles(TASS.path);
  await expect(imports.outcome).toHaveText('Import finished: 1 imported');
  await checkScreen(page, 'a11y-import-results');
});

test('the reader with the codebook, then with a passage in the inspector', async ({ app: page, host, library, reader, codebook }) => {
  await libraryWithPassages(page, host);
  await library.open(TASS.title);
  await expect(codebook.tag('Refugees')).toBeVisible();
  await checkScreen(page, 'a11y-reader');
  await reader.mark(TASS.phrases.returned).click();
  await expect(reader.quote).toHaveText(TASS.phrases.returned);
  await checkScreen(page, 'a11y-reader-inspector');
});

test('the passages view', async ({ app: page, host, passages }) => {
  await libraryWithPassages(page, host);
  await passages.open();
  await expect(passages.rows).toHaveCount(2);
  await checkScreen(page, 'a11y-passages');
});

test('the export dialog', async ({ app: page, host, passages }) => {
  // The Layout select once kept Chromium's dark grey (#6b6b6b) under the theme's text, 4.36:1.
  await libraryWithPassages(page, host);
  await passages.open();
  await expect(await passages.openExport()).toBeVisible();
  await checkScreen(page, 'a11y-export');
});

test('the search palette', async ({ app: page, host }) => {
  await libraryWithPassages(page, host);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('combobox', { name: 'Search everything' }).fill('refugees');
  await expect(dialog.getByRole('group', { name: 'Passages' }).getByRole('option')).toHaveCount(1);
  await checkScreen(page, 'a11y-search');
});

test('the keyboard shortcuts sheet', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await checkScreen(page, 'a11y-shortcuts');
});

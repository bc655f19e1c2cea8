import type { Page } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test, type Host } from './fixtures';
import { importTass } from './seed';

// Every main screen, in both themes, checked by axe-core: serious and critical violations fail.
// Screens marked `known` fail today on what issue 11 (item 13) lists, fixed by the UI work on that
// issue; once one passes, Playwright reports it as an unexpected pass: drop its mark then.
const ARTICLE_LIST_LABELS = 'label-content-name-mismatch: article-list options leave the visible date, outlet and counts out of their name';
const CODEBOOK_LABELS = 'label-content-name-mismatch: codebook tree items leave their visible counts out of their name';

async function libraryWithPassages(page: Page, host: Host): Promise<void> {
  const tass = await importTass(host);
  await tass.mark(TASS.phrases.refugeesRemain, { tags: ['Syria / Refugees'], note: 'UNHCR counts differ' });
  await tass.mark(TASS.phrases.returned, { tags: ['Syria / Returns'] });
  await page.reload();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the empty library', async ({ app: page }) => {
      await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test('import results', async ({ app: page, imports }) => {
      test.fail(true, ARTICLE_LIST_LABELS);
      await imports.importFiles(TASS.path);
      await expect(imports.outcome).toHaveText('Import finished: 1 imported');
      await expectNoSeriousA11yViolations(page);
    });

    test('the reader with the codebook', async ({ app: page, host, library, codebook }) => {
      test.fail(true, `${ARTICLE_LIST_LABELS}; ${CODEBOOK_LABELS}`);
      await libraryWithPassages(page, host);
      await library.open(TASS.title);
      await expect(codebook.tag('Refugees')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test('the reader with a passage in the inspector', async ({ app: page, host, library, reader }) => {
      test.fail(true, ARTICLE_LIST_LABELS);
      await libraryWithPassages(page, host);
      await library.open(TASS.title);
      await reader.mark(TASS.phrases.returned).click();
      await expect(reader.quote).toHaveText(TASS.phrases.returned);
      await expectNoSeriousA11yViolations(page);
    });

    test('the passages view', async ({ app: page, host, passages }) => {
      test.fail(true, ARTICLE_LIST_LABELS);
      await libraryWithPassages(page, host);
      await passages.open();
      await expect(passages.rows).toHaveCount(2);
      await expectNoSeriousA11yViolations(page);
    });

    test('the search palette', async ({ app: page, host }) => {
      test.fail(true, `${ARTICLE_LIST_LABELS}; ${CODEBOOK_LABELS}`);
      await libraryWithPassages(page, host);
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: 'Search' });
      await dialog.getByRole('combobox', { name: 'Search everything' }).fill('refugees');
      await expect(dialog.getByRole('group', { name: 'Passages' }).getByRole('option')).toHaveCount(1);
      await expectNoSeriousA11yViolations(page);
    });

    test('the export dialog', async ({ app: page, host, passages }) => {
      test.fail(true, `${ARTICLE_LIST_LABELS}${colorScheme === 'dark' ? '; color-contrast of the Layout select' : ''}`);
      await libraryWithPassages(page, host);
      await passages.open();
      await expect(await passages.openExport()).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test('the new-tag dialog', async ({ app: page, host }) => {
      test.fail(true, `${ARTICLE_LIST_LABELS}; ${CODEBOOK_LABELS}`);
      await libraryWithPassages(page, host);
      await page.getByRole('button', { name: 'New tag' }).click();
      await expect(page.getByRole('dialog', { name: 'New tag' })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test('the keyboard shortcuts sheet', async ({ app: page }) => {
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}

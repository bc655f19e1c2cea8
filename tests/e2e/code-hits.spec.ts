import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Host } from './fixtures';
import { checkScreen } from './screens';

/** Three camp reports, each with two sentences that mention refugees, imported with the CLI. */
async function importCamps(host: Host): Promise<void> {
  const folder = join(host.dir, 'camps');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < 3; i++) {
    writeFileSync(
      join(folder, `camp-${i}.txt`),
      `Camp report ${i}\n\nGENEVA - The refugees of camp ${i} were counted again. Officials said the number of refugees would rise.\n\nAid arrived on time.\n`,
    );
  }
  const run = await host.cli(['import', folder]);
  expect(run.code, run.stderr).toBe(0);
}

/** Ctrl+K, the query typed, then the palette's "Code all hits…": the dialog it opens. */
async function openCodeHits(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search' });
  await expect(palette.getByRole('combobox', { name: 'Search everything' })).toBeFocused();
  await page.keyboard.type(query);
  await palette.getByRole('button', { name: 'Code all hits…' }).click();
  const dialog = page.getByRole('dialog', { name: `Code the hits of “${query}”` });
  await expect(dialog.getByRole('checkbox', { name: 'All 3 matching articles' })).toBeChecked();
  return dialog;
}

test('Code all hits: a tag that does not exist yet is created in the dialog, under its parent, and the hits get it', async ({
  app: page,
  host,
}) => {
  await importCamps(host);
  const parent = await host.api('tags.create', { path: 'Displacement' });
  await page.reload();
  const dialog = await openCodeHits(page, 'refugees');
  const tagWith = dialog.getByRole('listbox', { name: 'Tag with' });
  await dialog.getByRole('combobox', { name: 'Find a tag' }).click();
  await page.keyboard.type('Displacement / Camps');
  const create = tagWith.getByRole('option', { name: 'Create tag “Displacement / Camps”' });
  await expect(create).toHaveAttribute('aria-selected', 'true');
  const submit = dialog.getByRole('button', { name: 'Tag the hits in 3 articles' });
  await expect(submit).toBeDisabled();
  await checkScreen(page, 'code-hits-create-tag');
  await create.click();

  // The new tag is chosen, under its parent, and the hits can be tagged with it at once.
  const created = tagWith.getByRole('option', { name: 'Displacement / Camps', exact: true });
  await expect(created).toHaveAttribute('aria-selected', 'true');
  await expect(create).toHaveCount(0);
  const camps = (await host.api('tags.list', {})).find((t) => t.path === 'Displacement / Camps');
  expect(camps?.parentId).toBe(parent.id);
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'Tagged 6 matching sentences in 3 articles with Displacement / Camps.',
  );
  expect((await host.api('passages.list', { filter: { tagIds: [camps!.id] }, limit: 10 })).total).toBe(6);
});

test('Code all hits: Enter creates the typed tag when it is the only choice, and a second Enter tags the hits', async ({
  app: page,
  host,
}) => {
  await importCamps(host);
  await page.reload();
  const dialog = await openCodeHits(page, 'refugees');
  await dialog.getByRole('combobox', { name: 'Find a tag' }).click();
  await page.keyboard.type('Aid / Camps');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('option', { name: 'Aid / Camps', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText('Tagged 6 matching sentences in 3 articles with Aid / Camps.');
  expect((await host.api('tags.list', {})).map((t) => t.path).sort()).toEqual(['Aid', 'Aid / Camps']);
});

test.describe('held once it has read the articles', () => {
  test.use({ codingHold: 0 });

  test('Code all hits: Cancel stops the job while it runs and changes nothing; the dialog can then run it again', async ({
    app: page,
    host,
  }) => {
    await importCamps(host);
    await host.api('tags.create', { path: 'Displacement' });
    await page.reload();
    const dialog = await openCodeHits(page, 'refugees');
    await dialog.getByRole('listbox', { name: 'Tag with' }).getByRole('option', { name: 'Displacement' }).click();
    await dialog.getByRole('button', { name: 'Tag the hits in 3 articles' }).click();

    // The job is held where the test host holds it: its progress shows and Cancel is offered.
    await expect(dialog.getByRole('status')).toHaveText('Finding the hits: 3 of 3 articles');
    await expect(dialog.getByRole('progressbar', { name: 'Finding the hits' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Tag the hits in 3 articles' })).toBeDisabled();
    await checkScreen(page, 'code-hits-running');
    await dialog.getByRole('button', { name: 'Cancel coding' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Coding the hits was cancelled; nothing was changed.');
    expect((await host.api('stats.get', {})).passages).toBe(0);

    // Only the first job is held: the same dialog runs it to its end.
    await dialog.getByRole('button', { name: 'Tag the hits in 3 articles' }).click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(async () => (await host.api('stats.get', {})).passages).toBe(6);
  });
});

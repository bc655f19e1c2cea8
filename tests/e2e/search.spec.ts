import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { FIXTURES, expect, test, type Host } from './fixtures';
import { checkScreen } from './screens';

const RUSSIAN = join(FIXTURES, 'import', 'encodings', 'expected', 'ru-refugees-plain.txt');
const SEARCH = join(FIXTURES, 'search');

/** Imports TASS, the Russian restatement, the BBC search fixtures and generated articles with the CLI. */
async function importLibrary(host: Host, generated: Record<string, string>): Promise<void> {
  const folder = join(host.dir, 'library');
  mkdirSync(folder, { recursive: true });
  cpSync(TASS.path, join(folder, TASS.fileName));
  cpSync(RUSSIAN, join(folder, 'ru-refugees-plain.txt'));
  for (const file of readdirSync(SEARCH).filter((f) => f.endsWith('.txt'))) cpSync(join(SEARCH, file), join(folder, file));
  for (const [name, text] of Object.entries(generated)) writeFileSync(join(folder, name), text);
  const run = await host.cli(['import', folder]);
  expect(run.code, run.stderr).toBe(0);
}

function numbered(count: number, file: (i: number) => [string, string]): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => file(i)));
}

async function openSearch(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const input = dialog.getByRole('combobox', { name: 'Search everything' });
  await expect(input).toBeFocused();
  await page.keyboard.type(query);
  return { dialog, input, results: dialog.getByRole('listbox', { name: 'Results' }) };
}

test('Ctrl+K counts every kind, scrolls through all the hits once, puts the TASS figure first and marks the words', async ({
  app: page,
  host,
}) => {
  await importLibrary(
    host,
    numbered(60, (i) => [`yukos-${i}.txt`, `Yukos filing ${i}\n\nMOSCOW - Yukos lodged filing number ${i} today, court papers said.\n`]),
  );
  await page.reload();
  const { dialog, input, results } = await openSearch(page, 'Yukos');

  // The true count, not the first page's.
  await expect(dialog.getByRole('status')).toHaveText('60 articles, 0 passages, 0 notes, 0 claims, 0 memos');
  await expect(dialog.getByRole('tab', { name: 'Articles 60' })).toBeVisible();
  const articles = results.getByRole('group', { name: 'Articles' });
  await expect(articles.getByRole('option')).toHaveCount(6);
  await expect(articles.getByRole('option').first().locator('mark').first()).toHaveText('Yukos');
  await articles.getByRole('option', { name: 'All 60 articles ›' }).click();
  await expect(dialog.getByRole('tab', { name: 'Articles 60' })).toHaveAttribute('aria-selected', 'true');
  await checkScreen(page, 'search-paged');

  // The wheel over the list brings every hit, each once (60 rows, 60 different titles).
  const titles = new Set<string>();
  const box = (await results.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect
    .poll(async () => {
      for (const title of await results.locator('.hit-title').allInnerTexts()) titles.add(title);
      await page.mouse.wheel(0, 400);
      return titles.size;
    })
    .toBe(60);
  expect([...titles].every((t) => /^Yukos filing \d+$/.test(t))).toBe(true);

  // A figure in any spelling: the TASS article (it states it twice) first, no leap of 6.50m.
  await input.fill('');
  await page.keyboard.type('6,500,000');
  await expect(dialog.getByRole('tab', { name: 'Articles 4' })).toBeVisible();
  const first = results.getByRole('option').first();
  await expect(first.locator('.hit-title')).toHaveText(TASS.title);
  await expect(first.locator('.hit-snippet mark')).toHaveText('6.5 mln');
  await expect(results.getByRole('option', { name: /Johnson edges out rival Sotherton/ })).toHaveCount(0);
  await page.setViewportSize({ width: 1024, height: 700 });
  await checkScreen(page, 'search-figure-1024');
});

test('Code all hits: the ticked articles get every matching sentence tagged in one step that Undo takes back', async ({
  app: page,
  host,
}) => {
  await importLibrary(
    host,
    numbered(25, (i) => [
      `camp-${i}.txt`,
      `Camp report ${i}\n\nGENEVA - The refugees of camp ${i} were counted again. Officials said the number of refugees would rise.\n\nAid arrived on time.\n`,
    ]),
  );
  await host.api('tags.create', { path: 'Displacement' });
  await page.reload();

  // From the article list's filter the same dialog opens, for what the filter holds.
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('refugees');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Code all hits…' }).click();
  await expect(page.getByRole('dialog', { name: 'Code the hits of “refugees”' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Code the hits of “refugees”' })).toHaveCount(0);

  const { dialog: palette } = await openSearch(page, 'refugees');
  await expect(palette.getByRole('tab', { name: 'Articles 26' })).toBeVisible();
  await palette.getByRole('button', { name: 'Code all hits…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Code the hits of “refugees”' });
  await expect(dialog.getByRole('checkbox', { name: 'All 26 matching articles' })).toBeChecked();
  // Leave out TASS (the long article ranks last: the wheel brings it): the 25 camp reports stay.
  const tass = dialog.getByRole('checkbox', { name: new RegExp(TASS.title) });
  const list = (await dialog.getByRole('group', { name: 'Matching articles' }).boundingBox())!;
  await page.mouse.move(list.x + list.width / 2, list.y + list.height / 2);
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 300);
      return tass.count();
    })
    .toBe(1);
  await tass.uncheck();
  // A box unticked and ticked again counts once.
  const name = await dialog
    .getByRole('checkbox', { name: /^Camp report \d+ · / })
    .last()
    .evaluate((box) => box.closest('label')!.textContent!.trim());
  const camp = dialog.getByRole('checkbox', { name, exact: true });
  await camp.uncheck();
  await expect(dialog.getByText('24 of 26 articles chosen')).toBeVisible();
  await camp.check();
  await expect(dialog.getByText('25 of 26 articles chosen')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'All 26 matching articles' })).not.toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Its sentence' })).toBeChecked();
  await dialog.getByRole('listbox', { name: 'Tag with' }).getByRole('option', { name: 'Displacement' }).click();
  await expect(dialog.getByRole('option', { name: 'Displacement' })).toHaveAttribute('aria-selected', 'true');
  await checkScreen(page, 'code-hits-dialog');
  await page.setViewportSize({ width: 1024, height: 700 });
  await checkScreen(page, 'code-hits-dialog-1024');
  // At 700 px high the dialog scrolls, but its buttons stay in sight.
  const submit = dialog.getByRole('button', { name: 'Tag the hits in 25 articles' });
  await expect(submit).toBeInViewport({ ratio: 1 });
  await submit.click();

  await expect(dialog).toHaveCount(0);
  const notices = page.getByRole('status', { name: 'Notices' });
  await expect(notices).toContainText('Tagged 50 matching sentences in 25 articles with Displacement.');
  await expect.poll(async () => (await host.api('stats.get', {})).passages).toBe(50);
  const tagged = await host.api('passages.list', { filter: { tagIds: [(await host.api('tags.list', {}))[0]!.id] }, limit: 100 });
  expect(tagged.total).toBe(50);
  expect(tagged.rows.filter((p) => p.exact === 'Officials said the number of refugees would rise.')).toHaveLength(25);
  expect(new Set(tagged.rows.map((p) => p.articleTitle))).toEqual(new Set(Array.from({ length: 25 }, (_, i) => `Camp report ${i}`)));

  // One step: one Undo takes all fifty back.
  await notices.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await host.api('stats.get', {})).passages).toBe(0);
});

test('the reader marks the hits of the search it was opened from; F3 and Shift+F3 step through them', async ({ app: page, host }) => {
  await importLibrary(host, {});
  await page.reload();
  const { dialog, input } = await openSearch(page, '');

  // The help says how the box reads what is typed, and its examples hold.
  await expect(input).toHaveAccessibleDescription(/"a phrase" finds those words in that order/);
  await expect(input).toHaveAccessibleDescription(/word\* finds words that begin so/);
  for (const query of ['"remain outside"', 'refug*', 'refugee', '6.5 million']) {
    await input.fill(query);
    await expect(dialog.getByRole('listbox', { name: 'Results' }).getByRole('option', { name: new RegExp(TASS.title) })).toBeVisible();
  }
  await input.fill('"outside remain"');
  await expect(dialog.getByRole('status')).toHaveText('Nothing matches “"outside remain"”.');

  await input.fill('refugees');
  await expect(dialog.getByRole('option', { name: new RegExp(TASS.title) })).toBeVisible();
  await dialog.getByRole('option', { name: new RegExp(TASS.title) }).click();
  const { items } = await host.api('articles.list', {});
  const id = items.find((a) => a.title === TASS.title)!.id;
  const count = (await host.api('search.articleHits', { query: 'refugees', articleId: id })).ranges.length;
  expect(count).toBeGreaterThan(2);

  const bar = page.getByRole('toolbar', { name: 'Search hits' });
  await expect(bar.getByRole('status')).toHaveText(`Hit 1 of ${count} for “refugees”`);
  const current = () => page.evaluate(() => [...(CSS.highlights.get('search-hit-current') ?? [])].map((r) => (r as Range).toString()));
  await expect.poll(current).toEqual(['refugees']);
  await page.keyboard.press('F3');
  await expect(bar.getByRole('status')).toHaveText(`Hit 2 of ${count} for “refugees”`);
  await page.keyboard.press('Shift+F3');
  await page.keyboard.press('Shift+F3');
  await expect(bar.getByRole('status')).toHaveText(`Hit ${count} of ${count} for “refugees”`);
  await expect.poll(current).toHaveLength(1);
  await checkScreen(page, 'reader-hits');
  await page.setViewportSize({ width: 1024, height: 700 });
  await checkScreen(page, 'reader-hits-1024');
  await bar.getByRole('button', { name: 'Next hit' }).click();
  await expect(bar.getByRole('status')).toHaveText(`Hit 1 of ${count} for “refugees”`);

  // The shortcuts sheet lists both keys.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('row', { name: /Next search hit in the article/ })).toContainText('F3');
  await expect(sheet.getByRole('row', { name: /Previous search hit in the article/ })).toContainText('Shift+F3');
});

import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, expect, test } from './fixtures';
import { checkScreen } from './screens';
import { selectPhrase } from './select-text';

const TASS_TITLE = 'Hotbed of international terrorism in Syria virtually eliminated, says Putin';

async function openTass(page: Page, host: { cli(args: string[]): Promise<unknown> }): Promise<void> {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  await page.reload();
  await page.getByRole('option', { name: TASS_TITLE }).click();
  await expect(page.getByRole('article', { name: TASS_TITLE })).toBeVisible();
}

/** The screen boxes of a phrase's lines, read from the highlight that marks it. */
function markBoxes(page: Page, phrase: string) {
  return page
    .locator('[data-reader-text] mark', { hasText: phrase })
    .evaluateAll((marks) =>
      marks.flatMap((mark) => [...mark.getClientRects()].map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }))),
    );
}

/** Text (offsets' worth) of the pending range the picker keeps highlighted while focus is in it. */
function pendingHighlight(page: Page) {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('tag-picking');
    return highlight ? [...highlight].map((range) => range.toString()).join('') : null;
  });
}

test('after tagging with the picker, the very next drag in the text selects (ten in a row)', async ({ app: page, host }) => {
  await openTass(page, host);
  const article = page.getByRole('article', { name: TASS_TITLE });
  const picker = page.getByRole('combobox', { name: 'Tag passage' });
  const phrases = [
    'the level of violence in Syria has dropped substantially',
    'people are returning to civilian life',
    'The work on a settlement in Syria',
    'along with Iran and Turkey',
    'is showing its effectiveness',
    'Russian President Vladimir Putin said on Monday',
    'Putin stressed that Russia continued',
    'to make vigorous efforts',
    'restore its sovereignty',
    'one cannot fail to note the effective work done',
  ];
  for (const [i, phrase] of phrases.entries()) {
    // The drag right after the last tag must select, with the picker still open from it.
    await selectPhrase(page, phrase);
    await expect(picker).toHaveCount(0);
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Tag' }).click();
    await expect(picker).toBeFocused();
    // While focus is in the picker, the selected words stay marked.
    await expect.poll(() => pendingHighlight(page)).toBe(phrase);
    await picker.fill(i % 2 ? 'Syria / Returns' : 'Syria / Violence');
    await page.keyboard.press('Enter');
    await expect(article.locator('mark', { hasText: phrase })).toHaveCount(1);
    await expect(picker).toBeVisible();
    // The picker sits beside the passage, never over it.
    const box = (await page.locator('.tag-picker').boundingBox())!;
    for (const line of await markBoxes(page, phrase)) {
      const overlaps = box.x < line.right && box.x + box.width > line.left && box.y < line.bottom && box.y + box.height > line.top;
      expect(overlaps, `the picker covers “${phrase}”`).toBe(false);
    }
    if (i === 0) await checkScreen(page, 'reader-picker');
  }
  await expect(article.locator('mark')).toHaveCount(phrases.length);
});

test('a click in the text closes the picker and the click after it works as usual', async ({ app: page, host }) => {
  await openTass(page, host);
  const picker = page.getByRole('combobox', { name: 'Tag passage' });
  await selectPhrase(page, 'people are returning to civilian life');
  await page.keyboard.press('t');
  await picker.fill('Returns');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText('people are returning to civilian life');
  await page.getByRole('article', { name: TASS_TITLE }).getByRole('heading', { name: 'Reconstruction work' }).click();
  await expect(picker).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Passage' })).toHaveCount(0);
});

test('tagging from the keyboard leaves the caret at the end of the tagged words', async ({ app: page, host }) => {
  await openTass(page, host);
  const article = page.getByRole('article', { name: TASS_TITLE });
  await article.getByRole('heading', { name: 'Reconstruction work' }).click();
  await page.keyboard.press('F7');
  await expect(article).toHaveAttribute('contenteditable', 'true');
  await page.keyboard.press('Control+Home');
  const words = 'According to the Russian p';
  for (let i = 0; i < words.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(words);
  await page.keyboard.press('t');
  await page.getByRole('combobox', { name: 'Tag passage' }).fill('Sources');
  await page.keyboard.press('Enter');
  await expect(article.locator('mark')).toHaveText(words);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Tag passage' })).toHaveCount(0);
  await expect(article).toBeFocused();
  await expect(article).toHaveAttribute('contenteditable', 'true');
  // The caret goes on from where the tagged words end: three more Shift+→ select "res".
  await expect.poll(() => page.evaluate(() => window.getSelection()?.isCollapsed)).toBe(true);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('res');
});

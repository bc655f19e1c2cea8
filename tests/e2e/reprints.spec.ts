import type { Locator } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, expect, test } from './fixtures';
import { checkScreen } from './screens';

const ARTICLES = join(FIXTURES, 'reprints', 'articles');
const ORIGINAL = 'Hewitt falls to Dent in Adelaide';
const CUT = 'Hewitt falls to Dent';

test('a reprint under another headline is imported, named in the results, and each copy says where else it was published', async ({
  app: page,
  imports,
  library,
}) => {
  await imports.importFiles([join(ARTICLES, 'hewitt-falls-to-dent-in-adelaide.txt'), join(ARTICLES, 'hewitt-falls-to-dent.txt')]);
  await expect(imports.outcome).toHaveText('Import finished: 2 imported (1 reprint)');
  await expect(imports.reprints.getByRole('listitem')).toHaveText([`${CUT}: the text of ${ORIGINAL}`]);
  await expect(imports.duplicates).toHaveCount(0);
  await checkScreen(page, 'import-results-reprints');

  // The results link to the reprint; its reader names the original, and the original names it back.
  await imports.reprints.getByRole('link', { name: CUT, exact: true }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: CUT, exact: true })).toBeVisible();
  const also = main.getByRole('navigation', { name: 'Also published as' });
  await expect(also.getByRole('listitem')).toHaveText([ORIGINAL]);
  await imports.closeResults();
  await checkScreen(page, 'reader-reprint');
  await also.getByRole('button', { name: ORIGINAL }).click();
  await expect(main.getByRole('heading', { level: 1, name: ORIGINAL })).toBeVisible();
  await expect(also.getByRole('listitem')).toHaveText([CUT]);
  await expect(library.article(ORIGINAL)).toHaveAttribute('aria-selected', 'true');

  // A text of its own has no such line.
  await imports.importFiles(join(ARTICLES, 'roddick-into-san-jose-final.txt'));
  await expect(imports.outcome).toHaveText('Import finished: 1 imported');
  await library.open('Roddick into San Jose final');
  await expect(also).toHaveCount(0);
});

/** Whether each part of a list entry starts on the line where the one before it ends (one sentence, wrapping as text does). */
function partsRunOn(entry: Locator): Promise<boolean> {
  return entry.evaluate((li) => {
    const lines = (node: Node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return [...range.getClientRects()].filter((r) => r.width > 0);
    };
    const middle = (r: DOMRect) => (r.top + r.bottom) / 2;
    const parts = [...li.childNodes].filter((n) => (n.textContent ?? '').trim() !== '').map(lines);
    return parts.every((rects, i) => i === 0 || Math.abs(middle(parts[i - 1]!.at(-1)!) - middle(rects[0]!)) < 6);
  });
}

test('a reprint’s entry in the results reads as one sentence that wraps, its two long headlines links within it', async ({
  app: page,
  host,
  imports,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const original = 'Hewitt suffers a shock quarter-final defeat to Taylor Dent at the Australian Hardcourt Championships in Adelaide';
  const reprint = 'Top seed Lleyton Hewitt is beaten by the American Taylor Dent in straight sets in the Adelaide quarter-finals';
  const retitled = (file: string, title: string) => {
    const path = join(host.dir, file);
    writeFileSync(path, readFileSync(join(ARTICLES, file), 'utf8').replace(/^.*\n/, `${title}\n`));
    return path;
  };
  await imports.importFiles([retitled('hewitt-falls-to-dent-in-adelaide.txt', original), retitled('hewitt-falls-to-dent.txt', reprint)]);
  await expect(imports.outcome).toHaveText('Import finished: 2 imported (1 reprint)');
  const entry = imports.reprints.getByRole('listitem');
  await expect(entry).toHaveText(`${reprint}: the text of ${original}`);
  await expect(entry.getByRole('link', { name: reprint, exact: true })).toBeVisible();
  await expect(entry.getByRole('link', { name: original, exact: true })).toBeVisible();
  expect(await partsRunOn(entry)).toBe(true);
  await checkScreen(page, 'import-results-reprints-1024');
  // Each headline is a link the keyboard reaches and opens.
  await entry.getByRole('link', { name: reprint, exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(entry.getByRole('link', { name: original, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: original, exact: true })).toBeVisible();
});

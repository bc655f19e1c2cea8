import type { Locator } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { checkScreen } from './screens';
import { importTass } from './seed';

const SHORT = 'Syria / Refugees';
const LONG = 'Middle East and North Africa / Syrian Arab Republic / Humanitarian situation / Returnees';

/** Whether the element's text is cut (wider than its box by more than a rounded pixel). */
const cut = (locator: Locator) => locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1);

/** The chip's own name and its parents, as separate parts of what it shows. */
const parts = (chip: Locator) => ({ parents: chip.locator('.chip-parents'), leaf: chip.locator('.chip-leaf') });

/**
 * Per window size: whether the margin shows the long path whole (1024 px puts the marginalia under the
 * paragraph, a line wide; 1440 px keeps them in a narrow column beside it, where the parents are cut).
 */
const SIZES = [
  { width: 1024, height: 700, longWholeInMargin: true },
  { width: 1440, height: 900, longWholeInMargin: false },
];

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} margin and table chips show the tag’s path where it fits, cut its parents first where not, and the whole path on hover and in their names`, async ({
    app: page,
    host,
    library,
    reader,
    passages,
  }) => {
    await page.setViewportSize(size);
    const tass = await importTass(host);
    await tass.mark(TASS.phrases.refugeesRemain, { tags: [SHORT] });
    await tass.mark(TASS.phrases.returned, { tags: [LONG] });
    await page.reload();
    await library.open(TASS.title);

    // The margin: the short path whole; the long one keeps "Returnees" whole and gives way in its parents.
    const shortEntry = reader.marginEntry(TASS.phrases.refugeesRemain);
    const short = shortEntry.getByTitle(SHORT, { exact: true });
    await expect(short).toHaveText(SHORT);
    expect(await cut(parts(short).parents)).toBe(false);
    expect(await cut(parts(short).leaf)).toBe(false);
    await expect(shortEntry).toHaveAccessibleName(new RegExp(`tags: ${SHORT} — `));
    const longEntry = reader.marginEntry(TASS.phrases.returned);
    const long = longEntry.getByTitle(LONG, { exact: true });
    await expect(long).toHaveText(LONG);
    expect(await cut(parts(long).parents)).toBe(!size.longWholeInMargin);
    expect(await cut(parts(long).leaf)).toBe(false);
    await expect(parts(long).leaf).toBeVisible();
    await expect(longEntry).toHaveAccessibleName(new RegExp(`tags: ${LONG} — `));
    // Within its margin entry, never past it.
    const entry = (await longEntry.boundingBox())!;
    const chip = (await long.boundingBox())!;
    expect(chip.x + chip.width).toBeLessThanOrEqual(entry.x + entry.width);
    await long.hover();
    await expect(long).toHaveAttribute('title', LONG);
    await checkScreen(page, `tag-paths-margin-${size.width}`);

    // The Passages table: the same chips in its narrow Tags column, the long path's parents cut there.
    await passages.open();
    await expect(passages.rows).toHaveCount(2);
    await checkScreen(page, `tag-paths-table-${size.width}`);
    const shortCell = passages.rowsTagged(SHORT).getByTitle(SHORT, { exact: true });
    await expect(shortCell).toHaveText(SHORT);
    expect(await cut(parts(shortCell).parents)).toBe(false);
    expect(await cut(parts(shortCell).leaf)).toBe(false);
    const longCell = passages.rowsTagged(LONG).getByTitle(LONG, { exact: true });
    expect(await cut(parts(longCell).parents)).toBe(true);
    expect(await cut(parts(longCell).leaf)).toBe(false);
    await expect(parts(longCell).leaf).toBeVisible();
    const cell = (await passages
      .rowsTagged(LONG)
      .getByRole('gridcell')
      .filter({ has: page.getByTitle(LONG, { exact: true }) })
      .boundingBox())!;
    const tableChip = (await longCell.boundingBox())!;
    expect(tableChip.x + tableChip.width).toBeLessThanOrEqual(cell.x + cell.width);
    await expect(passages.rowsTagged(LONG).getByRole('gridcell', { name: LONG, exact: true })).toBeVisible();
    await longCell.hover();
    await expect(longCell).toHaveAttribute('title', LONG);
    await checkScreen(page, `tag-paths-table-${size.width}`);
  });
}

test('a parent tag shows its own counts and, beside them, the counts with its child tags', async ({
  app: page,
  host,
  library,
  codebook,
}) => {
  const tass = await importTass(host);
  await tass.mark(TASS.phrases.refugeesRemain, { tags: ['Syria / Refugees'] });
  await tass.mark(TASS.phrases.returned, { tags: ['Syria / Returns'] });
  await tass.mark(TASS.phrases.violence, { tags: ['Syria'] });
  await page.reload();
  await library.open(TASS.title);
  const parent = codebook.tag('Syria');
  await expect(parent).toHaveAttribute('aria-description', '1 passage in 1 article; with its child tags 3 passages in 1 article');
  const [passagesCount, articlesCount] = [parent.locator('.count').nth(0), parent.locator('.count').nth(1)];
  await expect(passagesCount).toHaveAttribute('data-count', '1 (3)');
  await expect(articlesCount).toHaveAttribute('data-count', '1');
  await expect(codebook.tag('Refugees')).toHaveAttribute('aria-description', '1 passage in 1 article');
  await parent.hover();
  await expect(passagesCount).toHaveAttribute('title', '1 passage in 1 article; with its child tags 3 passages in 1 article');
});

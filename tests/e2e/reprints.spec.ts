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

  // The results link to the reprint; its reader names the original, and the original names it back.
  await imports.reprints.getByRole('button', { name: CUT, exact: true }).click();
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

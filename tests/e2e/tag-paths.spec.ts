import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { importTass } from './seed';

test.use({ viewport: { width: 1024, height: 700 } });

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

import { expect, screenshot, test } from './fixtures';
import { wireFolder } from './folders';

test('the article count groups thousands and is current the moment an import finishes', async ({ app: page, host, library, imports }) => {
  test.setTimeout(180_000);
  const folder = wireFolder(host.dir, 1200);
  // What the count says in the very DOM update that shows the results (observed, not waited for).
  await page.evaluate(() => {
    const seen = window as unknown as { countAtResults?: string };
    new MutationObserver((_records, observer) => {
      if (!document.querySelector('[aria-label="Import results"]')) return;
      seen.countAtResults = document.querySelector('nav [role="status"]')?.textContent ?? '';
      observer.disconnect();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await imports.importFolder(folder);
  await expect(imports.outcome).toHaveText('Import finished: 1,200 imported');
  // Before the fix the count still said "0 articles" here and caught up a second later: each
  // commit's refresh of the whole list was cancelled by the next one.
  expect(await page.evaluate(() => (window as unknown as { countAtResults?: string }).countAtResults)).toBe('1,200 articles');
  await expect(library.count).toHaveText('1,200 articles');
  await screenshot(page, 'import-count');
});

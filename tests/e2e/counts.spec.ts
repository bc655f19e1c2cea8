import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshot, test } from './fixtures';

/** A folder of short wire reports, each its own article. */
function wireFolder(root: string, count: number): string {
  const folder = join(root, 'wire');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(folder, `wire-${i}.txt`), `Wire report number ${i}\n\nLONDON (Reuters) - Item ${i} of the wire, officials said.\n`);
  }
  return folder;
}

test('the article count groups thousands and is current the moment an import finishes', async ({ app: page, host }) => {
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
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('main').getByRole('button', { name: 'Import folder…' }).click();
  await (await chooser).setFiles(folder);
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results).toContainText('Import finished: 1,200 imported');
  // Before the fix the count still said "0 articles" here and caught up a second later: each
  // commit's refresh of the whole list was cancelled by the next one.
  expect(await page.evaluate(() => (window as unknown as { countAtResults?: string }).countAtResults)).toBe('1,200 articles');
  await expect(page.getByRole('navigation').getByRole('status')).toHaveText('1,200 articles');
  await screenshot(page, 'import-count');
});

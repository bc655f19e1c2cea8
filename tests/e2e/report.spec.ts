import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TASS } from '../fixtures/tass';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';
import { checkScreen } from './screens';
import { importTass } from './seed';

const { refugeesRemain, returned, violence } = TASS.phrases;

test('a report of what the Passages view’s filter shows, saved as HTML and opened offline', async ({
  app: page,
  host,
  passages,
  context,
}) => {
  const tass = await importTass(host);
  await tass.mark(refugeesRemain, { tags: ['Syria / Refugees'], note: 'The UNHCR figure, <b>repeated</b>' });
  await tass.mark(returned, { tags: ['Syria / Refugees'] });
  await tass.mark(violence, { tags: ['Syria / Violence'] });
  await host.api('memos.set', { articleId: tass.id, text: 'Putin restates the UNHCR figure.' });

  await page.reload();
  await passages.open();
  await passages.filterByTag('Syria / Refugees');
  await expect(passages.rows).toHaveCount(2);
  await page.getByRole('region', { name: 'Passages view' }).getByRole('button', { name: 'Report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report' });
  await expect(dialog).toContainText('Quotes of the 2 passages the filter shows');
  await expect(dialog.getByRole('radio', { name: /Web page \(HTML\)/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Tag' })).toBeChecked();
  await checkScreen(page, 'report-dialog');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save report…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('report-passages.html');
  await expect(page.getByRole('status').filter({ hasText: 'Report saved to report-passages.html' })).toBeVisible();
  await expect(dialog).toBeHidden();

  // Opened as an analyst opens a file someone sent: from disk, with the network off.
  const path = join(host.dir, download.suggestedFilename());
  await download.saveAs(path);
  expect(readFileSync(path, 'utf8')).not.toMatch(/<script|(?:src|href)=["']?(?:https?:)?\/\//i);
  await context.setOffline(true);
  const report = await context.newPage();
  await report.setViewportSize({ width: 1024, height: 700 });
  await report.goto(`file://${path}`);
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Coded passages');
  await expect(report.getByRole('list', { name: 'Counts' }).getByRole('listitem')).toHaveText(['2quotes', '1article', '1outlet', '1tag']);
  const group = report.locator('#group-1');
  await expect(group.getByRole('heading', { level: 2 })).toHaveText('Syria / Refugees');
  await expect(group.locator('blockquote')).toHaveText([refugeesRemain, returned]);
  await expect(group.locator('.citation').first()).toHaveText(`${TASS.title}, TASS, 2020-11-09 · article memo`);
  await expect(group.locator('.note')).toHaveText('Note: The UNHCR figure, <b>repeated</b>');
  await expect(report.getByRole('group', { name: 'Tags by outlet' }).locator('svg')).toBeVisible();
  await expect(report.locator('#memos')).toContainText('Putin restates the UNHCR figure.');
  await expectNoSeriousA11yViolations(report, 'report (HTML)');
  await checkScreen(report, 'report-html');
  await report.close();
  await context.setOffline(false);
});

test.describe('a long report', () => {
  test.use({ reportHold: 0 });

  test('shows its progress and stops on Cancel report, leaving no file', async ({ app: page, host, codebook }) => {
    const tass = await importTass(host);
    await tass.mark(refugeesRemain, { tags: ['Syria / Refugees'] });
    await page.reload();
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await codebook.menu('Refugees', 'Report…');
    const dialog = page.getByRole('dialog', { name: 'Report' });
    await expect(dialog).toContainText('Quotes of Syria / Refugees');
    await dialog.getByRole('radio', { name: /Word document \(DOCX\)/ }).check();
    await dialog.getByRole('button', { name: 'Save report…' }).click();
    // Held once it has read its one passage: the job is visibly under way.
    await expect(dialog.getByRole('status')).toHaveText('Reading passages: 1 of 1');
    await expect(dialog.getByRole('progressbar', { name: 'Making the report' })).toBeVisible();
    await expect(dialog.getByRole('radio', { name: /Web page/ })).toBeDisabled();
    await checkScreen(page, 'report-progress');
    await dialog.getByRole('button', { name: 'Cancel report' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Report cancelled; no file was written.' })).toBeVisible();
    await expect(dialog).toBeHidden();
    expect(downloads).toEqual([]);
  });
});

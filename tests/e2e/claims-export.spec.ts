import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { TASS } from '../fixtures/tass';
import { expect, screenshot, test } from './fixtures';
import { importTass } from './seed';

/** Opens File ▸ Export…, picks a kind by its radio, runs it and reads the downloaded file. */
async function exportAs(page: Page, kind: RegExp, layout?: 'long'): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: kind }).click();
  if (layout) {
    await dialog.getByRole('combobox', { name: 'Layout' }).selectOption(layout);
    // Not checkScreen: the Layout select's dark-theme contrast is a known failure (a11y.spec, the export dialog).
    await screenshot(page, 'export-claims-long');
  }
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const download = await downloading;
  await expect(dialog).toHaveCount(0);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

test('claims export from the Export dialog as schema.org JSON-LD and as a CSV with a row per appearance', async ({ app: page, host }) => {
  const tass = await importTass(host);
  const phrase = TASS.phrases.refugeesRemain;
  const start = tass.text.indexOf(phrase);
  const claim = await host.api('claims.create', { articleId: tass.id, start, end: start + phrase.length });
  await page.reload();

  const jsonld = await exportAs(page, /^Claims \(schema\.org JSON-LD\)/);
  expect(jsonld.name).toBe('claims.jsonld');
  const doc = JSON.parse(jsonld.text) as { '@context': { '@vocab': string }; '@graph': Array<Record<string, unknown>> };
  expect(doc['@context']['@vocab']).toBe('https://schema.org/');
  expect(doc['@graph']).toHaveLength(1);
  expect(doc['@graph'][0]).toMatchObject({
    '@type': 'Claim',
    text: claim.statement,
    author: { '@type': 'Person', name: 'Vladimir Putin' },
    appearance: [{ '@type': 'Quotation', text: phrase, isPartOf: { '@type': 'NewsArticle', headline: TASS.title } }],
  });

  const csv = await exportAs(page, /^Claims \(CSV\)/, 'long');
  expect(csv.name).toBe('claims.csv');
  const rows = parse(csv.text, { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows.map((r) => [r.claim_id, r.article_title, r.quote, r.stance])).toEqual([[String(claim.id), TASS.title, phrase, 'attributes']]);
});

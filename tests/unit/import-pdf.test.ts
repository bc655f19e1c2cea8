import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../electron/core/import/pdf';
import { writePdf, type PdfLine } from '../fixtures/import/pdf-writer';
import { TASS } from '../fixtures/tass';

const blockTexts = (a: { text: string; blocks: { start: number; end: number }[] }) => a.blocks.map((b) => a.text.slice(b.start, b.end));

/** Three pages with a running header, page numbers, a heading, hyphenated line ends and a list. */
function report(): Buffer {
  const page = (n: number, body: PdfLine[]): PdfLine[] => [
    { text: 'Quarterly Field Report', x: 72, y: 760, size: 9 },
    ...body,
    { text: String(n), x: 300, y: 40, size: 9 },
  ];
  return writePdf([
    page(1, [
      { text: 'Water Supply in the North', x: 72, y: 700, size: 18 },
      { text: 'The survey covered forty villages where the inter-', x: 72, y: 660 },
      { text: 'national team measured wells and pumps during', x: 72, y: 646 },
      { text: 'the dry season.', x: 72, y: 632 },
      { text: 'A second paragraph starts after a wider gap and', x: 72, y: 604 },
      { text: 'runs on to the next page without a full stop', x: 72, y: 590 },
    ]),
    page(2, [
      { text: 'because the sentence continues here.', x: 72, y: 700 },
      { text: 'Findings', x: 72, y: 660, size: 14 },
      { text: '• Most wells were dry by August.', x: 90, y: 630 },
      { text: '• Pumps lacked spare parts.', x: 90, y: 616 },
    ]),
    page(3, [
      { text: 'The UN-', x: 72, y: 700 },
      { text: 'sponsored programme ends next year.', x: 72, y: 686 },
    ]),
  ]);
}

describe('PDF import', () => {
  it('rebuilds paragraphs, headings and list items from positioned text', async () => {
    const article = await parsePdf(new Uint8Array(report()), 'report.pdf');
    expect(article.title).toBe('Water Supply in the North');
    expect(article.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['heading', 2],
      ['list-item', 1],
      ['list-item', 1],
      ['paragraph', undefined],
    ]);
    expect(blockTexts(article)).toEqual([
      'The survey covered forty villages where the international team measured wells and pumps during the dry season.',
      'A second paragraph starts after a wider gap and runs on to the next page without a full stop because the sentence continues here.',
      'Findings',
      'Most wells were dry by August.',
      'Pumps lacked spare parts.',
      'The UN-sponsored programme ends next year.',
    ]);
    expect(article.text).not.toMatch(/Quarterly Field Report|^\d$/m);
    expect(article).toMatchObject({ format: 'pdf', encoding: null, language: 'en' });
  });

  it('parses several PDFs at once (the pool sends a worker more than one file)', async () => {
    const tass = new Uint8Array(readFileSync(TASS.pdf));
    const results = await Promise.all([report(), tass, report(), tass].map((b, i) => parsePdf(new Uint8Array(b), `${i}.pdf`)));
    expect(results.map((a) => a.title)).toEqual(['Water Supply in the North', TASS.title, 'Water Supply in the North', TASS.title]);
  });

  it('leaves the caller its bytes (pdfjs must not detach them)', async () => {
    const bytes = new Uint8Array(report());
    await parsePdf(bytes, 'report.pdf');
    expect(bytes.length).toBeGreaterThan(0);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('refuses a damaged PDF with the reason', async () => {
    const truncated = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/import/bad/truncated.pdf')));
    await expect(parsePdf(truncated, 'truncated.pdf')).rejects.toThrow('the PDF is damaged (invalid PDF structure)');
  });

  it('says when a PDF has no text layer', async () => {
    await expect(parsePdf(new Uint8Array(writePdf([[]])), 'scan.pdf')).rejects.toThrow(/the PDF has no text layer/);
  });
});

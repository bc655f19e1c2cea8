import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../electron/core/import/docx';
import { parseFile } from '../../electron/core/import/formats';
import { parseOdt } from '../../electron/core/import/odt';
import type { ParsedArticle } from '../../electron/core/model';
import { writeZip } from '../fixtures/import/zip-writer';
import { TASS } from '../fixtures/tass';

const shape = (a: ParsedArticle) => a.blocks.map((b) => [b.kind, b.level, a.text.slice(b.start, b.end)]);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string, style?: string, numLevel?: number) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numLevel !== undefined ? `<w:numPr><w:ilvl w:val="${numLevel}"/><w:numId w:val="1"/></w:numPr>` : ''}</w:pPr>` +
  `<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

function docx(body: string, opts: { styles?: string; core?: string } = {}): Uint8Array {
  return new Uint8Array(
    writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      {
        name: 'word/document.xml',
        data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
      },
      ...(opts.styles ? [{ name: 'word/styles.xml', data: `<w:styles ${W}>${opts.styles}</w:styles>` }] : []),
      ...(opts.core
        ? [
            {
              name: 'docProps/core.xml',
              data: `<cp:coreProperties xmlns:cp="urn:cp" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">${opts.core}</cp:coreProperties>`,
            },
          ]
        : []),
    ]),
  );
}

describe('DOCX', () => {
  it('maps styles to headings, quotes and lead, numbering to list items, and reads core properties', async () => {
    const bytes = docx(
      para('Main title', 'Title') +
        para('A subtitle that introduces the story', 'Subtitle') +
        para('Body paragraph with <w:r><w:t>two runs</w:t></w:r>') +
        para('Ueberschrift', 'berschrift1') +
        para('Quoted words', 'Quote') +
        para('First item', undefined, 0) +
        para('Nested item', undefined, 1) +
        `<w:tbl><w:tr><w:tc>${para('cell a')}</w:tc><w:tc>${para('cell b')}</w:tc></w:tr></w:tbl>` +
        `<w:p><w:r><w:t>kept</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del><w:r><w:tab/><w:t>after tab</w:t></w:r></w:p>`,
      {
        // A German Word names its heading style id "berschrift1"; the style name stays "heading 1".
        styles: '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>',
        core: '<dc:title>Declared title</dc:title><dc:creator>Ann Author</dc:creator><dcterms:created>2021-05-06T07:08:09Z</dcterms:created>',
      },
    );
    const article = await parseDocx(bytes, 'doc.docx');
    expect(article).toMatchObject({ title: 'Declared title', byline: 'Ann Author', published: '2021-05-06T07:08:09Z', format: 'docx' });
    expect(shape(article)).toEqual([
      ['heading', 1, 'Main title'],
      ['lead', undefined, 'A subtitle that introduces the story'],
      ['paragraph', undefined, 'Body paragraph with two runs'],
      ['heading', 1, 'Ueberschrift'],
      ['quote', undefined, 'Quoted words'],
      ['list-item', 1, 'First item'],
      ['list-item', 2, 'Nested item'],
      ['paragraph', undefined, 'cell a | cell b'],
      ['paragraph', undefined, 'kept after tab'],
    ]);
  });

  it('takes a Title-styled first paragraph as the title when core.xml has none', async () => {
    const article = await parseDocx(docx(para('Styled title', 'Title') + para('Text.')), 'x.docx');
    expect(article.title).toBe('Styled title');
    expect(article.text).toBe('Text.');
  });

  it('reads the TASS article saved as .docx', async () => {
    const article = await parseFile(new Uint8Array(readFileSync(TASS.docx)), 'tass.docx');
    expect(article.title).toBe(TASS.title);
    expect(article.blocks).toHaveLength(11);
  });
});

const ODT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';

function odt(body: string, meta = '', mimetype = 'application/vnd.oasis.opendocument.text'): Uint8Array {
  return new Uint8Array(
    writeZip([
      { name: 'mimetype', data: mimetype, store: true },
      {
        name: 'content.xml',
        data: `<office:document-content ${ODT_NS}><office:automatic-styles><style:style style:name="P1" style:parent-style-name="Quotations"/></office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
      },
      {
        name: 'meta.xml',
        data: `<office:document-meta ${ODT_NS} xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>${meta}</office:meta></office:document-meta>`,
      },
    ]),
  );
}

describe('ODT', () => {
  it('maps text:h, text:p, lists and quotations, expands spaces and skips annotations', async () => {
    const article = await parseOdt(
      odt(
        '<text:h text:outline-level="1">Heading one</text:h>' +
          '<text:p>Two<text:s text:c="3"/>spaces<text:tab/>tab<office:annotation><text:p>a comment</text:p></office:annotation></text:p>' +
          '<text:h text:outline-level="2">Heading two</text:h>' +
          '<text:p text:style-name="P1">A quotation.</text:p>' +
          '<text:list><text:list-item><text:p>Item</text:p><text:list><text:list-item><text:p>Sub item</text:p></text:list-item></text:list></text:list-item></text:list>',
        '<dc:title>Meta title</dc:title><meta:initial-creator>Olga</meta:initial-creator><meta:creation-date>2020-01-02T03:04:05</meta:creation-date>',
      ),
      'x.odt',
    );
    expect(article).toMatchObject({ title: 'Meta title', byline: 'Olga', published: '2020-01-02T03:04:05', format: 'odt' });
    expect(shape(article)).toEqual([
      ['heading', 1, 'Heading one'],
      ['paragraph', undefined, 'Two spaces tab'],
      ['heading', 2, 'Heading two'],
      ['quote', undefined, 'A quotation.'],
      ['list-item', 1, 'Item'],
      ['list-item', 2, 'Sub item'],
    ]);
  });

  it('refuses other OpenDocument kinds', async () => {
    await expect(parseOdt(odt('', '', 'application/vnd.oasis.opendocument.spreadsheet'), 'x.odt')).rejects.toThrow(
      'this is not an OpenDocument text (it is application/vnd.oasis.opendocument.spreadsheet)',
    );
  });

  it('reads the TASS article saved as .odt', async () => {
    const article = await parseFile(new Uint8Array(readFileSync(TASS.odt)), 'tass.odt');
    expect(article).toMatchObject({ format: 'odt', outlet: 'TASS', place: 'NOVO-OGARYOVO', published: '--11-09' });
  });
});

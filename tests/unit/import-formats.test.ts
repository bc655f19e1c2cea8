import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../electron/core/import/errors';
import { MAX_TEXT_FILE_BYTES, SUPPORTED_EXTENSIONS, parseFile } from '../../electron/core/import/formats';
import { writeZip, zeroBomb } from '../fixtures/import/zip-writer';
import { TASS } from '../fixtures/tass';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const read = (path: string) => new Uint8Array(readFileSync(join(fixtures, path)));

describe('parseFile dispatch', () => {
  it.each([
    ['txt', TASS.path],
    ['docx', TASS.docx],
    ['odt', TASS.odt],
    ['pdf', TASS.pdf],
  ])('the TASS article as .%s gives it with its metadata', async (format, file) => {
    const article = await parseFile(new Uint8Array(readFileSync(file)), basename(file));
    // The dateline gives day and month; the file name's date agrees and gives the year.
    expect(article).toMatchObject({ title: TASS.title, format, outlet: 'TASS', place: 'NOVO-OGARYOVO', published: '2020-11-09' });
    expect(article.language).toMatch(/^en/);
    expect(article.blocks[0]!.kind).toBe('lead');
    const texts = article.blocks.map((b) => article.text.slice(b.start, b.end));
    expect(texts).toContain('Reconstruction work');
    expect(texts[1]).toMatch(/^NOVO-OGARYOVO, November 9\. \/TASS\/\. The work on a settlement in Syria/);
    expect(article.text).toContain('"Unfortunately, over 6.5 million refugees remain outside Syria," Putin noted');
    expect(article.text).not.toMatch(/All news/);
    expect(article.encoding).toBe(format === 'txt' ? 'utf-8' : null);
  });

  it('imports a PDF named .docx as a PDF', async () => {
    const article = await parseFile(read('bad/pdf-named-as.docx'), 'pdf-named-as.docx');
    expect(article).toMatchObject({ format: 'pdf', title: TASS.title });
  });

  it('exports the supported extensions', () => {
    expect([...SUPPORTED_EXTENSIONS]).toEqual(['.txt', '.md', '.html', '.htm', '.docx', '.odt', '.pdf']);
  });

  it('treats a .txt that is really a saved web page as HTML', async () => {
    const page = '<!DOCTYPE html><html><head><title>Saved</title></head><body><p>Body text of the saved page.</p></body></html>';
    expect(await parseFile(new Uint8Array(Buffer.from(page)), 'saved.txt')).toMatchObject({ format: 'html', title: 'Saved' });
  });
});

describe('files that must be refused with a clear reason', () => {
  const refusal = async (bytes: Uint8Array, name: string) => {
    const error = await parseFile(bytes, name).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as Error).message;
    expect(message).not.toContain(name); // the pipeline prefixes the file name
    return message;
  };

  it.each([
    ['bad/empty.txt', 'the file is empty'],
    ['bad/random-bytes.txt', 'this looks like binary data, not text'],
    ['bad/fake.docx', 'this is not a Word document (it is plain text)'],
    ['bad/truncated.docx', /^the Word document is damaged \(it is cut off/],
    ['bad/truncated.pdf', 'the PDF is damaged (invalid PDF structure)'],
  ])('%s', async (file, expected) => {
    const message = await refusal(read(file), file.split('/').pop()!);
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });

  it('an unsupported extension names the ones that are', async () => {
    expect(await refusal(new Uint8Array(Buffer.from('hello')), 'notes.xyz')).toBe(
      'unsupported file type .xyz (Marginalia imports .txt, .md, .html, .htm, .docx, .odt, .pdf)',
    );
  });

  it('a zip that is not a Word document', async () => {
    const zip = writeZip([{ name: 'readme.txt', data: 'hello' }]);
    expect(await refusal(new Uint8Array(zip), 'x.docx')).toBe('this is not a Word document (no word/document.xml inside)');
    expect(await refusal(new Uint8Array(Buffer.from('plain words')), 'x.odt')).toBe('this is not an OpenDocument text (it is plain text)');
    expect(await refusal(new Uint8Array(Buffer.from('plain words')), 'x.pdf')).toBe('this is not a PDF (it is plain text)');
    expect(await refusal(new Uint8Array(zip), 'x.txt')).toBe('this is not a text file (it is a zip archive)');
  });

  it('a Word zip bomb, quickly and with bounded memory', async () => {
    const bomb = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', deflated: zeroBomb(80_000_000) },
    ]);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect(await refusal(new Uint8Array(bomb), 'bomb.docx')).toBe(
      'an entry of the archive inflates beyond the 64 MB limit — refused as a possible zip bomb',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200_000_000);
  });

  it('a 40 MB one-line text file, by the documented size limit', async () => {
    const huge = new Uint8Array(Buffer.from('word '.repeat(8_000_000)));
    const started = performance.now();
    expect(await refusal(huge, 'huge.txt')).toBe('the file is 40 MB; the limit for text files is 32 MB');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a one-line text just under the limit imports quickly', async () => {
    const big = new Uint8Array(Buffer.from('word '.repeat(Math.floor((MAX_TEXT_FILE_BYTES - 10) / 5))));
    const started = performance.now();
    const article = await parseFile(big, 'big.txt');
    expect(article.blocks).toHaveLength(1);
    expect(article.text.length).toBe(big.length - 1); // the trailing space is trimmed
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

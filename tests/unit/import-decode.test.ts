import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../electron/core/import/decode';
import { parseFile } from '../../electron/core/import/formats';

const dir = join(import.meta.dirname, '../fixtures/import/encodings');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

const twins: [file: string, expected: string, encoding: string][] = [
  ['ru-refugees.cp1251.txt', 'ru-refugees.txt', 'windows-1251'],
  ['ru-refugees.utf16le-bom.txt', 'ru-refugees.txt', 'utf-16le'],
  ['ru-refugees.utf8-bom.txt', 'ru-refugees.txt', 'utf-8'],
  ['ru-refugees-plain.koi8r.txt', 'ru-refugees-plain.txt', 'koi8-r'],
  ['tass.cp1252.txt', 'tass.txt', 'windows-1252'],
  ['tass.crlf.txt', 'tass.txt', 'utf-8'],
];

describe('decodeText', () => {
  it.each(twins)('%s decodes to the text of expected/%s', async (file, expected, encoding) => {
    const decoded = decodeText(read(file));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.trimEnd()).toBe(decodeText(read(`expected/${expected}`)).text.trimEnd());
    expect(decoded.text).not.toMatch(/\r|\ufeff/);
    const article = await parseFile(read(file), file);
    const twin = await parseFile(read(`expected/${expected}`), expected);
    expect({ title: article.title, text: article.text }).toEqual({ title: twin.title, text: twin.text });
    expect(article.encoding).toBe(encoding);
  });

  it('tells Windows-1251 from KOI8-R on short Russian texts', () => {
    for (const phrase of ['Привет, мир', 'МОСКВА', 'Съешь же ещё этих мягких французских булок, да выпей чаю.']) {
      for (const encoding of ['windows-1251', 'koi8-r']) {
        const decoded = decodeText(new Uint8Array(iconv.encode(phrase, encoding)));
        expect(decoded, `${phrase} in ${encoding}`).toEqual({ text: phrase, encoding });
      }
    }
  });

  it('reads Latin-1 era accents as Windows-1252', () => {
    const text = 'Café crème à la française — naïve résumé, 5 €';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'windows-1252')))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('reads UTF-16 big-endian with a BOM and UTF-16 without one', () => {
    const text = 'Hello, мир';
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeText(new Uint8Array(be))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeText(new Uint8Array(Buffer.from('Plain English text, no BOM.', 'utf16le')))).toEqual({
      text: 'Plain English text, no BOM.',
      encoding: 'utf-16le',
    });
  });

  it('follows the charset a web page declares when it is not UTF-8', async () => {
    const page =
      '<html><head><meta charset="windows-1251"><title>Новости</title></head><body><p>Текст страницы о беженцах.</p></body></html>';
    const article = await parseFile(new Uint8Array(iconv.encode(page, 'windows-1251')), 'page.html');
    expect(article).toMatchObject({ title: 'Новости', encoding: 'windows-1251', language: 'ru' });
    expect(article.text).toBe('Текст страницы о беженцах.');
  });

  it('normalises line ends and composes to NFC', () => {
    const decoded = decodeText(new Uint8Array(Buffer.from('a\r\nb\rc\ne\u0301', 'utf8')));
    expect(decoded.text).toBe('a\nb\nc\n\u00e9');
  });

  it('refuses empty files and binary noise with a clear reason', () => {
    expect(() => decodeText(new Uint8Array())).toThrow('the file is empty');
    const bad = join(import.meta.dirname, '../fixtures/import/bad/random-bytes.txt');
    expect(() => decodeText(new Uint8Array(readFileSync(bad)))).toThrow('this looks like binary data, not text');
    expect(() => decodeText(new Uint8Array(Buffer.from('text\u0000with\u0000nuls\u0001\u0002\u0003')))).toThrow(/binary data/);
  });
});

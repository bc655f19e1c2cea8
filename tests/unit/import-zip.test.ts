import { describe, expect, it } from 'vitest';
import { ImportError } from '../../electron/core/import/errors';
import { parseFile } from '../../electron/core/import/formats';
import { NotZipError, listZip, readZip } from '../../electron/core/import/zip';
import { writeZip, zeroBomb } from '../fixtures/import/zip-writer';

const u8 = (b: Buffer) => new Uint8Array(b);

describe('readZip', () => {
  it('reads only the wanted entries, stored or deflated', async () => {
    const zip = writeZip([
      { name: 'a.xml', data: '<a/>' },
      { name: 'b.xml', data: 'stored bytes', store: true },
      { name: 'skip/me.bin', data: 'x'.repeat(1000) },
      { name: 'dir/', data: '' },
    ]);
    const entries = await readZip(u8(zip), { wanted: (name) => name.endsWith('.xml') });
    expect([...entries.keys()]).toEqual(['a.xml', 'b.xml']);
    expect(Buffer.from(entries.get('b.xml')!).toString()).toBe('stored bytes');
    expect(await listZip(u8(zip))).toEqual(['a.xml', 'b.xml', 'skip/me.bin', 'dir/']);
  });

  it.each([
    ['../../etc/passwd', 'a parent folder'],
    ['docs/../../escape.xml', 'a parent folder further in'],
    ['/etc/passwd', 'an absolute path'],
    ['C:/Windows/win.ini', 'a drive letter'],
    // Windows separators are read as folders, and the message shows the name that way.
    ['..\\..\\evil.xml', 'backslashes', '../../evil.xml'],
  ])('refuses an archive with the unsafe entry name %s (%s), saying so', async (name, _what, shown = name) => {
    const zip = writeZip([
      { name: 'a.xml', data: '<a/>' },
      { name, data: 'root' },
    ]);
    const error = await readZip(u8(zip), { wanted: () => true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).not.toBeInstanceOf(NotZipError);
    expect((error as Error).message).toBe(`the archive contains an unsafe path: ${shown}`);
  });

  it('says a Word document with an unsafe entry name is unsafe, not damaged', async () => {
    const zip = writeZip([
      { name: 'word/document.xml', data: '<w:document xmlns:w="urn:w"><w:body/></w:document>' },
      { name: '../../etc/passwd', data: 'root' },
    ]);
    await expect(parseFile(u8(zip), 'report.docx')).rejects.toThrow(/^the archive contains an unsafe path: \.\.\/\.\.\/etc\/passwd$/);
  });

  it('refuses an entry whose header admits it is too big, without inflating it', async () => {
    const zip = writeZip([{ name: 'big.xml', deflated: zeroBomb(10_000_000) }]);
    await expect(readZip(u8(zip), { wanted: () => true, maxEntryBytes: 1_000_000 })).rejects.toThrow(
      'an entry of the archive inflates beyond the 1 MB limit — refused as a possible zip bomb',
    );
  });

  it('counts inflated bytes itself when the header lies about the size', async () => {
    const zip = writeZip([{ name: 'liar.xml', deflated: zeroBomb(10_000_000), declaredSize: 100 }]);
    await expect(readZip(u8(zip), { wanted: () => true, maxEntryBytes: 1_000_000 })).rejects.toThrow(/inflates beyond the 1 MB limit/);
  });

  it('caps the total across entries', async () => {
    const zip = writeZip(Array.from({ length: 5 }, (_, i) => ({ name: `part${i}.xml`, deflated: zeroBomb(400_000) })));
    await expect(readZip(u8(zip), { wanted: () => true, maxTotalBytes: 1_000_000 })).rejects.toThrow(
      'the archive inflates beyond the 1 MB limit — refused as a possible zip bomb',
    );
  });

  it('caps the entry count', async () => {
    const zip = writeZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    await expect(readZip(u8(zip), { wanted: () => true, maxEntries: 10 })).rejects.toThrow('the archive has more than 10 entries');
  });

  it('reports damaged and non-zip input', async () => {
    const zip = writeZip([{ name: 'a.xml', data: '<a/>'.repeat(100) }]);
    await expect(readZip(u8(zip.subarray(0, zip.length - 30)), { wanted: () => true })).rejects.toThrow(
      /^the zip archive is damaged \(it is cut off/,
    );
    await expect(readZip(new Uint8Array(Buffer.from('not a zip')), { wanted: () => true })).rejects.toThrow(
      'the zip archive is damaged (it is not a zip archive)',
    );
  });
});

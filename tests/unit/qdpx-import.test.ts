import { XMLParser } from 'fast-xml-parser';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarginaliaError } from '../../electron/core/errors';
import { qdpxFromFile } from '../../electron/core/export/commands';
import { createParsePool } from '../../electron/core/import/parse-pool';
import { runImport } from '../../electron/core/import/pipeline';
import { readZip } from '../../electron/core/import/zip';
import { checkLibrary } from '../../electron/core/library/check';
import { openLibrary, type Library } from '../../electron/core/library/open';
import { stats } from '../../electron/core/stats';
import { listTags } from '../../electron/core/tags/queries';
import { writeZip } from '../fixtures/import/zip-writer';
import { SEED_NOW, seedLibrary } from '../fixtures/qdpx/seed';
import { FIXTURES, tempDir } from './helpers';

const DEMO = join(FIXTURES, 'qdpx', 'demo.qdpx');
const NVIVO = join(FIXTURES, 'qdpx', 'nvivo-export.qdpx');

function library(dir: string, name = 'library.marginalia'): Library {
  return openLibrary(join(dir, name), { clock: () => new Date(SEED_NOW) });
}

/** Code paths of a project's codebook, read with a real XML parser independent of the importer. */
async function codebookPaths(qdpx: string): Promise<string[]> {
  const entries = await readZip(readFileSync(qdpx), { wanted: (n) => n === 'project.qde' });
  const xml = new TextDecoder().decode(entries.get('project.qde'));
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'Code' }).parse(xml);
  const paths: string[] = [];
  const walk = (codes: Array<Record<string, unknown>> | undefined, prefix: string): void => {
    for (const code of codes ?? []) {
      const path = prefix + (code['@_name'] as string);
      paths.push(path);
      walk(code.Code as Array<Record<string, unknown>> | undefined, `${path} / `);
    }
  };
  walk(parsed.Project.CodeBook.Codes.Code, '');
  return paths.sort();
}

const libraryPaths = (lib: Library): string[] =>
  listTags(lib.db)
    .map((t) => t.path)
    .sort();

describe('REFI-QDA import', () => {
  it('demo.qdpx: 2 articles, 158 passages whose quotes are the text at their offsets, the codebook whole', async () => {
    const lib = library(tempDir());
    const report = await qdpxFromFile(lib, DEMO);
    expect(report.imported).toHaveLength(2);
    expect(report.passages).toBe(158);
    expect(stats(lib.db)).toMatchObject({ articles: 2, passages: 158 });
    const passages = lib.db
      .prepare('SELECT p.start, p."end", p.exact, a.text FROM passages p JOIN articles a ON a.id = p.article_id')
      .all() as Array<{
      start: number;
      end: number;
      exact: string;
      text: string;
    }>;
    for (const p of passages) expect(p.exact).toBe(p.text.slice(p.start, p.end));
    expect(passages.every((p) => p.exact.length > 0)).toBe(true);
    expect(libraryPaths(lib)).toEqual(await codebookPaths(DEMO));
    // Every passage of the demo carries at least one code.
    expect(lib.db.prepare('SELECT count(*) FROM passages WHERE id NOT IN (SELECT passage_id FROM passage_tags)').pluck().get()).toBe(0);
    expect(checkLibrary(lib.db)).toEqual([]);
    lib.close();
  });

  it('nvivo-export.qdpx: its codebook whole; its empty sources are reported, not imported', async () => {
    const lib = library(tempDir());
    const report = await qdpxFromFile(lib, NVIVO);
    const paths = await codebookPaths(NVIVO);
    expect(paths.length).toBeGreaterThan(100);
    expect(libraryPaths(lib)).toEqual(paths);
    expect(report.tags.created).toBe(paths.length);
    expect(report.imported).toEqual([]);
    expect(report.skipped.filter((s) => /is empty/.test(s))).toHaveLength(2);
    lib.close();
  });

  it('importing the same project twice changes nothing the second time', async () => {
    const lib = library(tempDir());
    await qdpxFromFile(lib, DEMO);
    const before = stats(lib.db);
    const again = await qdpxFromFile(lib, DEMO);
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toHaveLength(2);
    expect(again.passages).toBe(0);
    expect(stats(lib.db)).toEqual(before);
    lib.close();
  });

  it('converts character positions of a CRLF source with astral characters to offsets in the "\\n" text', async () => {
    const dir = tempDir();
    const source = 'Line one 😀 here.\r\nЛиния два — 6,5 млн.\r\n\r\nתודה and the end.';
    const chars = [...source];
    const select = (quote: string): [number, number] => {
      const start = chars.join('').indexOf(quote);
      const cpStart = [...source.slice(0, start)].length;
      return [cpStart, cpStart + [...quote].length];
    };
    const [s1, e1] = select('here.\r\nЛиния');
    const [s2, e2] = select('תודה and');
    const qde = project(
      `<CodeBook><Codes><Code guid="${G(1)}" name="A/B" isCodable="true" color="#abc"/></Codes></CodeBook>` +
        `<Sources><TextSource guid="${G(2)}" name="Crlf" plainTextPath="internal://crlf.txt">` +
        `<PlainTextSelection guid="${G(3)}" startPosition="${s1}" endPosition="${e1}"><Description>first&#13;&#10;note</Description><Coding guid="${G(4)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>` +
        `<PlainTextSelection guid="${G(5)}" startPosition="${s2}" endPosition="${e2}"/>` +
        `</TextSource></Sources>`,
    );
    const file = join(dir, 'crlf.qdpx');
    writeFileSync(
      file,
      writeZip([
        { name: 'project.qde', data: qde },
        { name: 'sources/crlf.txt', data: `\ufeff${source}` },
      ]),
    );
    const lib = library(dir);
    await qdpxFromFile(lib, file);
    const article = lib.db.prepare('SELECT text, uid FROM articles').get() as { text: string; uid: string };
    expect(article.text).toBe(source.replaceAll('\r\n', '\n'));
    expect(article.uid).toBe(G(2));
    const rows = lib.db.prepare('SELECT uid, exact, note, start, "end" FROM passages ORDER BY start').all() as Array<{
      uid: string;
      exact: string;
      note: string;
      start: number;
      end: number;
    }>;
    expect(rows.map((r) => r.exact)).toEqual(['here.\nЛиния', 'תודה and']);
    for (const r of rows) expect(article.text.slice(r.start, r.end)).toBe(r.exact);
    expect(rows[0]).toMatchObject({ uid: G(3), note: 'first\r\nnote' });
    const tag = lib.db.prepare('SELECT name, color FROM tags').get();
    expect(tag).toEqual({ name: 'A\u2215B', color: '#aabbcc' });
    lib.close();
  });

  it('a .qdpx goes through the normal import path, alone or inside a folder', async () => {
    const dir = tempDir();
    const folder = join(dir, 'projects');
    mkdirSync(folder);
    copyFileSync(DEMO, join(folder, 'demo.qdpx'));
    copyFileSync(NVIVO, join(folder, 'nvivo.QDPX'));
    const lib = library(dir);
    const pool = createParsePool({ size: 1 });
    try {
      const report = await runImport(lib.db, lib.clock, pool, [folder]);
      expect(report.imported.map((a) => a.file)).toEqual([join(folder, 'demo.qdpx'), join(folder, 'demo.qdpx')]);
      expect(report.failed).toEqual([]);
      expect(stats(lib.db)).toMatchObject({ articles: 2, passages: 158 });
      const broken = join(dir, 'broken.qdpx');
      writeFileSync(broken, 'not a zip');
      const second = await runImport(lib.db, lib.clock, pool, [broken]);
      expect(second.failed).toEqual([{ file: broken, error: expect.stringMatching(/^broken\.qdpx: the zip archive is damaged/) }]);
    } finally {
      await pool.close();
      lib.close();
    }
  });
});

/** `size` zeros deflated fast (level 1): about 1 MB that inflates to `size` bytes. */
const zeros = (size: number) => ({ bytes: deflateRawSync(Buffer.alloc(size), { level: 1 }), size });
const G = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const project = (body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t">${body}</Project>`;
const simpleSource = (path: string, start = 0, end = 4): string =>
  `<Sources><TextSource guid="${G(2)}" name="S" plainTextPath="${path}"><PlainTextSelection guid="${G(3)}" startPosition="${start}" endPosition="${end}"/></TextSource></Sources>`;

describe('REFI-QDA import refuses damaged and hostile projects whole', () => {
  const cases: Array<[string, () => Buffer, RegExp]> = [
    [
      'an entry path that climbs out',
      () =>
        writeZip([
          { name: 'project.qde', data: project(simpleSource('internal://x.txt')) },
          { name: 'sources/x.txt', data: 'text here' },
          { name: '../../evil.txt', data: 'evil' },
        ]),
      /the archive contains an unsafe path: \.\.\/\.\.\/evil\.txt\. Nothing was imported/,
    ],
    [
      'a source path that climbs out',
      () => writeZip([{ name: 'project.qde', data: project(simpleSource('internal://../../evil.txt')) }]),
      /points outside the project \(internal:\/\/\.\.\/\.\.\/evil\.txt\) — refused/,
    ],
    [
      'an absolute source path',
      () => writeZip([{ name: 'project.qde', data: project(simpleSource('file:///etc/passwd')) }]),
      /points outside the project/,
    ],
    [
      'a missing source',
      () => writeZip([{ name: 'project.qde', data: project(simpleSource('internal://gone.txt')) }]),
      /sources\/gone\.txt\) is missing from the archive/,
    ],
    [
      'a position beyond the text',
      () =>
        writeZip([
          { name: 'project.qde', data: project(simpleSource('internal://x.txt', 2, 99)) },
          { name: 'sources/x.txt', data: 'short' },
        ]),
      /covers characters 2–99, outside its text \(5 characters\)/,
    ],
    [
      'an inflate bomb',
      () =>
        writeZip([
          { name: 'project.qde', data: project(simpleSource('internal://x.txt')) },
          { name: 'sources/x.txt', deflated: zeros(300_000_000) },
        ]),
      /zip bomb/,
    ],
    [
      'a DOCTYPE (entity expansion)',
      () => writeZip([{ name: 'project.qde', data: `<!DOCTYPE p [<!ENTITY a "aaaa">]>${project('')}` }]),
      /DOCTYPE/,
    ],
    [
      'XML that is not well-formed',
      () => writeZip([{ name: 'project.qde', data: '<Project name="x"><Sources></Project>' }]),
      /not well-formed XML \(line 1/,
    ],
    ['no project.qde', () => writeZip([{ name: 'other.xml', data: '<x/>' }]), /no project\.qde inside/],
    [
      'a selection naming no position',
      () =>
        writeZip([
          { name: 'project.qde', data: project(simpleSource('internal://x.txt').replace('startPosition="0"', 'startPosition="-1"')) },
          { name: 'sources/x.txt', data: 'text here' },
        ]),
      /no valid startPosition/,
    ],
  ];

  it.each(cases)('%s: a clear error, and the library is unchanged', async (_what, build, message) => {
    const dir = tempDir();
    const lib = library(dir);
    seedLibrary(lib);
    const before = {
      stats: stats(lib.db),
      tags: libraryPaths(lib),
      codings: lib.db.prepare('SELECT count(*) FROM passage_tags').pluck().get(),
    };
    const file = join(dir, 'hostile.qdpx');
    writeFileSync(file, build());
    const error = await qdpxFromFile(lib, file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MarginaliaError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^hostile\.qdpx: .*Nothing was imported\.$/s);
    expect({
      stats: stats(lib.db),
      tags: libraryPaths(lib),
      codings: lib.db.prepare('SELECT count(*) FROM passage_tags').pluck().get(),
    }).toEqual(before);
    expect(checkLibrary(lib.db)).toEqual([]);
    lib.close();
  });
});

import { parse } from 'csv-parse/sync';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarginaliaError } from '../../electron/core/errors';
import { exportAnnotations } from '../../electron/core/export/annotations';
import { claimsCsvToFile, linksCsvToFile, passagesCsvToFile } from '../../electron/core/export/commands';
import { neutralise } from '../../electron/core/export/csv';
import { PASSAGE_COLUMNS, type PassagesCsvOptions } from '../../electron/core/export/csv-passages';
import { writeFileAtomically } from '../../electron/core/export/output';
import { tagIdsForPaths } from '../../electron/core/export/passage-filter';
import { openLibrary, type Library } from '../../electron/core/library/open';
import { SEED_NOW, TEXTS, seedLibrary } from '../fixtures/qdpx/seed';
import { tempDir } from './helpers';

/** The passages CSV as text, exported through a file as the app does. */
async function passagesCsvText(lib: Library, options: PassagesCsvOptions): Promise<{ csv: string; rows: number }> {
  const path = join(tempDir(), 'passages.csv');
  const { rows } = await passagesCsvToFile(lib, path, options);
  return { csv: readFileSync(path, 'utf8'), rows };
}

function seeded(): { lib: Library; dir: string; seed: ReturnType<typeof seedLibrary> } {
  const dir = tempDir();
  const lib = openLibrary(join(dir, 'library.marginalia'), { clock: () => new Date(SEED_NOW) });
  const seed = seedLibrary(lib);
  return { lib, dir, seed };
}

/** Every row exactly as the library holds it, as strings, text cells neutralised as the CSV promises. */
function expectedWide(lib: Library): string[][] {
  const cell = (value: unknown): string =>
    value === null || value === undefined ? '' : typeof value === 'string' ? neutralise(value) : String(value);
  const rows = lib.db
    .prepare(
      `SELECT p.id, p.article_id, a.title, a.outlet, a.published, a.place, a.url,
              (SELECT group_concat(path, '; ') FROM (SELECT CASE WHEN t.parent_id IS NULL THEN t.name ELSE pt2.name || ' / ' || t.name END AS path
                 FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id LEFT JOIN tags pt2 ON pt2.id = t.parent_id
                 WHERE pt.passage_id = p.id ORDER BY coalesce(pt2.position, t.position), t.parent_id IS NOT NULL, t.position)) AS tags,
              p.exact, p.note, p.start, p."end", p.prefix, p.suffix,
              (SELECT group_concat(claim_id, '; ') FROM (SELECT claim_id FROM claim_appearances WHERE passage_id = p.id ORDER BY claim_id)) AS claim_ids,
              (SELECT group_concat(statement, char(10)) FROM (SELECT c.statement FROM claim_appearances ca JOIN claims c ON c.id = ca.claim_id
                 WHERE ca.passage_id = p.id ORDER BY c.id)) AS claim_statements,
              p.created_at, p.updated_at, (SELECT name FROM coders WHERE id = p.coder_id) AS coder
       FROM passages p JOIN articles a ON a.id = p.article_id ORDER BY p.article_id, p.start, p.id`,
    )
    .raw()
    .all() as unknown[][];
  return rows.map((row) => row.map(cell));
}

function pythonRows(path: string): string[][] {
  const script =
    'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f:\n    json.dump(list(csv.reader(f)), sys.stdout)';
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as string[][];
}

describe('CSV of tagged passages', () => {
  it('parses back with Python and csv-parse to exactly the rows stored, quotes, line breaks and scripts included', async () => {
    const { lib, dir } = seeded();
    const path = join(dir, 'passages.csv');
    const result = await passagesCsvToFile(lib, path, {});
    expect(result).toEqual({ path, rows: 6 });
    const expected = [[...PASSAGE_COLUMNS.wide], ...expectedWide(lib)];
    const python = pythonRows(path);
    // The context columns hold the stored prefix and suffix cut to whole words (export-csv-context.test.ts).
    const [before, after] = [PASSAGE_COLUMNS.wide.indexOf('context_before'), PASSAGE_COLUMNS.wide.indexOf('context_after')];
    for (const [i, row] of python.slice(1).entries()) {
      expect(expected[i + 1]![before]!.endsWith(row[before]!), JSON.stringify([expected[i + 1]![before], row[before]])).toBe(true);
      expect(expected[i + 1]![after]!.startsWith(row[after]!)).toBe(true);
      expected[i + 1]![before] = row[before]!;
      expected[i + 1]![after] = row[after]!;
    }
    expect(python).toEqual(expected);
    expect(parse(readFileSync(path), { bom: true, relax_column_count: false })).toEqual(expected);
    // The texts that make CSV hard really are in there.
    const flat = expected.flat().join('|');
    for (const piece of ['"double quotes"', 'line\nbreak', '😀', 'Беженцы', 'اللاجئون', 'עברית', '🇸🇾', 'q\u0307'])
      expect(flat).toContain(piece);
    lib.close();
  });

  it('writes a UTF-8 BOM and CRLF records by default, and no BOM with bom: false', async () => {
    const { lib } = seeded();
    const withBom = await passagesCsvText(lib, {});
    expect(withBom.csv.startsWith('\ufeffpassage_id,')).toBe(true);
    expect(withBom.csv.endsWith('\r\n')).toBe(true);
    expect(withBom.csv.split('\r\n')[0]).toBe(`\ufeff${PASSAGE_COLUMNS.wide.join(',')}`);
    const without = await passagesCsvText(lib, { bom: false });
    expect(without.csv.startsWith('passage_id,')).toBe(true);
    expect(without.csv).toBe(withBom.csv.slice(1));
    // A line break inside a cell is quoted, not taken for a record end.
    expect(without.csv).toContain('"with commas, ""double quotes"" and a line\nbreak."');
    lib.close();
  });

  it('neutralises cells a spreadsheet would run as formulas, and leaves numbers alone', async () => {
    const { lib, dir } = seeded();
    const rows = parse((await passagesCsvText(lib, { bom: false })).csv, { columns: true }) as Array<Record<string, string>>;
    const notes = rows.map((r) => r.note);
    expect(notes).toEqual(expect.arrayContaining(["'=SUM(A1:A2)", "'+1 emoji before", "'-minus\r\nand CRLF", "'@mention", "'\ttab first"]));
    expect(rows.map((r) => r.quote)).toContain(`'=HYPERLINK("http://evil.example")`);
    const long = parse((await passagesCsvText(lib, { layout: 'long' })).csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(long.map((r) => r.tag_path)).toContain("'=Formula");
    expect(neutralise('\rcarriage')).toBe("'\rcarriage");
    expect(neutralise('plain = text')).toBe('plain = text');
    // A date without a year is ISO 8601's --MM-DD, not a formula; every other minus start still is.
    expect(rows.find((r) => r.article_title === 'Беженцы и עברית')!.published).toBe('--11-09');
    expect(['--11-10', '--02', '--12-31', '2020-11', '2020'].map(neutralise)).toEqual(['--11-10', '--02', '--12-31', '2020-11', '2020']);
    expect(['--1+1', '--11-10+A1', '--13-01', '--11-32', '-2+3', "-cmd|' /C calc'!A0", '--'].map(neutralise)).toEqual([
      "'--1+1",
      "'--11-10+A1",
      "'--13-01",
      "'--11-32",
      "'-2+3",
      "'-cmd|' /C calc'!A0",
      "'--",
    ]);
    const claims = join(dir, 'claims.csv');
    await claimsCsvToFile(lib, claims, {});
    const values = (parse(readFileSync(claims), { bom: true, columns: true }) as Array<Record<string, string>>).map((r) => r.value);
    expect(values).toEqual(['6500000', '', '-3.5']);
    lib.close();
  });

  it('long layout: one row per passage and tag with the tag path and its parent; untagged passages keep a row', async () => {
    const { lib } = seeded();
    const { csv, rows } = await passagesCsvText(lib, { layout: 'long' });
    const parsed = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(parsed[0]!)).toEqual([...PASSAGE_COLUMNS.long]);
    expect(rows).toBe(8);
    const first = parsed.filter((r) => r.quote === 'Over 6.5 million refugees remain outside Syria');
    expect(first.map((r) => [r.tag_path, r.tag_parent])).toEqual([
      ['Middle East / Syria', 'Middle East'],
      ['Statistics', ''],
    ]);
    expect(parsed.filter((r) => r.quote!.includes('HYPERLINK')).map((r) => r.tag_path)).toEqual(['']);
    lib.close();
  });

  it('filters by tag path (children included), by article, and by the Passages view filter', async () => {
    const { lib, seed } = seeded();
    const quotes = async (filter: Parameters<typeof passagesCsvText>[1]['filter']) =>
      (parse((await passagesCsvText(lib, { filter })).csv, { bom: true, columns: true }) as Array<Record<string, string>>).map(
        (r) => r.passage_id,
      );
    const ids = (list: number[]) => list.map(String);
    const middleEast = tagIdsForPaths(lib.db, ['Middle East']);
    expect(await quotes({ tagIds: middleEast, includeChildren: true })).toEqual(
      ids([seed.passages[0]!, seed.passages[1]!, seed.passages[2]!, seed.passages[3]!]),
    );
    expect(await quotes({ tagIds: middleEast })).toEqual(ids([seed.passages[1]!, seed.passages[3]!]));
    expect(await quotes({ tagIds: tagIdsForPaths(lib.db, ['middle east/syria', 'Statistics']), tagMode: 'all' })).toEqual(
      ids([seed.passages[0]!]),
    );
    expect(await quotes({ articleIds: [seed.articles.mixed] })).toEqual(ids(seed.passages.slice(2)));
    expect(await quotes({ outlets: ['TASS'], from: '2020', to: '2020-11' })).toEqual(ids(seed.passages.slice(0, 2)));
    expect(await quotes({ text: 'refugees' })).toEqual(ids([seed.passages[0]!]));
    expect(() => tagIdsForPaths(lib.db, ['Middle East / Iraq'])).toThrow(
      /No tag "Iraq" in the codebook under "Middle East" \(there: Syria\)/,
    );
    lib.close();
  });

  it('claims and links parse back with every field', async () => {
    const { lib, dir, seed } = seeded();
    const links = join(dir, 'links.csv');
    expect((await linksCsvToFile(lib, links, { bom: false })).rows).toBe(3);
    const parsed = parse(readFileSync(links), { columns: true }) as Array<Record<string, string>>;
    expect(parsed[0]).toMatchObject({
      from_claim_id: String(seed.claims[0]),
      from_statement: 'Over 6.5 million Syrian refugees remain abroad',
      relation: 'contradicts',
      to_statement: 'Refugees are returning home',
      status: 'confirmed',
      note: 'Analyst: "they disagree", see notes',
    });
    expect(parsed[1]).toMatchObject({ relation: 'varies', status: 'suggested', score: '0.82', method: 'numbers' });
    const claims = join(dir, 'claims.csv');
    await claimsCsvToFile(lib, claims, {});
    expect(pythonRows(claims)[1]).toEqual([
      String(seed.claims[0]),
      'Over 6.5 million Syrian refugees remain abroad',
      'statistic',
      'Vladimir Putin',
      '6500000',
      'people',
      'Also in UNHCR data',
      `${seed.passages[0]}; ${seed.passages[3]}`,
      `${seed.articles.tass}; ${seed.articles.mixed}`,
      'asserts; questions',
      SEED_NOW,
      SEED_NOW,
    ]);
    lib.close();
  });

  it('refuses paths that are not absolute, lack the extension, or are the library; a failed export leaves no file', async () => {
    const { lib, dir } = seeded();
    await expect(passagesCsvToFile(lib, 'relative.csv', {})).rejects.toThrow(/absolute path/);
    await expect(passagesCsvToFile(lib, join(dir, '.bashrc'), {})).rejects.toThrow(/must end with \.csv/);
    await expect(passagesCsvToFile(lib, join(dir, 'missing', 'out.csv'), {})).rejects.toThrow(/its folder does not exist/);
    const failing = join(dir, 'half.csv');
    await expect(
      writeFileAtomically(failing, async (out) => {
        out.write('partial');
        throw new MarginaliaError('io', 'disk went away');
      }),
    ).rejects.toThrow('disk went away');
    expect(existsSync(failing)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    lib.close();
  });

  it('removes the temporary file a killed export of the same name left, and not one another running export is writing', async () => {
    const { lib, dir } = seeded();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const orphan = join(dir, `.out.csv.${gone}-0a1b2c.partial`);
    const live = join(dir, `.out.csv.${process.pid}-3d4e5f.partial`);
    const other = join(dir, `.other.csv.${gone}-0a1b2c.partial`);
    for (const path of [orphan, live, other]) writeFileSync(path, 'half');
    await passagesCsvToFile(lib, join(dir, 'out.csv'), {});
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.partial'))
        .sort(),
    ).toEqual([`.other.csv.${gone}-0a1b2c.partial`, `.out.csv.${process.pid}-3d4e5f.partial`]);
    lib.close();
  });
});

describe('W3C Web Annotation export', () => {
  it('one annotation per passage: quote and code-point position selectors, tags and notes as bodies', async () => {
    const { lib, dir, seed } = seeded();
    const path = join(dir, 'annotations.jsonld');
    const count = await writeFileAtomically(path, (out) => exportAnnotations(lib.db, out, SEED_NOW));
    expect(count).toBe(6);
    interface Annotation {
      id: string;
      target: { source: string; selector: [{ type: string; exact: string }, { type: string; start: number; end: number }] };
      body: unknown[];
    }
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { '@context': string; type: string; first: { items: Annotation[] } };
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    const uid = (table: string, id: number) => lib.db.prepare(`SELECT uid FROM ${table} WHERE id = ?`).pluck().get(id) as string;
    const emoji = doc.first.items.find((a) => a.id === `urn:uuid:${uid('passages', seed.passages[5]!)}`);
    expect(emoji?.target.source).toBe(`urn:uuid:${uid('articles', seed.articles.mixed)}`);
    const [quote, position] = emoji!.target.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: '🇸🇾 Flags, é and q\u0307 marks.' });
    // Code points: the text before holds one astral emoji, so UTF-16 offsets run one ahead.
    const utf16 = TEXTS.mixed.indexOf('🇸🇾');
    expect(position).toEqual({ type: 'TextPositionSelector', start: utf16 - 1, end: [...TEXTS.mixed].length });
    expect([...TEXTS.mixed].slice(position.start, position.end).join('')).toBe(quote.exact);
    expect(emoji?.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Statistics' },
      { type: 'TextualBody', purpose: 'commenting', value: '\ttab first', format: 'text/plain' },
    ]);
    lib.close();
  });
});

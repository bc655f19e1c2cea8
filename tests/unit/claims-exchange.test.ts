import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFigures } from '../../electron/core/claims/figures';
import { claimsCsvToFile, claimsJsonLdToFile, qdpxFromFile, qdpxToFile } from '../../electron/core/export/commands';
import { openLibrary } from '../../electron/core/library/open';
import { SEED_NOW, seedLibrary } from '../fixtures/qdpx/seed';
import { runCli } from '../run-cli';
import { tempDir } from './helpers';

const SCHEMA = 'https://schema.org/';
const MG = 'urn:marginalia:vocab:';

function seeded() {
  const dir = tempDir();
  const path = join(dir, 'library.marginalia');
  const lib = openLibrary(path, { clock: () => new Date(SEED_NOW) });
  const seed = seedLibrary(lib);
  const uid = (id: number) => lib.db.prepare('SELECT uid FROM claims WHERE id = ?').pluck().get(id) as string;
  const passageUid = (id: number) => lib.db.prepare('SELECT uid FROM passages WHERE id = ?').pluck().get(id) as string;
  return { dir, path, lib, seed, uid, passageUid };
}

type Expanded = Record<string, Array<Record<string, unknown>>> & { '@id': string; '@type': string[] };
const value = (node: Expanded, term: string): unknown => (node[term]?.[0] as { '@value'?: unknown } | undefined)?.['@value'];

describe('claims exchange', () => {
  it('the claims CSV in the long layout has one row per appearance, in the order the claim was published', async () => {
    const { dir, lib, seed } = seeded();
    const path = join(dir, 'claims.csv');
    expect((await claimsCsvToFile(lib, path, { layout: 'long' })).rows).toBe(4);
    const rows = parse(readFileSync(path), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.claim_id, r.passage_id, r.article_title, r.outlet, r.published, r.stance])).toEqual([
      [String(seed.claims[0]), String(seed.passages[3]), 'Беженцы и עברית', 'РИА', '--11-09', 'questions'],
      [String(seed.claims[0]), String(seed.passages[0]), 'Putin, Assad: "refugees" talk', 'TASS', '2020-11-09', 'asserts'],
      [String(seed.claims[1]), String(seed.passages[2]), 'Беженцы и עברית', 'РИА', '--11-09', 'attributes'],
      [String(seed.claims[2]), '', '', '', '', ''],
    ]);
    expect(rows[1]).toMatchObject({
      statement: 'Over 6.5 million Syrian refugees remain abroad',
      quote: 'Over 6.5 million refugees remain outside Syria',
    });
    lib.close();
  });

  it('claims as schema.org Claim JSON-LD expand offline to schema.org terms, with appearances, the first one, speaker and our relations', async () => {
    const { dir, lib, seed, uid, passageUid } = seeded();
    const path = join(dir, 'claims.jsonld');
    expect((await claimsJsonLdToFile(lib, path)).rows).toBe(3);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as object;
    // A document loader that refuses every fetch: the context is in the file.
    const offline = async (url: string) => {
      throw new Error(`tried to fetch ${url}`);
    };
    const [first, second, third] = (await jsonld.expand(doc, { documentLoader: offline })) as Expanded[];
    expect(first!['@id']).toBe(`urn:uuid:${uid(seed.claims[0]!)}`);
    expect(first!['@type']).toEqual([`${SCHEMA}Claim`]);
    expect(value(first!, `${SCHEMA}text`)).toBe('Over 6.5 million Syrian refugees remain abroad');
    const author = first![`${SCHEMA}author`]![0] as Expanded;
    expect([author['@type'], value(author, `${SCHEMA}name`)]).toEqual([[`${SCHEMA}Person`], 'Vladimir Putin']);
    const appearances = first![`${SCHEMA}appearance`] as Expanded[];
    expect(appearances.map((a) => a['@id'])).toEqual([
      `urn:uuid:${passageUid(seed.passages[3]!)}`,
      `urn:uuid:${passageUid(seed.passages[0]!)}`,
    ]);
    expect(first![`${SCHEMA}firstAppearance`]).toEqual([{ '@id': appearances[0]!['@id'] }]);
    const tass = appearances[1]!;
    expect(tass['@type']).toEqual([`${SCHEMA}Quotation`]);
    expect(value(tass, `${SCHEMA}text`)).toBe('Over 6.5 million refugees remain outside Syria');
    expect(value(tass, `${MG}stance`)).toBe('asserts');
    const article = tass[`${SCHEMA}isPartOf`]![0] as Expanded;
    expect(article['@type']).toEqual([`${SCHEMA}NewsArticle`]);
    expect(value(article, `${SCHEMA}datePublished`)).toBe('2020-11-09');
    expect(value(article, `${SCHEMA}url`)).toBe('https://tass.com/politics/1222719');
    expect(value(article[`${SCHEMA}publisher`]![0] as Expanded, `${SCHEMA}name`)).toBe('TASS');
    expect(value(first!, `${MG}value`)).toBe(6_500_000);
    // Its outgoing links (the rejected one left out); the other claim's suggestion is on that claim.
    const links = (first![`${MG}link`] ?? []) as Expanded[];
    expect(
      links.map((l) => [value(l, `${MG}relation`), value(l, `${MG}status`), (l[`${MG}target`]![0] as { '@id': string })['@id']]),
    ).toEqual([['contradicts', 'confirmed', `urn:uuid:${uid(seed.claims[1]!)}`]]);
    expect(((second![`${MG}link`] ?? []) as Expanded[]).map((l) => value(l, `${MG}status`))).toEqual(['suggested']);
    expect(third![`${SCHEMA}appearance`]).toBeUndefined();
    lib.close();
  });

  it('the CLI exports claims as JSON-LD and the long CSV, and says which options fit which export', async () => {
    const { dir, path, lib } = seeded();
    lib.close();
    const out = join(dir, 'out.jsonld');
    expect((await runCli(['export', 'claims-jsonld', '--library', path, '--out', out])).stdout).toBe(`Wrote 3 claims to ${out}.\n`);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { '@graph': unknown[] })['@graph']).toHaveLength(3);
    const csv = join(dir, 'long.csv');
    expect((await runCli(['export', 'claims', '--layout', 'long', '--library', path, '--out', csv])).stdout).toBe(
      `Wrote 4 rows to ${csv}.\n`,
    );
    const refused = await runCli(['export', 'links', '--layout', 'long', '--library', path]);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('--layout applies to export csv and claims only.')]);
  });

  it('a REFI-QDA project brings its claims in through the claims core: what a figure counts is read from the statement', async () => {
    const { dir, lib } = seeded();
    const qdpx = join(dir, 'trip.qdpx');
    await qdpxToFile(lib, qdpx);
    lib.close();
    const target = openLibrary(join(dir, 'target.marginalia'));
    await qdpxFromFile(target, qdpx);
    const statement = 'Over 6.5 million Syrian refugees remain abroad';
    const figure = parseFigures(statement)[0]!;
    expect(figure.counted).not.toBeNull();
    expect(target.db.prepare('SELECT value, counted, qualifier FROM claims WHERE statement = ?').get(statement)).toEqual({
      value: 6_500_000,
      counted: figure.counted,
      qualifier: 'more than',
    });
    // A claim without a figure gains none.
    expect(target.db.prepare('SELECT counted FROM claims WHERE statement = ?').pluck().get('Refugees are returning home')).toBeNull();
    target.close();
  });
});

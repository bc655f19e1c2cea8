import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qdpxFromFile, qdpxToFile } from '../../electron/core/export/commands';
import { readZip } from '../../electron/core/import/zip';
import { checkLibrary } from '../../electron/core/library/check';
import { openLibrary, type Library } from '../../electron/core/library/open';
import { SEED_NOW, TEXTS, seedLibrary } from '../fixtures/qdpx/seed';
import { FIXTURES, tempDir } from './helpers';

const SCHEMA = join(FIXTURES, 'qdpx', 'Project.xsd');
const XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

function library(dir: string, name: string): Library {
  return openLibrary(join(dir, name), { clock: () => new Date(SEED_NOW) });
}

/** Everything an exchange must carry, keyed by content rather than by this library's row ids. */
function content(lib: Library): Record<string, unknown[]> {
  const all = (sql: string) => lib.db.prepare(sql).all();
  const tagPath = `(WITH RECURSIVE up(id, parent_id, path) AS (SELECT id, parent_id, name FROM tags WHERE id = t.id
     UNION ALL SELECT p.id, p.parent_id, p.name || ' / ' || up.path FROM tags p JOIN up ON p.id = up.parent_id)
     SELECT path FROM up WHERE parent_id IS NULL)`;
  return {
    articles: all('SELECT uid, title, outlet, byline, published, place, language, url, text FROM articles ORDER BY uid'),
    tags: all(`SELECT uid, ${tagPath} AS path, color, description, position FROM tags t ORDER BY path`),
    passages: all(
      `SELECT p.uid, a.uid AS article, p.start, p."end", p.exact, p.prefix, p.suffix, p.note, p.created_at, p.updated_at,
              (SELECT group_concat(path, '|') FROM (SELECT ${tagPath} AS path FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
                 WHERE pt.passage_id = p.id ORDER BY path)) AS tags
       FROM passages p JOIN articles a ON a.id = p.article_id ORDER BY p.uid`,
    ),
    claims: all('SELECT uid, statement, kind, speaker, value, unit, note, created_at, updated_at FROM claims ORDER BY uid'),
    appearances: all(
      `SELECT p.uid AS passage, c.uid AS claim, ca.stance FROM claim_appearances ca JOIN passages p ON p.id = ca.passage_id
       JOIN claims c ON c.id = ca.claim_id ORDER BY p.uid, c.uid`,
    ),
    memos: all('SELECT m.uid, a.uid AS article, m.text FROM memos m LEFT JOIN articles a ON a.id = m.article_id ORDER BY m.uid'),
    links: all(
      `SELECT f.uid AS origin, t.uid AS target, l.relation, l.status, l.score, l.method, l.note FROM claim_links l
       JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id ORDER BY f.uid, t.uid, l.relation`,
    ),
  };
}

async function projectXml(qdpx: string): Promise<string> {
  const entries = await readZip(readFileSync(qdpx), { wanted: (n) => n === 'project.qde' });
  return new TextDecoder().decode(entries.get('project.qde'));
}

describe('REFI-QDA export', () => {
  it.skipIf(!XMLLINT)('writes a project.qde valid against Project.xsd (xmllint; skipped only when xmllint is missing)', async () => {
    const dir = tempDir();
    const lib = library(dir, 'a.marginalia');
    seedLibrary(lib);
    const qdpx = join(dir, 'out.qdpx');
    expect(await qdpxToFile(lib, qdpx)).toEqual({ path: qdpx, articles: 2, passages: 6 });
    const qde = join(dir, 'project.qde');
    writeFileSync(qde, await projectXml(qdpx));
    const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, qde], { encoding: 'utf8' });
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
    lib.close();
  });

  it('holds sources as plain text files and positions in code points', async () => {
    const dir = tempDir();
    const lib = library(dir, 'a.marginalia');
    const seed = seedLibrary(lib);
    const qdpx = join(dir, 'out.qdpx');
    await qdpxToFile(lib, qdpx);
    const entries = await readZip(readFileSync(qdpx), { wanted: () => true });
    const mixedUid = lib.db.prepare('SELECT uid FROM articles WHERE id = ?').pluck().get(seed.articles.mixed) as string;
    expect(new TextDecoder().decode(entries.get(`sources/${mixedUid}.txt`))).toBe(TEXTS.mixed);
    const xml = await projectXml(qdpx);
    expect(xml).toContain(`plainTextPath="internal://${mixedUid}.txt"`);
    const passageUid = lib.db.prepare('SELECT uid FROM passages WHERE id = ?').pluck().get(seed.passages[5]!) as string;
    const selection = new RegExp(`<PlainTextSelection guid="${passageUid}"[^>]* startPosition="(\\d+)" endPosition="(\\d+)"`).exec(xml);
    const chars = [...TEXTS.mixed];
    expect(chars.slice(Number(selection![1]), Number(selection![2])).join('')).toBe('🇸🇾 Flags, é and q\u0307 marks.');
    expect(Number(selection![1])).toBe(TEXTS.mixed.indexOf('🇸🇾') - 1);
    lib.close();
  });

  it('round trip: export, then import into a new library, gives the same articles, tags, passages, claims, links and memos', async () => {
    const dir = tempDir();
    const source = library(dir, 'source.marginalia');
    seedLibrary(source);
    const qdpx = join(dir, 'trip.qdpx');
    await qdpxToFile(source, qdpx);
    const target = library(dir, 'target.marginalia');
    const report = await qdpxFromFile(target, qdpx);
    expect(report).toMatchObject({ passages: 6, claims: 3, links: 3, skipped: [] });
    expect(content(target)).toEqual(content(source));
    expect(checkLibrary(target.db)).toEqual([]);
    // The same text in the search index: a passage note is findable in the new library.
    expect(target.db.prepare(`SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '"quoted"'`).pluck().get()).toBe(1);
    source.close();
    target.close();
  });

  it('round trip of a project from another tool (demo.qdpx) keeps its sources, codebook and codings', async () => {
    const dir = tempDir();
    const first = library(dir, 'first.marginalia');
    await qdpxFromFile(first, join(FIXTURES, 'qdpx', 'demo.qdpx'));
    const qdpx = join(dir, 'again.qdpx');
    await qdpxToFile(first, qdpx);
    const second = library(dir, 'second.marginalia');
    await qdpxFromFile(second, qdpx);
    expect(content(second)).toEqual(content(first));
    first.close();
    second.close();
  });

  it('through the CLI: export qdpx needs --out, and marginalia import FILE.qdpx brings it back', async () => {
    const dir = tempDir();
    const lib = library(dir, 'cli.marginalia');
    seedLibrary(lib);
    lib.close();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(FIXTURES, '..', '..', 'bin', 'marginalia.mjs'), ...args], { encoding: 'utf8' });
    const noOut = cli('export', 'qdpx', '--library', join(dir, 'cli.marginalia'));
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/give it --out FILE\.qdpx/);
    const qdpx = join(dir, 'cli.qdpx');
    const exported = cli('export', 'qdpx', '--library', join(dir, 'cli.marginalia'), '--out', qdpx);
    expect(exported.stdout).toBe(`Wrote 2 articles and 6 passages to ${qdpx}.\n`);
    const imported = cli('import', '--library', join(dir, 'copy.marginalia'), qdpx);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^Imported 2, skipped 0 duplicates, 0 failed/);
    const csv = execFileSync(
      process.execPath,
      [
        join(FIXTURES, '..', '..', 'bin', 'marginalia.mjs'),
        'export',
        'csv',
        '--library',
        join(dir, 'copy.marginalia'),
        '--tag',
        'Middle East',
        '--no-bom',
        '--layout',
        'long',
      ],
      { encoding: 'utf8' },
    );
    expect(csv.startsWith('passage_id,article_id,')).toBe(true);
    expect(csv.split('\r\n').filter((line) => line.includes('Middle East')).length).toBeGreaterThanOrEqual(4);
  });
});

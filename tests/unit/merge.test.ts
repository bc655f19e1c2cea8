import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { qdpxToFile } from '../../electron/core/export/commands';
import { openLibrary, type Library } from '../../electron/core/library/open';
import { writeTransaction } from '../../electron/core/library/write';
import { Session } from '../../electron/core/session';
import { mergeLibrary, previewMerge } from '../../electron/core/teams/merge';
import { withMergeSource } from '../../electron/core/teams/merge-source';
import type { CodebookMapping, MergeReport } from '../../electron/shared/merge';
import { SEED_NOW, TEXTS, seedLibrary, type Seeded } from '../fixtures/qdpx/seed';
import { TASS } from '../fixtures/tass';
import { insertArticle } from './passages-fixture';
import { tempDir } from './helpers';

const clock = () => new Date(SEED_NOW);
const TABLES = [
  'articles',
  'article_sources',
  'tags',
  'passages',
  'passage_tags',
  'claims',
  'claim_appearances',
  'claim_links',
  'memos',
  'coders',
];

/** Every row of the tables a merge writes, so "nothing changed" and "undone exactly" can be compared whole. */
function dump(db: Database): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Their library: the seed (two articles, a codebook, passages, claims, links, memos), coded by Alice and Bob. */
function theirLibrary(dir: string): { path: string; seed: Seeded } {
  const path = join(dir, 'theirs.marginalia');
  const lib = openLibrary(path, { clock });
  const seed = seedLibrary(lib);
  const db = lib.db;
  db.exec(`
    INSERT INTO coders (id, uid, name, colour, created_at) VALUES
      (1, 'c0000000-0000-4000-8000-00000000000a', 'Alice', '#4e79a7', '${SEED_NOW}'),
      (2, 'c0000000-0000-4000-8000-00000000000b', 'Bob', '#e15759', '${SEED_NOW}');
    UPDATE passages SET coder_id = CASE WHEN id % 2 = 1 THEN 1 ELSE 2 END;
    UPDATE passage_tags SET coder_id = (SELECT coder_id FROM passages WHERE id = passage_id);
    UPDATE claims SET coder_id = 2; UPDATE claim_appearances SET coder_id = 2; UPDATE claim_links SET coder_id = 1; UPDATE memos SET coder_id = 1;
  `);
  lib.close();
  return { path, seed };
}

function ourLibrary(dir: string, name = 'ours.marginalia'): Library {
  return openLibrary(join(dir, name), { clock });
}

async function merge(lib: Library, file: string, mappings: CodebookMapping[] = [], dryRun = false): Promise<MergeReport> {
  return withMergeSource(file, lib, (source) =>
    writeTransaction(lib.db, () =>
      dryRun
        ? previewMerge(lib.db, source.db, lib.clock, file, mappings)
        : mergeLibrary(lib.db, source.db, lib.clock, file, mappings).value,
    ),
  );
}

const tagPaths = (db: Database): string[] =>
  db
    .prepare(
      `WITH RECURSIVE p(id, path) AS (SELECT id, name FROM tags WHERE parent_id IS NULL
         UNION ALL SELECT t.id, p.path || ' / ' || t.name FROM tags t JOIN p ON t.parent_id = p.id) SELECT path FROM p ORDER BY path`,
    )
    .pluck()
    .all() as string[];

const taggedWith = (db: Database, exact: string): string[] =>
  db
    .prepare(
      'SELECT t.name FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id JOIN tags t ON t.id = pt.tag_id WHERE p.exact = ? ORDER BY t.name',
    )
    .pluck()
    .all(exact) as string[];

describe('merging libraries', () => {
  it('matches articles by uid: a copy of their library gains only what they added since, and their file is never changed', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    copyFileSync(path, join(dir, 'ours.marginalia'));
    const their = openLibrary(path, { clock });
    their.db.exec(`INSERT INTO passages (uid, article_id, start, "end", exact, note, created_at, updated_at, coder_id)
      VALUES ('d0000000-0000-4000-8000-000000000001', 1, 0, 13, 'NOVO-OGARYOVO', 'the place', '${SEED_NOW}', '${SEED_NOW}', 2)`);
    their.close();
    const before = sha(path);
    const lib = ourLibrary(dir);
    const report = await merge(lib, path);
    expect(report.articles).toEqual({ matchedByUid: 2, matchedByText: 0, added: 0, reanchored: 0 });
    expect(report.passages).toMatchObject({ matched: 6, added: 1 });
    expect(report.claims).toEqual({ matched: 3, added: 0 });
    expect(report.links).toEqual({ added: 0, already: 3 });
    expect(lib.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2);
    const added = lib.db
      .prepare(`SELECT p.note, c.name FROM passages p JOIN coders c ON c.id = p.coder_id WHERE p.exact = 'NOVO-OGARYOVO'`)
      .get();
    expect(added).toEqual({ note: 'the place', name: 'Bob' });
    expect(sha(path)).toBe(before);
    lib.close();
  });

  it('matches an article by its text hash (never a second copy) and keeps our passages and memo beside theirs', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    const lib = ourLibrary(dir);
    const tass = insertArticle(lib.db, { title: 'Our own title', text: TEXTS.tass });
    lib.db.exec(`INSERT INTO passages (uid, article_id, start, "end", exact, note, created_at, updated_at)
      VALUES ('e0000000-0000-4000-8000-000000000001', ${tass}, 0, 13, 'NOVO-OGARYOVO', 'ours', '${SEED_NOW}', '${SEED_NOW}');
      INSERT INTO memos (uid, article_id, text, created_at, updated_at) VALUES ('e0000000-0000-4000-8000-000000000002', ${tass}, 'Our memo.', '${SEED_NOW}', '${SEED_NOW}')`);
    // Their reprint: the same text under another headline is an article of its own there, and stays one here.
    const their = openLibrary(path, { clock });
    insertArticle(their.db, { title: 'A reprint', text: TEXTS.tass });
    their.close();
    const report = await merge(lib, path);
    expect(report.articles).toEqual({ matchedByUid: 0, matchedByText: 1, added: 2, reanchored: 0 });
    const copies = lib.db.prepare('SELECT title, reprint_group FROM articles WHERE text = ? ORDER BY id');
    expect(copies.all(TEXTS.tass)).toEqual([
      { title: 'Our own title', reprint_group: tass },
      { title: 'A reprint', reprint_group: tass },
    ]);
    expect(lib.db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(tass)).toBe('Our own title');
    expect(lib.db.prepare('SELECT exact FROM passages WHERE article_id = ? ORDER BY start').pluck().all(tass)).toEqual([
      'NOVO-OGARYOVO',
      'Over 6.5 million refugees remain outside Syria',
      'with commas, "double quotes" and a line\nbreak.',
    ]);
    expect(lib.db.prepare('SELECT text FROM memos WHERE article_id = ?').pluck().get(tass)).toBe(
      'Our memo.\n\nTASS repeats the UNHCR figure.\n\n- check the date\n- Беженцы: see РИА',
    );
    expect(report.memos).toEqual({ added: 1, appended: 1, already: 0 });
    lib.close();
  });

  it('re-anchors their passages on our text when the same article (by uid) reads differently here', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    copyFileSync(path, join(dir, 'ours.marginalia'));
    const lib = ourLibrary(dir);
    lib.db.exec(`DELETE FROM passages; UPDATE articles SET text = 'Corrected lead. ' || text WHERE id = 1`);
    const report = await merge(lib, path);
    expect(report.articles.reanchored).toBe(1);
    const text = lib.db.prepare('SELECT text FROM articles WHERE id = 1').pluck().get() as string;
    const rows = lib.db.prepare('SELECT start, "end", exact, anchor FROM passages WHERE article_id = 1 ORDER BY start').all() as Array<{
      start: number;
      end: number;
      exact: string;
      anchor: string;
    }>;
    expect(rows.map((r) => [text.slice(r.start, r.end), r.anchor])).toEqual([
      ['Over 6.5 million refugees remain outside Syria', 'exact'],
      ['with commas, "double quotes" and a line\nbreak.', 'exact'],
    ]);
    expect(rows[0]!.start).toBe(TEXTS.tass.indexOf('Over 6.5') + 'Corrected lead. '.length);
    lib.close();
  });

  it('maps the codebook by path: onto an existing tag (children follow), created at a new path, or merged into one tag', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    const lib = ourLibrary(dir);
    lib.db.exec(`INSERT INTO tags (uid, parent_id, name, color, created_at, updated_at) VALUES
      ('f0000000-0000-4000-8000-000000000001', NULL, 'Region', '#112233', '${SEED_NOW}', '${SEED_NOW}'),
      ('f0000000-0000-4000-8000-000000000002', NULL, 'Numbers', '#445566', '${SEED_NOW}', '${SEED_NOW}')`);
    const mappings: CodebookMapping[] = [
      { from: 'Middle East', action: 'map', to: 'Region' },
      { from: 'Statistics', action: 'merge', to: 'Numbers' },
      { from: '=Formula', action: 'create', to: 'Imported / Formula' },
    ];
    const preview = await merge(lib, path, mappings, true);
    expect(tagPaths(lib.db)).toEqual(['Numbers', 'Region']);
    expect(preview.codebook.differing).toEqual([
      { path: 'Middle East', action: 'map', to: 'Region', passages: 2 },
      { path: 'Middle East / Syria', action: 'create', to: 'Region / Syria', passages: 2 },
      { path: 'Statistics', action: 'merge', to: 'Numbers', passages: 2 },
      { path: '=Formula', action: 'create', to: 'Imported / Formula', passages: 1 },
    ]);
    const report = await merge(lib, path, mappings);
    expect({ ...report, dryRun: true }).toEqual(preview);
    expect(tagPaths(lib.db)).toEqual(['Imported', 'Imported / Formula', 'Numbers', 'Region', 'Region / Syria']);
    expect(taggedWith(lib.db, 'Over 6.5 million refugees remain outside Syria')).toEqual(['Numbers', 'Syria']);
    expect(taggedWith(lib.db, 'اللاجئون يعودون إلى ديارهم. עברית')).toEqual(['Formula', 'Region']);
    expect(lib.db.prepare(`SELECT color, description FROM tags WHERE name = 'Region'`).get()).toEqual({
      color: '#112233',
      description: '',
    });
    lib.close();
  });

  it('refuses a mapping onto a tag this library lacks, naming it, and writes nothing', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    const lib = ourLibrary(dir);
    const before = dump(lib.db);
    await expect(merge(lib, path, [{ from: 'Statistics', action: 'map', to: 'Nowhere' }])).rejects.toThrow(
      '"Statistics" cannot be mapped onto "Nowhere": this library has no such tag (to make it, choose create).',
    );
    expect(dump(lib.db)).toEqual(before);
    lib.close();
  });

  it('brings coders across by uid or name, never renaming ours, and every row keeps its coder', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    const lib = ourLibrary(dir);
    lib.db.exec(
      `INSERT INTO coders (uid, name, colour, created_at) VALUES ('c1111111-0000-4000-8000-000000000001', 'alice', '#000000', '${SEED_NOW}')`,
    );
    const report = await merge(lib, path);
    expect(report.coders).toEqual({ matched: ['Alice'], added: ['Bob'] });
    expect(lib.db.prepare('SELECT uid, name, colour FROM coders ORDER BY id').all()).toEqual([
      { uid: 'c1111111-0000-4000-8000-000000000001', name: 'alice', colour: '#000000' },
      { uid: 'c0000000-0000-4000-8000-00000000000b', name: 'Bob', colour: '#e15759' },
    ]);
    const coderOf = (sql: string) => lib.db.prepare(`SELECT DISTINCT c.name FROM ${sql} ORDER BY 1`).pluck().all();
    expect(coderOf(`passages x JOIN coders c ON c.id = x.coder_id WHERE x.exact LIKE 'Over 6.5%'`)).toEqual(['alice']);
    expect(coderOf(`passages x JOIN coders c ON c.id = x.coder_id WHERE x.exact LIKE 'with commas%'`)).toEqual(['Bob']);
    expect(coderOf('passage_tags x JOIN coders c ON c.id = x.coder_id')).toEqual(['alice', 'Bob']);
    expect(coderOf('claims x JOIN coders c ON c.id = x.coder_id')).toEqual(['Bob']);
    expect(coderOf('claim_appearances x JOIN coders c ON c.id = x.coder_id')).toEqual(['Bob']);
    expect(coderOf('claim_links x JOIN coders c ON c.id = x.coder_id')).toEqual(['alice']);
    expect(coderOf('memos x JOIN coders c ON c.id = x.coder_id')).toEqual(['alice']);
    lib.close();
  });

  it('merges claims, appearances and links without a second copy of a link we have (either way round for symmetric ones)', async () => {
    const dir = tempDir();
    const { path, seed } = theirLibrary(dir);
    copyFileSync(path, join(dir, 'ours.marginalia'));
    const their = openLibrary(path, { clock });
    const [a, b, c] = seed.claims as [number, number, number];
    const link = their.db.prepare(
      `INSERT INTO claim_links (from_claim_id, to_claim_id, relation, status, note, created_at, updated_at) VALUES (?, ?, ?, 'confirmed', '', '${SEED_NOW}', '${SEED_NOW}')`,
    );
    link.run(b, a, 'supports');
    link.run(c, a, 'related'); // we have a → c related: the same link for a symmetric relation
    their.db.exec(
      `INSERT INTO claims (uid, statement, kind, created_at, updated_at) VALUES ('a0000000-0000-4000-8000-000000000001', 'Returns began in 2020', 'event', '${SEED_NOW}', '${SEED_NOW}')`,
    );
    link.run(4, b, 'specifies');
    their.db
      .prepare(`INSERT INTO claim_appearances (claim_id, passage_id, stance, created_at) VALUES (4, ?, 'refutes', '${SEED_NOW}')`)
      .run(seed.passages[4]);
    their.close();
    const lib = ourLibrary(dir);
    const report = await merge(lib, path);
    expect(report.claims).toEqual({ matched: 3, added: 1 });
    expect(report.links).toEqual({ added: 2, already: 4 });
    expect(report.appearances).toEqual({ added: 1, already: 3 });
    const links = lib.db
      .prepare(
        'SELECT f.statement AS from_, t.statement AS to_, relation FROM claim_links l JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id ORDER BY l.id',
      )
      .all()
      .map((l) => Object.values(l as object).join(' → '));
    expect(links.slice(3)).toEqual([
      'Refugees are returning home → Over 6.5 million Syrian refugees remain abroad → supports',
      'Returns began in 2020 → Refugees are returning home → specifies',
    ]);
    expect(lib.db.prepare(`SELECT count(*) FROM claim_links WHERE relation = 'related'`).pluck().get()).toBe(1);
    lib.close();
  });

  it('merging the same library a second time changes nothing', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    const lib = ourLibrary(dir);
    insertArticle(lib.db, { title: 'Ours', text: TEXTS.tass });
    lib.db.exec(
      `INSERT INTO tags (uid, parent_id, name, color, created_at, updated_at) VALUES ('f0000000-0000-4000-8000-000000000001', NULL, 'Numbers', '#445566', '${SEED_NOW}', '${SEED_NOW}')`,
    );
    const mappings: CodebookMapping[] = [{ from: 'Statistics', action: 'merge', to: 'Numbers' }];
    expect((await merge(lib, path, mappings)).changed).toBe(true);
    const once = dump(lib.db);
    const again = await merge(lib, path, mappings);
    expect(again.changed).toBe(false);
    expect(again.articles).toEqual({ matchedByUid: 1, matchedByText: 1, added: 0, reanchored: 0 });
    expect(again.passages).toMatchObject({ matched: 6, added: 0 });
    expect(dump(lib.db)).toEqual(once);
    lib.close();
  });

  it('is one undo step in the session: undo takes the whole merge back, redo brings it again', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    // A near copy of our article in theirs joins our article's reprint group; undo must part them again.
    const tassText = readFileSync(TASS.path, 'utf8');
    const their = openLibrary(path, { clock });
    insertArticle(their.db, { title: 'Reprinted', text: tassText.replace('Syria', 'the Syrian Arab Republic') });
    their.close();
    const session = new Session(join(dir, 'ours.marginalia'), { clock });
    const ours = insertArticle(session.lib.db, { title: 'Ours', text: tassText });
    insertArticle(session.lib.db, { title: 'Ours too', text: TEXTS.tass });
    const before = dump(session.lib.db);
    const report = await withMergeSource(path, session.lib, (source) =>
      session.apply(() => mergeLibrary(session.lib.db, source.db, clock, path, [])),
    );
    expect(report.passages.added).toBe(6);
    const group = session.lib.db.prepare(`SELECT reprint_group FROM articles WHERE title IN ('Ours', 'Reprinted') ORDER BY id`).pluck();
    expect(group.all()).toEqual([ours, ours]);
    const after = dump(session.lib.db);
    expect(session.editState().undoLabel).toBe('Merge theirs.marginalia');
    await session.undo();
    expect(dump(session.lib.db)).toEqual(before);
    expect(session.editState().canUndo).toBe(false);
    await session.redo();
    expect(dump(session.lib.db)).toEqual(after);
    session.close();
  });

  it('reads a REFI-QDA project through the importer into a temporary library, then merges it', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    const their = openLibrary(path, { clock });
    const project = join(dir, 'theirs.qdpx');
    await qdpxToFile(their, project);
    their.close();
    const lib = ourLibrary(dir);
    insertArticle(lib.db, { title: 'Ours', text: TEXTS.tass });
    const report = await merge(lib, project);
    expect(report.file).toBe('theirs.qdpx');
    expect(report.articles).toMatchObject({ matchedByText: 1, added: 1 });
    expect(report.passages.added).toBe(6);
    expect(tagPaths(lib.db)).toEqual(['=Formula', 'Middle East', 'Middle East / Syria', 'Statistics']);
    expect((await merge(lib, project)).changed).toBe(false);
    lib.close();
  });

  it('refuses a damaged library with a clear error, changing neither library', async () => {
    const dir = tempDir();
    const { path } = theirLibrary(dir);
    const bytes = readFileSync(path);
    // Garble the pages after the schema: SQLite still opens the file but its tables no longer read.
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(path, bytes);
    const before = sha(path);
    const lib = ourLibrary(dir);
    insertArticle(lib.db, { title: 'Ours', text: TEXTS.tass });
    const ours = dump(lib.db);
    await expect(merge(lib, path)).rejects.toThrow(
      /^theirs\.marginalia cannot be merged: the file is damaged \(SQLite reports: Tree \d+ page \d+: [^\n]+; "marginalia repair" recovers what it can into a new library\)\. Nothing was merged and neither library was changed\.$/,
    );
    expect(dump(lib.db)).toEqual(ours);
    expect(sha(path)).toBe(before);
    lib.close();
  });
});

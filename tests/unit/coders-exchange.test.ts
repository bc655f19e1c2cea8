import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../electron/core/interchange/qdpx-read';
import { readZip } from '../../electron/core/import/zip';
import { runCli } from '../run-cli';
import { startServe } from '../serve-process';
import { TASS } from '../fixtures/tass';
import { FIXTURES, tempDir } from './helpers';
import { call, importTass, openSession } from './passages-fixture';

/** Passages with their coder's name, in the order they were made. */
const codedPassages = (path: string): Array<[string, string | null]> => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT p.exact, c.name FROM passages p LEFT JOIN coders c ON c.id = p.coder_id ORDER BY p.id').raw().all() as Array<
      [string, string | null]
    >;
  } finally {
    db.close();
  }
};

/** A library with one passage by Anna and one by Ben (tagged by both), exported as QDPX and CSV. */
async function twoCoders(dir: string) {
  const { ctx, session } = openSession({ coder: 'Anna' }, join(dir, 'team.marginalia'));
  const { id: articleId, text } = await importTass(ctx);
  const at = (phrase: string) => ({ articleId, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  const tag = await call(ctx, 'tags.create', { path: 'Refugees' });
  const annas = await call(ctx, 'passages.create', { ...at('over 6.5 million refugees'), tagIds: [tag.id] });
  await call(ctx, 'coders.switch', { name: 'Ben' });
  await call(ctx, 'passages.create', { ...at('Most of them are able-bodied'), tagIds: [tag.id] });
  await call(ctx, 'passages.tag', { passageIds: [annas.id], tagId: (await call(ctx, 'tags.create', { path: 'Figures' })).id });
  return { ctx, session, coders: await call(ctx, 'coders.list', {}) };
}

describe('coders in exchange formats and on the command line', () => {
  it('writes every coder as a QDPX <User> and each selection and coding with its creatingUser; importing it (--coder) keeps them', async () => {
    const dir = tempDir();
    const { ctx, session, coders } = await twoCoders(dir);
    const qdpx = join(dir, 'team.qdpx');
    await call(ctx, 'export.qdpx', { path: qdpx });
    session.close();

    const xml = new TextDecoder().decode((await readZip(readFileSync(qdpx), { wanted: (n) => n === 'project.qde' })).get('project.qde'));
    const project = readProject(xml);
    const guid = (name: string) => coders.find((c) => c.name === name)!.uid;
    expect(project.users).toEqual([
      { guid: guid('Anna'), name: 'Anna' },
      { guid: guid('Ben'), name: 'Ben' },
    ]);
    const [first, second] = project.sources[0]!.selections;
    expect([first!.creatingUser, second!.creatingUser]).toEqual([guid('Anna'), guid('Ben')]);
    expect([...first!.codedBy.values()]).toEqual([guid('Anna'), guid('Ben')]);

    const other = join(dir, 'other.marginalia');
    const run = await runCli(['import', '--library', other, '--coder', 'Cleo', qdpx], { MARGINALIA_USER_DATA: join(dir, 'none') });
    expect(run.code, run.stderr).toBe(0);
    expect(codedPassages(other)).toEqual([
      ['over 6.5 million refugees', 'Anna'],
      ['Most of them are able-bodied', 'Ben'],
    ]);
    const db = new Database(other, { readonly: true });
    // The coders keep their uids (the User guids); the tagging Ben added to Anna's passage stays Ben's.
    expect(db.prepare('SELECT name, uid FROM coders ORDER BY name').raw().all()).toEqual([
      ['Anna', guid('Anna')],
      ['Ben', guid('Ben')],
      ['Cleo', expect.any(String)],
    ]);
    expect(
      db
        .prepare(
          `SELECT p.exact, t.name, c.name FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id JOIN tags t ON t.id = pt.tag_id
           JOIN coders c ON c.id = pt.coder_id ORDER BY p.id, t.name`,
        )
        .raw()
        .all(),
    ).toEqual([
      ['over 6.5 million refugees', 'Figures', 'Ben'],
      ['over 6.5 million refugees', 'Refugees', 'Anna'],
      ['Most of them are able-bodied', 'Refugees', 'Ben'],
    ]);
    db.close();
  });

  it("imports another tool's users as coders (NVivo's two users; QualCoder-style codings by user), matched by GUID on a second import", async () => {
    const dir = tempDir();
    const library = join(dir, 'nvivo.marginalia');
    const env = { MARGINALIA_USER_DATA: join(dir, 'none') };
    for (const file of ['nvivo-export.qdpx', 'demo.qdpx']) {
      const run = await runCli(['import', '--library', library, '--coder', 'Me', join(FIXTURES, 'qdpx', file)], env);
      expect(run.code, run.stderr).toBe(0);
    }
    const db = new Database(library, { readonly: true });
    expect(db.prepare('SELECT name, uid FROM coders ORDER BY id').raw().all()).toEqual([
      ['Me', expect.any(String)],
      ['chrisp', '1b0b1791-be46-4557-9957-7333544cfaf2'],
      ['cp', '39633935-3331-3962-6632-373436373264'],
    ]);
    // demo.qdpx names its user only on each Coding: its passages are cp's, not the importer's.
    const demo = db
      .prepare(
        `SELECT DISTINCT c.name FROM passages p JOIN coders c ON c.id = p.coder_id JOIN articles a ON a.id = p.article_id
         WHERE a.source_name LIKE 'demo.qdpx/%'`,
      )
      .pluck()
      .all();
    expect(demo).toEqual(['cp']);
    db.close();
  });

  it('gives the passages CSV a coder column, and records --coder on memo set and claims add', async () => {
    const dir = tempDir();
    const { ctx, session } = await twoCoders(dir);
    const csv = join(dir, 'passages.csv');
    await call(ctx, 'export.passagesCsv', { path: csv, bom: false });
    session.close();
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]!.split(',').at(-1)).toBe('coder');
    expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual(['Anna', 'Ben']);

    const library = join(dir, 'team.marginalia');
    const env = { MARGINALIA_USER_DATA: join(dir, 'none') };
    expect((await runCli(['memo', 'set', '--library', library, '--coder', 'Cleo', 'From the CLI'], env)).code).toBe(0);
    const added = await runCli(
      ['claims', 'add', '--library', library, '--coder', 'Dan', '--article', '1', '--start', '0', '--end', '10'],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    const db = new Database(library, { readonly: true });
    expect(db.prepare('SELECT c.name FROM memos m JOIN coders c ON c.id = m.coder_id').pluck().all()).toEqual(['Cleo']);
    expect(db.prepare('SELECT c.name FROM claims m JOIN coders c ON c.id = m.coder_id').pluck().all()).toEqual(['Dan']);
    db.close();
  });

  it("serve --coder: the session's edits are that coder's; without it serve uses the saved profile, or asks for one", async () => {
    const dir = tempDir();
    const userData = join(dir, 'user-data');
    const library = join(dir, 'served.marginalia');
    const seeded = await runCli(['import', '--library', library, '--coder', 'Seed', TASS.path], { MARGINALIA_USER_DATA: userData });
    expect(seeded.code, seeded.stderr).toBe(0);

    const eve = await startServe(library, { MARGINALIA_USER_DATA: userData }, [], ['--coder', 'Eve']);
    try {
      expect(await eve.api('coders.current')).toMatchObject({ name: 'Eve', needsProfile: false });
      await eve.api('passages.create', { articleId: 1, start: 0, end: 8 });
    } finally {
      await eve.stop();
    }

    const asking = await startServe(library, { MARGINALIA_USER_DATA: userData });
    try {
      expect(await asking.api('coders.current')).toMatchObject({ id: null, needsProfile: true });
      await asking.api('coders.switch', { name: 'Fay' });
      await asking.api('passages.create', { articleId: 1, start: 10, end: 20 });
    } finally {
      await asking.stop();
    }
    expect(JSON.parse(readFileSync(join(userData, 'coder.json'), 'utf8'))).toMatchObject({ name: 'Fay' });

    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'coder.json'), JSON.stringify({ name: 'Gus', colour: '#009e73' }));
    const profiled = await startServe(library, { MARGINALIA_USER_DATA: join(dir, 'other') });
    try {
      expect(await profiled.api('coders.current')).toMatchObject({ name: 'Gus', colour: '#009e73', needsProfile: false });
      await profiled.api('passages.create', { articleId: 1, start: 30, end: 40 });
    } finally {
      await profiled.stop();
    }
    expect(codedPassages(library).map(([, coder]) => coder)).toEqual(['Eve', 'Fay', 'Gus']);
  });
});

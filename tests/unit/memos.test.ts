import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qdpxFromFile } from '../../electron/core/export/commands';
import { MEMO_COLUMNS } from '../../electron/core/export/csv-memos';
import { runCli } from '../run-cli';
import { writeZip } from '../fixtures/import/zip-writer';
import { tempDir } from './helpers';
import { call, expectHealthy, importTass, insertArticle, openSession, refused } from './passages-fixture';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'marginalia.mjs');

describe('memos', () => {
  it('one per article and one for the library, in Markdown; every edit is undone and redone', async () => {
    const { ctx, db } = openSession();
    const { id } = await importTass(ctx);
    expect(await call(ctx, 'memos.get', { articleId: id })).toEqual({ articleId: id, text: '', updatedAt: null });
    const article = await call(ctx, 'memos.set', { articleId: id, text: 'TASS quotes **6.5 mln** refugees.\r\n\r\n- check UNHCR' });
    expect(article).toMatchObject({ articleId: id, text: 'TASS quotes **6.5 mln** refugees.\n\n- check UNHCR' });
    expect(article.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await call(ctx, 'memos.set', { articleId: null, text: '# Study plan\n\nCompare outlets.' });
    await call(ctx, 'memos.set', { articleId: id, text: 'Second thoughts.' });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Edit article memo');

    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'memos.get', { articleId: id })).text).toBe('TASS quotes **6.5 mln** refugees.\n\n- check UNHCR');
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'memos.get', { articleId: null })).text).toBe('');
    await call(ctx, 'edit.redo', {});
    expect((await call(ctx, 'memos.get', { articleId: null })).text).toBe('# Study plan\n\nCompare outlets.');
    // Empty text removes the memo; undo brings it back.
    await call(ctx, 'memos.set', { articleId: id, text: '  \n' });
    expect(await call(ctx, 'memos.get', { articleId: id })).toEqual({ articleId: id, text: '', updatedAt: null });
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'memos.get', { articleId: id })).text).toBe('TASS quotes **6.5 mln** refugees.\n\n- check UNHCR');
    expect((await call(ctx, 'stats.get', {})).memos).toBe(2);
    expectHealthy(db);
  });

  it('are found by search, numbers included, and by the CLI', async () => {
    const { ctx, session } = openSession();
    const { id } = await importTass(ctx);
    await call(ctx, 'memos.set', { articleId: id, text: 'Compare with the UNHCR count of 6,500,000 displaced.' });
    await call(ctx, 'memos.set', { articleId: null, text: 'Questions for the editor: who counted the displaced?' });
    const hits = await call(ctx, 'search.query', { query: 'displaced' });
    expect(hits.memos.map((m) => [m.articleId, m.articleTitle])).toEqual(
      expect.arrayContaining([
        [id, 'Hotbed of international terrorism in Syria virtually eliminated, says Putin'],
        [null, null],
      ]),
    );
    const byNumber = await call(ctx, 'search.query', { query: '6.5 million' });
    expect(byNumber.memos).toHaveLength(1);
    expect(byNumber.memos[0]!.snippet).toContain('\uE0006,500,000\uE001');
    const cli = await runCli(['search', '--library', session.lib.path, 'editor']);
    expect(cli.stdout).toBe(
      'library memo\n\tQuestions for the [editor]: who counted the displaced?\n0 articles, 0 passages, 0 notes, 0 claims, 1 memo\n',
    );
  });

  it('refuse an article that does not exist and text past the limit, and go with their article and come back with its undo', async () => {
    const { ctx, db } = openSession();
    const { id } = await importTass(ctx);
    expect((await refused(ctx, 'memos.set', { articleId: 999, text: 'x' })).message).toMatch(/Article 999 does not exist/);
    expect((await refused(ctx, 'memos.set', { articleId: id, text: 'x'.repeat(10_000_001) })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'memos.get', {})).code).toBe('invalid-arguments');
    await call(ctx, 'memos.set', { articleId: id, text: 'A memo on refugees.' });
    await call(ctx, 'articles.delete', { ids: [id] });
    expect(db.prepare('SELECT count(*) FROM memos').pluck().get()).toBe(0);
    expect((await call(ctx, 'search.query', { query: 'memo' })).memos).toEqual([]);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'memos.get', { articleId: id })).text).toBe('A memo on refugees.');
    expect((await call(ctx, 'search.query', { query: 'memo' })).memos).toHaveLength(1);
    expectHealthy(db);
  });

  it('export to CSV, the library memo first, Markdown as written, formulas neutralised', async () => {
    const { ctx, session } = openSession();
    const { id } = await importTass(ctx);
    const other = insertArticle(session.lib.db, { title: 'Second article', text: 'Some text.', outlet: 'BBC', published: '2021-03' });
    await call(ctx, 'memos.set', { articleId: other, text: '=HYPERLINK("http://evil.example")' });
    await call(ctx, 'memos.set', { articleId: id, text: '## Figures\n\n"6.5 million", twice; see, also.' });
    await call(ctx, 'memos.set', { articleId: null, text: 'Library-wide memo' });
    const path = join(tempDir(), 'memos.csv');
    expect(await call(ctx, 'export.memosCsv', { path })).toEqual({ path, rows: 3 });
    const rows = parse(readFileSync(path), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...MEMO_COLUMNS]);
    expect(rows.map((r) => [r.scope, r.article_id, r.article_title, r.outlet, r.published, r.memo])).toEqual([
      ['library', '', '', '', '', 'Library-wide memo'],
      [
        'article',
        String(id),
        'Hotbed of international terrorism in Syria virtually eliminated, says Putin',
        'TASS',
        '2020-11-09',
        '## Figures\n\n"6.5 million", twice; see, also.',
      ],
      ['article', String(other), 'Second article', 'BBC', '2021-03', `'=HYPERLINK("http://evil.example")`],
    ]);
  });

  it('come in from another tool’s project: a source’s notes become its memo, the project’s the library’s', async () => {
    const { ctx, db } = openSession();
    const source = '11111111-2222-4333-8444-555555555555';
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field study">
  <Sources>
    <TextSource guid="${source}" name="Interview 1" plainTextPath="internal://${source}.txt">
      <NoteRef targetGUID="aaaaaaaa-0000-4000-8000-000000000001"/>
      <NoteRef targetGUID="aaaaaaaa-0000-4000-8000-000000000002"/>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="aaaaaaaa-0000-4000-8000-000000000001" name="Document memo"><PlainTextContent>First impressions.</PlainTextContent></Note>
    <Note guid="aaaaaaaa-0000-4000-8000-000000000002" name="Later"><PlainTextContent>Re-read after coding.</PlainTextContent></Note>
    <Note guid="aaaaaaaa-0000-4000-8000-000000000003" name="Project memo"><PlainTextContent>Codebook v2 from March.</PlainTextContent></Note>
  </Notes>
  <NoteRef targetGUID="aaaaaaaa-0000-4000-8000-000000000003"/>
</Project>`;
    const path = join(tempDir(), 'field.qdpx');
    writeFileSync(
      path,
      writeZip([
        { name: 'project.qde', data: qde },
        { name: `sources/${source}.txt`, data: 'The interview text, in full.' },
      ]),
    );
    const report = await qdpxFromFile(ctx.session.lib, path);
    expect(report.memos).toBe(2);
    const articleId = report.imported[0]!.articleId;
    expect((await call(ctx, 'memos.get', { articleId })).text).toBe('First impressions.\n\nRe-read after coding.');
    expect((await call(ctx, 'memos.get', { articleId: null })).text).toBe('Codebook v2 from March.');
    // Again: the memos hold these notes already, so nothing changes.
    expect((await qdpxFromFile(ctx.session.lib, path)).memos).toBe(0);
    expect(db.prepare('SELECT count(*) FROM memos').pluck().get()).toBe(2);
    expectHealthy(db);
  });

  it('through the CLI: memo set from an argument or standard input, memo show as written', async () => {
    const { ctx, session } = openSession();
    const { id } = await importTass(ctx);
    const library = session.lib.path;
    session.close();
    const cli = (args: string[], input?: string) =>
      execFileSync(process.execPath, [BIN, 'memo', ...args, '--library', library], { encoding: 'utf8', ...(input ? { input } : {}) });
    expect(cli(['set', 'Read', 'again', 'in', 'May.'])).toBe('The library memo is saved (18 characters).\n');
    expect(cli(['set', '--article', String(id)], '# Notes\n\nTASS, 9 November.\n')).toBe(
      `The memo of article ${id} is saved (27 characters).\n`,
    );
    expect(cli(['show'])).toBe('Read again in May.\n');
    expect(cli(['show', '--article', String(id)])).toBe('# Notes\n\nTASS, 9 November.\n');
    expect(JSON.parse(cli(['show', '--json', '--article', String(id)]))).toMatchObject({
      articleId: id,
      text: '# Notes\n\nTASS, 9 November.\n',
    });
    const missing = await runCli(['memo', 'show', '--article', '999', '--library', library]);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([
      2,
      'marginalia memo: Article 999 does not exist (it may have been deleted)',
    ]);
  });
});

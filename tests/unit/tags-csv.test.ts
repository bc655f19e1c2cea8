import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { call, dump, expectHealthy, openSession, refused } from './passages-fixture';

describe('codebook CSV', () => {
  it('round-trips quotes, commas, line breaks, Cyrillic and formula-like names through another library', async () => {
    const first = openSession();
    await call(first.ctx, 'tags.create', {
      path: 'Беженцы / Дети',
      description: 'Дети-беженцы, "вынужденные" переселенцы',
      color: '#e15759',
    });
    await call(first.ctx, 'tags.create', { path: '=SUM(A1)', description: 'Multi-line\nnote, with comma' });
    await call(first.ctx, 'tags.create', { path: 'Claims, "quoted" / -6.5 mln', description: '@mention' });
    const { csv } = await call(first.ctx, 'tags.exportCsv', {});
    expect(csv.startsWith('\uFEFFpath,description,colour\r\n')).toBe(true);
    const cells = parse(csv, { bom: true }) as string[][];
    // Cells a spreadsheet would run as formulas are neutralised.
    expect(cells.map((row) => row[0])).toEqual([
      'path',
      'Беженцы',
      'Беженцы / Дети',
      "'=SUM(A1)",
      'Claims, "quoted"',
      'Claims, "quoted" / -6.5 mln',
    ]);
    expect(cells[3]![1]).toBe('Multi-line\nnote, with comma');
    expect(cells[5]![1]).toBe("'@mention");

    const second = openSession();
    expect(await call(second.ctx, 'tags.importCsv', { csv })).toEqual({ created: 5, updated: 0 });
    expect((await call(second.ctx, 'tags.exportCsv', {})).csv).toBe(csv);
    const strip = (tags: Awaited<ReturnType<typeof listOf>>) => tags.map(({ path, description, color }) => ({ path, description, color }));
    const listOf = (session: ReturnType<typeof openSession>) => call(session.ctx, 'tags.list', {});
    expect(strip(await listOf(second))).toEqual(strip(await listOf(first)));
    expect((await listOf(second)).find((t) => t.name === 'Дети')?.description).toBe('Дети-беженцы, "вынужденные" переселенцы');

    // Importing the same codebook again changes nothing.
    expect(await call(second.ctx, 'tags.importCsv', { csv })).toEqual({ created: 0, updated: 0 });
    expectHealthy(second.db);
  });

  it('merges a file into an existing codebook as one undoable edit', async () => {
    const { ctx, db } = openSession();
    await call(ctx, 'tags.create', { path: 'Syria', description: 'keep me' });
    await call(ctx, 'tags.create', { path: 'Iran' });
    const before = dump(db);
    const csv = 'Path,Colour,Description\nsyria,,\nIRAN,#ABCDEF,Sanctions\nSyria / Refugees,4e79a7,"UNHCR, 2020"\n\nTurkey / Idlib,,\n';
    expect(await call(ctx, 'tags.importCsv', { csv })).toEqual({ created: 3, updated: 1 });
    const tags = await call(ctx, 'tags.list', {});
    expect(tags.map((t) => [t.path, t.color, t.description])).toEqual([
      ['Syria', tags[0]!.color, 'keep me'],
      ['Syria / Refugees', '#4e79a7', 'UNHCR, 2020'],
      ['Iran', '#abcdef', 'Sanctions'],
      ['Turkey', tags[3]!.color, ''],
      ['Turkey / Idlib', tags[4]!.color, ''],
    ]);
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Import codebook');
    await call(ctx, 'edit.undo', {});
    expect(dump(db)).toEqual(before);
    await call(ctx, 'edit.redo', {});
    expect((await call(ctx, 'tags.list', {})).length).toBe(5);
    expectHealthy(db);
  });

  it('refuses a bad file whole, naming the line', async () => {
    const { ctx, db } = openSession();
    expect((await refused(ctx, 'tags.importCsv', { csv: 'name,colour\nSyria,#000000\n' })).message).toMatch(/must name its columns: path/);
    expect(await refused(ctx, 'tags.importCsv', { csv: 'path,colour\nSyria,#000000\nIran,red\n' })).toEqual({
      code: 'invalid-arguments',
      message: 'Line 3: "red" is not a colour; use the form #4e79a7.',
    });
    expect((await refused(ctx, 'tags.importCsv', { csv: 'path\nA // B\n' })).message).toMatch(/^Line 2: .*empty level/);
    expect((await refused(ctx, 'tags.importCsv', { csv: 'path\n"unclosed\n' })).message).toMatch(/not valid CSV/);
    expect(db.prepare('SELECT count(*) AS n FROM tags').get()).toEqual({ n: 0 });
    expect((await call(ctx, 'edit.state', {})).canUndo).toBe(false);
  });
});

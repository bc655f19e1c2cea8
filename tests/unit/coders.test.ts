import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { CODER_PALETTE } from '../../electron/core/teams/palette';
import { osUserName, profileIn } from '../../electron/core/teams/profile';
import { call, importTass, insertArticle, openSession, refused } from './passages-fixture';
import { tempDir } from './helpers';

/** The coder of each row of a coded table, in the order rows were written. */
const coderOf = (db: Database, table: string): Array<number | null> =>
  db
    .prepare(`SELECT coder_id FROM ${table} ORDER BY ${table === 'passage_tags' ? 'passage_id, tag_id' : 'id'}`)
    .pluck()
    .all() as Array<number | null>;

const idOf = (db: Database, name: string): number => db.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(name) as number;

describe('coders', () => {
  it('records the acting coder on every write path: passages, notes, taggings, claims, appearances, links, memos, code-hits', async () => {
    const { ctx, db } = openSession({ coder: 'Anna' });
    const { id: articleId, text } = await importTass(ctx);
    const at = (phrase: string) => ({ articleId, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
    const tag = await call(ctx, 'tags.create', { path: 'Refugees' });
    const passage = await call(ctx, 'passages.create', { ...at('over 6.5 million refugees'), tagIds: [tag.id], note: 'UNHCR' });
    const bare = await call(ctx, 'passages.create', at('Most of them are able-bodied'));
    await call(ctx, 'passages.tag', { passageIds: [bare.id], tagId: tag.id });
    const a = await call(ctx, 'claims.create', at('over 6.5 million refugees remain outside Syria'));
    const b = await call(ctx, 'claims.create', at('Over 850,000 Syrian citizens have returned from abroad'));
    await call(ctx, 'claims.link', { fromId: a.id, toId: b.id, relation: 'varies' });
    await call(ctx, 'memos.set', { articleId, text: 'Compare with UNHCR' });
    await call(ctx, 'memos.set', { articleId: null, text: 'Library memo' });
    const hits = await call(ctx, 'tags.create', { path: 'Returns' });
    await call(ctx, 'search.codeHits', { query: 'returned', unit: 'sentence', tagId: hits.id, jobId: 'j1' });

    const anna = idOf(db, 'Anna');
    expect(passage.coderId).toBe(anna);
    for (const table of ['passages', 'passage_tags', 'claims', 'claim_appearances', 'claim_links', 'memos']) {
      const coders = coderOf(db, table);
      expect(coders.length, table).toBeGreaterThan(0);
      expect(new Set(coders), table).toEqual(new Set([anna]));
    }
  });

  it('records the coder switched to mid-session; each tagging keeps who applied it, an edit records its editor, undo restores the row as it was', async () => {
    const { ctx, db } = openSession({ coder: 'Anna' });
    const { id: articleId, text } = await importTass(ctx);
    const phrase = 'over 6.5 million refugees';
    const range = { articleId, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length };
    const first = await call(ctx, 'tags.create', { path: 'Refugees' });
    const passage = await call(ctx, 'passages.create', { ...range, tagIds: [first.id] });
    const switched = await call(ctx, 'coders.switch', { name: 'Ben' });
    expect(switched).toMatchObject({ id: null, name: 'Ben', needsProfile: false });
    const second = await call(ctx, 'tags.create', { path: 'Figures' });
    await call(ctx, 'passages.tag', { passageIds: [passage.id], tagId: second.id });
    const [anna, ben] = [idOf(db, 'Anna'), idOf(db, 'Ben')];
    expect(await call(ctx, 'coders.current', {})).toMatchObject({ id: ben, name: 'Ben' });
    expect(db.prepare('SELECT tag_id, coder_id FROM passage_tags ORDER BY tag_id').raw().all()).toEqual([
      [first.id, anna],
      [second.id, ben],
    ]);
    const ownBen = await call(ctx, 'passages.create', { ...range, start: range.start + 5 });
    expect(ownBen.coderId).toBe(ben);
    expect((await call(ctx, 'passages.update', { id: passage.id, note: 'checked' })).coderId).toBe(ben);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'passages.get', { id: passage.id })).coderId).toBe(anna);
    // "Only mine" and "Only Anna" in the Passages view.
    const listed = async (coderIds: number[]) => (await call(ctx, 'passages.list', { filter: { coderIds } })).rows.map((r) => r.id);
    expect(await listed([ben])).toEqual([ownBen.id]);
    expect(await listed([anna])).toEqual([passage.id]);
  });

  it('gives rows written before coders existed to the first coder, in the transaction that registers them; reading registers nobody', async () => {
    const path = join(tempDir(), 'legacy.marginalia');
    const before = openSession({}, path);
    const articleId = insertArticle(before.db, { title: 'Old', text: 'An old passage from before coders.' });
    const old = await call(before.ctx, 'passages.create', { articleId, start: 0, end: 6, note: 'old note' });
    const claim = await call(before.ctx, 'claims.create', { articleId, start: 0, end: 20 });
    await call(before.ctx, 'memos.set', { articleId: null, text: 'memo' });
    expect(old.coderId).toBeNull();
    before.session.close();

    const anna = openSession({ coder: 'Anna' }, path);
    await call(anna.ctx, 'passages.list', {});
    await call(anna.ctx, 'claims.list', {});
    expect(await call(anna.ctx, 'coders.list', {})).toEqual([]);
    // A first write that fails rolls back the registration with it: nothing was taken.
    expect((await refused(anna.ctx, 'passages.create', { articleId, start: 0, end: 500 })).code).toBe('invalid-arguments');
    expect(await call(anna.ctx, 'coders.list', {})).toEqual([]);
    expect(coderOf(anna.db, 'passages')).toEqual([null, null]);

    await call(anna.ctx, 'passages.create', { articleId, start: 7, end: 10 });
    const annaId = idOf(anna.db, 'Anna');
    for (const table of ['passages', 'claims', 'claim_appearances', 'memos']) {
      expect(new Set(coderOf(anna.db, table)), table).toEqual(new Set([annaId]));
    }
    expect((await call(anna.ctx, 'claims.get', { id: claim.id })).id).toBe(claim.id);

    // The second coder takes nothing.
    await call(anna.ctx, 'coders.switch', { name: 'Ben' });
    await call(anna.ctx, 'passages.create', { articleId, start: 11, end: 15 });
    expect(coderOf(anna.db, 'passages')).toEqual([annaId, annaId, annaId, idOf(anna.db, 'Ben')]);
  });

  it('asks for a profile on first run (OS user name), saves the one chosen, and the next session uses it', async () => {
    const dir = tempDir();
    const path = join(dir, 'lib.marginalia');
    const profile = profileIn(join(dir, 'user-data'));
    const first = openSession({ profile }, path);
    expect(await call(first.ctx, 'coders.current', {})).toEqual({
      id: null,
      name: osUserName(),
      colour: CODER_PALETTE[0],
      needsProfile: true,
    });
    await call(first.ctx, 'coders.switch', { name: '  Dana  ', colour: '#D55E00' });
    expect(JSON.parse(readFileSync(join(dir, 'user-data', 'coder.json'), 'utf8'))).toEqual({ name: 'Dana', colour: '#d55e00' });
    const articleId = insertArticle(first.db, { title: 'T', text: 'Some words here.' });
    await call(first.ctx, 'passages.create', { articleId, start: 0, end: 4 });
    expect(await call(first.ctx, 'coders.list', {})).toMatchObject([{ name: 'Dana', colour: '#d55e00' }]);
    first.session.close();

    const next = openSession({ profile }, path);
    expect(await call(next.ctx, 'coders.current', {})).toMatchObject({ name: 'Dana', colour: '#d55e00', needsProfile: false });
    // Renaming the acting coder renames the profile too; the passage stays theirs.
    const dana = (await call(next.ctx, 'coders.current', {}))!.id as number;
    await call(next.ctx, 'coders.update', { id: dana, name: 'Dana K.' });
    expect(profile.read()).toEqual({ name: 'Dana K.', colour: '#d55e00' });
    expect(coderOf(next.db, 'passages')).toEqual([dana]);
  });

  it('picks colours from the accessible palette, refuses a second coder of the same name, and undoes a rename', async () => {
    const { ctx, db } = openSession({ coder: 'Anna' });
    const articleId = insertArticle(db, { title: 'T', text: 'Some words here for three coders.' });
    for (const [name, start] of [
      ['Anna', 0],
      ['Ben', 5],
      ['Cleo', 11],
    ] as const) {
      await call(ctx, 'coders.switch', { name });
      await call(ctx, 'passages.create', { articleId, start, end: start + 4 });
    }
    const coders = await call(ctx, 'coders.list', {});
    expect(coders.map((c) => [c.name, c.colour])).toEqual([
      ['Anna', CODER_PALETTE[0]],
      ['Ben', CODER_PALETTE[1]],
      ['Cleo', CODER_PALETTE[2]],
    ]);
    const ben = coders[1]!.id;
    expect((await refused(ctx, 'coders.update', { id: ben, name: 'anna' })).message).toBe(
      'There is already a coder named "Anna" in this library.',
    );
    await call(ctx, 'coders.update', { id: ben, name: 'Benedikt' });
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'coders.list', {})).map((c) => c.name)).toEqual(['Anna', 'Ben', 'Cleo']);
  });

  it('keeps the blind-coding setting in the library, undoably; the Claims view filters by coder', async () => {
    const { ctx, db } = openSession({ coder: 'Anna' });
    const { id: articleId, text } = await importTass(ctx);
    const at = (phrase: string) => ({ articleId, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
    expect(await call(ctx, 'library.blindCoding', {})).toEqual({ on: false });
    expect(await call(ctx, 'library.setBlindCoding', { on: true })).toEqual({ on: true });
    expect(await call(ctx, 'library.blindCoding', {})).toEqual({ on: true });
    expect((await refused(ctx, 'library.setBlindCoding', { on: true })).message).toBe('Blind coding is already on in this library.');
    await call(ctx, 'edit.undo', {});
    expect(await call(ctx, 'library.blindCoding', {})).toEqual({ on: false });

    const a = await call(ctx, 'claims.create', at('over 6.5 million refugees remain outside Syria'));
    await call(ctx, 'coders.switch', { name: 'Ben' });
    const b = await call(ctx, 'claims.create', at('Over 850,000 Syrian citizens have returned from abroad'));
    const only = async (name: string) => (await call(ctx, 'claims.list', { coderIds: [idOf(db, name)] })).items.map((row) => row.id);
    expect(await only('Anna')).toEqual([a.id]);
    expect(await only('Ben')).toEqual([b.id]);
  });
});

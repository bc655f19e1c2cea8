import { describe, expect, it } from 'vitest';
import { call, dump, expectHealthy, importTass, insertArticle, openSession, refused } from './passages-fixture';
import { TASS } from '../fixtures/tass';

describe('passages', () => {
  it('creates a passage covering exactly the selected code units, with its quote selector', async () => {
    const { ctx, db, session } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const announced: string[][] = [];
    session.on('library.changed', ({ kinds }) => announced.push(kinds));
    const start = text.indexOf('over 6.5 million refugees');
    const end = start + 'over 6.5 million refugees remain outside Syria'.length;
    const tag = await call(ctx, 'tags.create', { path: 'Refugees' });
    const passage = await call(ctx, 'passages.create', {
      articleId,
      start,
      end,
      tagIds: [tag.id, tag.id],
      note: '  UNHCR says 5.6 million  ',
    });
    expect(passage).toMatchObject({
      articleId,
      start,
      end,
      exact: 'over 6.5 million refugees remain outside Syria',
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
      note: 'UNHCR says 5.6 million',
      anchor: 'exact',
      tagIds: [tag.id],
      claimIds: [],
    });
    expect(await call(ctx, 'passages.get', { id: passage.id })).toMatchObject({
      id: passage.id,
      articleTitle: TASS.title,
    });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Tag passage with Refugees');
    // What changed: passages and taggings (the views know the article list's counts show them).
    expect(announced).toEqual([['tags'], ['passages', 'tags']]);
    // Found by search through its quote and its normalised numbers, and as a note through its note.
    const hits = await call(ctx, 'search.query', { query: '6,500,000 refugees' });
    expect(hits.passages.map((p) => p.id)).toEqual([passage.id]);
    const byNote = await call(ctx, 'search.query', { query: 'UNHCR' });
    expect([byNote.passages, byNote.notes.map((p) => p.id), byNote.counts.notes]).toEqual([[], [passage.id], 1]);
    expectHealthy(db);
  });

  it('refuses ranges outside the text, empty ranges, split surrogate pairs and unknown tags', async () => {
    const { ctx, db } = openSession();
    const articleId = insertArticle(db, { title: 'Emoji', text: 'Flags 🇸🇾 and 😀 here.' });
    const smile = 'Flags 🇸🇾 and 😀 here.'.indexOf('😀');
    expect(await call(ctx, 'passages.create', { articleId, start: smile, end: smile + 2 })).toMatchObject({ exact: '😀' });
    expect(await refused(ctx, 'passages.create', { articleId, start: smile, end: smile + 1 })).toEqual({
      code: 'invalid-arguments',
      message: `The passage ${smile}–${smile + 1} cuts a character in half; select whole characters.`,
    });
    expect((await refused(ctx, 'passages.create', { articleId, start: 5, end: 5 })).message).toMatch(/at least one character/);
    expect((await refused(ctx, 'passages.create', { articleId, start: 0, end: 500 })).message).toMatch(
      /ends beyond the article's text \(23 characters\)/,
    );
    expect((await refused(ctx, 'passages.create', { articleId, start: 0, end: 3, tagIds: [77] })).code).toBe('not-found');
    expect((await refused(ctx, 'passages.create', { articleId: 99, start: 0, end: 3 })).message).toMatch(/Article 99 does not exist/);
    // Schema-level checks: negative offsets, fractions, unknown keys.
    expect((await refused(ctx, 'passages.create', { articleId, start: -1, end: 3 })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'passages.create', { articleId, start: 0.5, end: 3 })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'passages.update', { id: 1, note: 'x', exact: 'forged' })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'passages.list', { sort: { column: 'id; DROP TABLE passages', direction: 'asc' } })).code).toBe(
      'invalid-arguments',
    );
    expect(db.prepare('SELECT count(*) AS n FROM passages').get()).toEqual({ n: 1 });
  });

  it('lists an article’s passages in reading order with their tags and claims', async () => {
    const { ctx, db } = openSession();
    const { id: articleId } = await importTass(ctx);
    const a = await call(ctx, 'tags.create', { path: 'A' });
    const b = await call(ctx, 'tags.create', { path: 'B' });
    const late = await call(ctx, 'passages.create', { articleId, start: 100, end: 140, tagIds: [b.id, a.id] });
    const nested = await call(ctx, 'passages.create', { articleId, start: 10, end: 20 });
    const outer = await call(ctx, 'passages.create', { articleId, start: 10, end: 60, tagIds: [a.id] });
    db.prepare(`INSERT INTO claims (uid, statement, created_at, updated_at) VALUES ('c1', 'Terrorism eliminated', 'x', 'x')`).run();
    db.prepare(`INSERT INTO claim_appearances (claim_id, passage_id, created_at) VALUES (1, ?, 'x')`).run(outer.id);
    const list = await call(ctx, 'passages.forArticle', { articleId });
    expect(list.map((p) => [p.id, p.start, p.end, p.tagIds, p.claimIds])).toEqual([
      [nested.id, 10, 20, [], []],
      [outer.id, 10, 60, [a.id], [1]],
      [late.id, 100, 140, [a.id, b.id], []],
    ]);
    expect((await refused(ctx, 'passages.forArticle', { articleId: 5 })).code).toBe('not-found');
  });

  it('undoes and redoes a long chain of passage edits step by step, restoring rows, taggings and claim appearances with their ids', async () => {
    const { ctx, db } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const putin = await call(ctx, 'tags.create', { path: 'Actors / Putin' });
    const syria = await call(ctx, 'tags.create', { path: 'Places / Syria' });
    const quote = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    // A passage that a claim cites (the Claims issue writes these; here a row stands in).
    const cited = await call(ctx, 'passages.create', { articleId, ...quote('6.5 mln refugees'), tagIds: [putin.id] });
    db.prepare(`INSERT INTO claims (uid, statement, created_at, updated_at) VALUES ('c', '6.5 million refugees abroad', 'x', 'x')`).run();
    db.prepare(`INSERT INTO claim_appearances (id, claim_id, passage_id, created_at) VALUES (41, 1, ?, 'x')`).run(cited.id);
    const states = [dump(db)];
    const labels: string[] = [];
    const step = async (run: () => Promise<unknown>) => {
      await run();
      states.push(dump(db));
      labels.push((await call(ctx, 'edit.state', {})).undoLabel!);
    };

    let first = 0;
    let second = 0;
    await step(async () => (first = (await call(ctx, 'passages.create', { articleId, ...quote('hotbed of international terrorism') })).id));
    await step(() => call(ctx, 'passages.tag', { passageIds: [first], tagId: putin.id }));
    await step(
      async () => (second = (await call(ctx, 'passages.create', { articleId, ...quote('Bashar al-Assad'), tagIds: [syria.id] })).id),
    );
    await step(() => call(ctx, 'passages.tag', { passageIds: [first, second], tagId: syria.id }));
    await step(() => call(ctx, 'passages.update', { id: first, note: 'Compare with UN reports' }));
    await step(() => call(ctx, 'passages.update', { id: first, note: 'Compare with OCHA reports' }));
    await step(() => call(ctx, 'passages.untag', { passageId: first, tagId: putin.id }));
    await step(() => call(ctx, 'passages.update', { id: second, note: 'the counterpart' }));
    await step(() => call(ctx, 'passages.update', { id: second, note: '' }));
    await step(() => call(ctx, 'passages.delete', { ids: [first, cited.id] }));
    await step(() => call(ctx, 'tags.delete', { id: putin.id }));
    expect(labels).toEqual([
      'Mark passage',
      'Tag passage with Putin',
      'Tag passage with Syria',
      'Tag 2 passages with Syria',
      'Add note',
      'Edit note',
      'Remove Putin from passage',
      'Add note',
      'Remove note',
      'Delete 2 passages',
      'Delete tag Putin',
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM claim_appearances').get()).toEqual({ n: 0 });
    expect((await call(ctx, 'search.query', { query: 'OCHA' })).notes).toEqual([]);
    expectHealthy(db);

    for (let i = states.length - 2; i >= 0; i--) {
      await call(ctx, 'edit.undo', {});
      expect(dump(db)).toEqual(states[i]);
      expectHealthy(db);
    }
    // Back at the set-up: the next step to undo is creating the cited passage.
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Tag passage with Putin');
    for (let i = 1; i < states.length; i++) {
      await call(ctx, 'edit.redo', {});
      expect(dump(db)).toEqual(states[i]);
      expectHealthy(db);
    }
    // Undoing the deletion brings back the cited passage's claim appearance with its id.
    await call(ctx, 'edit.undo', {});
    await call(ctx, 'edit.undo', {});
    expect(db.prepare('SELECT id, passage_id FROM claim_appearances').all()).toEqual([{ id: 41, passage_id: cited.id }]);
    expect((await call(ctx, 'search.query', { query: 'OCHA' })).notes.map((p) => p.id)).toEqual([first]);
    // A new edit after undoing forgets the redo history.
    await call(ctx, 'passages.update', { id: second, note: 'new branch' });
    expect((await call(ctx, 'edit.state', {})).canRedo).toBe(false);
    expectHealthy(db);
  });

  it('re-attaches an orphan to newly selected text', async () => {
    const { ctx, db } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const passage = await call(ctx, 'passages.create', { articleId, start: 0, end: 12 });
    db.prepare(`UPDATE passages SET anchor = 'orphan' WHERE id = ?`).run(passage.id);
    const start = text.indexOf('Astana format');
    const back = await call(ctx, 'passages.reattach', { id: passage.id, start, end: start + 13 });
    expect(back).toMatchObject({ start, end: start + 13, exact: 'Astana format', anchor: 'exact' });
    expect((await call(ctx, 'search.query', { query: 'Astana' })).passages.map((p) => p.id)).toEqual([passage.id]);
    await call(ctx, 'edit.undo', {});
    expect(await call(ctx, 'passages.get', { id: passage.id })).toMatchObject({ start: 0, end: 12, anchor: 'orphan' });
    expect((await refused(ctx, 'passages.reattach', { id: passage.id, start: 3, end: 2 })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'passages.untag', { passageId: passage.id, tagId: 1 })).code).toBe('not-found');
    expectHealthy(db);
  });
});

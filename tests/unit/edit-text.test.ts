import { describe, expect, it } from 'vitest';
import { sha256 } from '../../electron/core/import/prepare';
import type { Block } from '../../electron/shared/article';
import { call, dump, expectHealthy, importTass, insertArticle, openSession, refused } from './passages-fixture';

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in text: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('editing an article’s text', () => {
  it('moves passages with their words: shifted exact, edited inside fuzzy, deleted paragraph orphaned; undo and redo restore all', async () => {
    const { ctx, db } = openSession();
    const { id, text } = await importTass(ctx);
    const mark = async (quote: string) => {
      const start = text.indexOf(quote);
      return call(ctx, 'passages.create', { articleId: id, start, end: start + quote.length });
    };
    const refugees = await mark('over 6.5 million refugees remain outside Syria');
    const hotbed = await mark('the hotbed of international terrorism there has actually been eliminated');
    const doomed = await mark('providing temporary accommodation and basic necessities to Syrians');
    const returned = await mark('Over 850,000 Syrian citizens have returned from abroad');
    const blocksBefore = (await call(ctx, 'articles.get', { id })).blocks;
    const before = dump(db);

    const paragraph = text.slice(
      text.lastIndexOf('\n\n', text.indexOf('They have to bear')) + 2,
      text.indexOf('\n\n', text.indexOf('They have to bear')),
    );
    let edited = replaceOnce(text, 'NOVO-OGARYOVO, November 9.', 'NOVO-OGARYOVO (Moscow Region), November 9.');
    edited = replaceOnce(edited, 'there has actually been eliminated', 'there has actually been largely eliminated');
    edited = replaceOnce(edited, paragraph + '\n\n', '');
    // What the analyst pastes may carry Windows line ends; it is stored normalised.
    const result = await call(ctx, 'articles.editText', { id, text: edited.replaceAll('\n', '\r\n') });
    expect(result.reanchored).toEqual({ exact: 2, fuzzy: 1, orphan: 1 });
    expect(result.article.id).toBe(id);

    const stored = await call(ctx, 'articles.get', { id });
    expect(stored.text).toBe(edited);
    expect(db.prepare('SELECT sha256 FROM articles WHERE id = ?').pluck().get(id)).toBe(sha256(edited));
    const byId = new Map((await call(ctx, 'passages.forArticle', { articleId: id })).map((p) => [p.id, p]));
    const shifted = byId.get(refugees.id)!;
    expect(shifted).toMatchObject({
      anchor: 'exact',
      start: refugees.start + '(Moscow Region) '.length + 'largely '.length,
      exact: refugees.exact,
      suffix: refugees.suffix,
    });
    expect(byId.get(returned.id)!.anchor).toBe('exact');
    expect(edited.slice(byId.get(returned.id)!.start, byId.get(returned.id)!.end)).toBe(returned.exact);
    const fuzzy = byId.get(hotbed.id)!;
    expect(fuzzy).toMatchObject({
      anchor: 'fuzzy',
      exact: 'the hotbed of international terrorism there has actually been largely eliminated',
    });
    expect(edited.slice(fuzzy.start, fuzzy.end)).toBe(fuzzy.exact);
    expect(fuzzy.prefix).toBe(edited.slice(fuzzy.start - 32, fuzzy.start));
    // The orphan keeps what the analyst marked, on a non-empty range inside the new text.
    const orphan = byId.get(doomed.id)!;
    expect(orphan).toMatchObject({ anchor: 'orphan', exact: doomed.exact, prefix: doomed.prefix, suffix: doomed.suffix });
    expect(orphan.end).toBeGreaterThan(orphan.start);
    expect(orphan.end).toBeLessThanOrEqual(edited.length);

    // Blocks: one fewer; unchanged blocks keep their kind, so the subheading stays a heading.
    const blocks = stored.blocks;
    expect(blocks.length).toBe(blocksBefore.length - 1);
    const kindOf = (list: Block[], body: string, words: string) => list.find((b) => body.slice(b.start, b.end).startsWith(words))?.kind;
    expect(kindOf(blocks, edited, 'Reconstruction work')).toBe(kindOf(blocksBefore, text, 'Reconstruction work'));
    expect(kindOf(blocks, edited, 'Reconstruction work')).toBe('heading');
    expect((await call(ctx, 'search.query', { query: 'largely' })).articles.map((a) => a.id)).toEqual([id]);
    const after = dump(db);
    expectHealthy(db);
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Edit article text');

    await call(ctx, 'edit.undo', {});
    expect(dump(db)).toEqual(before);
    expect((await call(ctx, 'search.query', { query: 'largely' })).articles).toEqual([]);
    expectHealthy(db);
    await call(ctx, 'edit.redo', {});
    expect(dump(db)).toEqual(after);
    expectHealthy(db);

    // The orphan can be re-attached to new text, and that too undoes.
    const start = edited.indexOf('inter-agency coordination centers');
    expect(await call(ctx, 'passages.reattach', { id: doomed.id, start, end: start + 33 })).toMatchObject({
      anchor: 'exact',
      exact: 'inter-agency coordination centers',
    });
    await call(ctx, 'edit.undo', {});
    await call(ctx, 'edit.undo', {});
    expect(dump(db)).toEqual(before);
  });

  it('keeps a repeated quote on its own occurrence, and handles emoji, combining marks and right-to-left text', async () => {
    const { ctx, db } = openSession();
    const text = 'Refugees return home. 😀 Refugees return home.\n\nقال اللاجئون إنهم سيعودون\n\nCafe\u0301 owners returned too.';
    const id = insertArticle(db, { title: 'Mixed', text: text.normalize('NFC') });
    const stored = (await call(ctx, 'articles.get', { id })).text;
    const second = stored.indexOf('Refugees return home', 5);
    const repeated = await call(ctx, 'passages.create', { articleId: id, start: second, end: second + 20 });
    const arabicAt = stored.indexOf('اللاجئون');
    const arabic = await call(ctx, 'passages.create', { articleId: id, start: arabicAt, end: arabicAt + 'اللاجئون إنهم'.length });
    const cafeAt = stored.indexOf('Café');
    const cafe = await call(ctx, 'passages.create', { articleId: id, start: cafeAt, end: cafeAt + 'Café owners'.length });

    // An emoji (two code units) before everything, and the accent typed as a combining mark again.
    const edited = '🇸🇾 ' + text;
    const result = await call(ctx, 'articles.editText', { id, text: edited });
    expect(result.reanchored).toEqual({ exact: 3, fuzzy: 0, orphan: 0 });
    const after = new Map((await call(ctx, 'passages.forArticle', { articleId: id })).map((p) => [p.id, p]));
    expect(after.get(repeated.id)).toMatchObject({ start: second + 5, exact: 'Refugees return home' });
    expect(after.get(arabic.id)).toMatchObject({ start: arabicAt + 5, exact: 'اللاجئون إنهم' });
    expect(after.get(cafe.id)).toMatchObject({ start: cafeAt + 5, exact: 'Café owners' });
    const { text: now, blocks } = await call(ctx, 'articles.get', { id });
    expect(blocks.map((b) => [b.kind, now.slice(b.start, b.end)])).toEqual(now.split('\n\n').map((body) => ['paragraph', body]));
    expectHealthy(db);
  });

  it('refuses an empty text and an unknown article', async () => {
    const { ctx, db } = openSession();
    const id = insertArticle(db, { title: 'Short', text: 'Some text.' });
    expect((await refused(ctx, 'articles.editText', { id, text: ' \n\n ' })).code).toBe('invalid-arguments');
    expect((await refused(ctx, 'articles.editText', { id: 42, text: 'x' })).code).toBe('not-found');
    expect((await refused(ctx, 'articles.editText', { id })).code).toBe('invalid-arguments');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers';
import { call, expectHealthy, importTass, insertArticle, openSession, refused } from './passages-fixture';

/** Every table claim edits touch, for comparing whole states across undo and redo. */
function claimState(db: Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['passages', 'claims', 'claim_appearances', 'claim_links', 'claim_rejections']) {
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
  }
  out.claims_fts = db.prepare('SELECT rowid, statement, terms FROM claims_fts ORDER BY rowid').all();
  return out;
}

const ruText = readFileSync(join(FIXTURES, 'import', 'encodings', 'expected', 'ru-refugees.txt'), 'utf8');

describe('claim edits', () => {
  it('makes a claim from a selection, prefilled from its sentence, attribution and figure', async () => {
    const { ctx } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const phrase = 'over 6.5 million refugees remain outside Syria';
    const start = text.indexOf(phrase);
    const claim = await call(ctx, 'claims.create', { articleId, start, end: start + phrase.length });
    expect(claim).toMatchObject({
      statement: 'Over 6.5 million refugees remain outside Syria',
      kind: 'statistic',
      speaker: 'Vladimir Putin',
      value: 6_500_000,
      unit: 'people',
      counted: 'refugee',
      qualifier: 'more than',
    });
    expect(claim.appearances).toMatchObject([
      { articleId, start, end: start + phrase.length, stance: 'attributes', speaker: 'Vladimir Putin', quote: phrase },
    ]);
    // Everything stays editable; a new statement brings its own figure.
    const edited = await call(ctx, 'claims.update', {
      id: claim.id,
      statement: 'About 5.6 million Syrian refugees are registered',
      kind: 'other',
    });
    expect(edited).toMatchObject({ kind: 'other', value: 5_600_000, counted: 'refugee', qualifier: 'about' });
    expect((await refused(ctx, 'claims.create', { articleId, start })).code).toBe('invalid-arguments');
  });

  it('undoes and redoes every claim edit to the exact rows', async () => {
    const { ctx, db } = openSession();
    const { id: tassId, text } = await importTass(ctx);
    const ruId = insertArticle(db, { title: 'Возвращение беженцев', text: ruText, outlet: 'RU', published: '2020-11-10' });
    const at = (quote: string, articleId = tassId, body = text) => ({
      articleId,
      start: body.indexOf(quote),
      end: body.indexOf(quote) + quote.length,
    });
    const states = [claimState(db)];
    const labels: string[] = [];
    const step = async <T>(run: () => Promise<T>): Promise<T> => {
      const value = await run();
      states.push(claimState(db));
      labels.push((await call(ctx, 'edit.state', {})).undoLabel!);
      return value;
    };
    const a = await step(() => call(ctx, 'claims.create', at('over 6.5 million refugees remain outside Syria')));
    const b = await step(() => call(ctx, 'claims.create', at('Over 850,000 Syrian citizens have returned from abroad')));
    const c = await step(() =>
      call(ctx, 'claims.create', { ...at('More than 6.5 mln refugees remain outside Syria'), statement: 'Refugees abroad: 6.5 mln' }),
    );
    await step(() =>
      call(ctx, 'claims.addAppearance', { claimId: a.id, ...at('свыше 6,5 млн беженцев', ruId, ruText), stance: 'asserts' }),
    );
    await step(() => call(ctx, 'claims.update', { id: b.id, note: 'UNHCR counts differently' }));
    const link = await step(() => call(ctx, 'claims.link', { fromId: a.id, toId: b.id, relation: 'related', note: 'same speech' }));
    await step(() => call(ctx, 'claims.linkNote', { linkId: link.id, note: 'same speech, other figure' }));
    await step(() => call(ctx, 'claims.link', { fromId: c.id, toId: b.id, relation: 'varies' }));
    await step(() => call(ctx, 'claims.reject', { claimId: b.id, ...at('Более 850 тысяч', ruId, ruText) }));
    const merged = await step(() => call(ctx, 'claims.merge', { sourceId: c.id, targetId: a.id }));
    const appearance = merged.appearances.find((x) => x.articleId === ruId)!;
    await step(() => call(ctx, 'claims.updateAppearance', { id: appearance.id, stance: 'questions' }));
    const split = await step(() => call(ctx, 'claims.split', { appearanceId: appearance.id }));
    await step(() => call(ctx, 'claims.removeAppearance', { id: split.appearances[0]!.id }));
    await step(() => call(ctx, 'claims.unlink', { linkId: link.id }));
    await step(() => call(ctx, 'claims.delete', { id: b.id }));
    expect(labels).toEqual([
      'Make claim',
      'Make claim',
      'Make claim',
      'Add appearance',
      'Edit claim',
      'Link claims (related)',
      'Edit link note',
      'Link claims (varies)',
      'Reject suggestion',
      'Merge claims',
      'Edit appearance',
      'Split appearance off',
      'Remove appearance',
      'Remove link',
      'Delete claim',
    ]);
    expect(split.statement).toBe('Свыше 6,5 млн беженцев');
    expectHealthy(db);
    for (let i = states.length - 2; i >= 0; i--) {
      await call(ctx, 'edit.undo', {});
      expect(claimState(db), `after undoing step ${i + 1}`).toEqual(states[i]);
    }
    for (let i = 1; i < states.length; i++) {
      await call(ctx, 'edit.redo', {});
      expect(claimState(db), `after redoing step ${i}`).toEqual(states[i]);
    }
    expectHealthy(db);
  });

  it("edits a link's note after the link is made: one link, the same note from both ends, undone in one step", async () => {
    const { ctx } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const at = (quote: string) => ({ articleId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const a = await call(ctx, 'claims.create', at('over 6.5 million refugees remain outside Syria'));
    const b = await call(ctx, 'claims.create', at('Over 850,000 Syrian citizens have returned from abroad'));
    const link = await call(ctx, 'claims.link', { fromId: a.id, toId: b.id, relation: 'varies', note: 'Returns, not refugees' });
    const notes = async () =>
      Promise.all([a.id, b.id].map(async (id) => (await call(ctx, 'claims.get', { id })).links.map((l) => [l.id, l.note])));

    const edited = await call(ctx, 'claims.linkNote', { linkId: link.id, note: '  Returns from abroad, not refugees outside  ' });
    expect(edited).toMatchObject({
      id: link.id,
      fromClaimId: a.id,
      toClaimId: b.id,
      relation: 'varies',
      note: 'Returns from abroad, not refugees outside',
    });
    expect(await notes()).toEqual([
      [[link.id, 'Returns from abroad, not refugees outside']],
      [[link.id, 'Returns from abroad, not refugees outside']],
    ]);
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Edit link note');
    // From the other end, an empty note clears it.
    await call(ctx, 'claims.linkNote', { linkId: link.id, note: '' });
    expect(await notes()).toEqual([[[link.id, '']], [[link.id, '']]]);
    await call(ctx, 'edit.undo', {});
    await call(ctx, 'edit.undo', {});
    expect(await notes()).toEqual([[[link.id, 'Returns, not refugees']], [[link.id, 'Returns, not refugees']]]);
    await call(ctx, 'edit.redo', {});
    expect(await notes()).toEqual([
      [[link.id, 'Returns from abroad, not refugees outside']],
      [[link.id, 'Returns from abroad, not refugees outside']],
    ]);
    expect((await refused(ctx, 'claims.linkNote', { linkId: 999, note: 'x' })).code).toBe('not-found');
    expect((await refused(ctx, 'claims.linkNote', { linkId: link.id, note: 'x'.repeat(10_001) })).code).toBe('invalid-arguments');
  });

  it('merges without duplicate links or appearances, and links once whichever way round', async () => {
    const { ctx } = openSession();
    const { id: articleId, text } = await importTass(ctx);
    const at = (quote: string) => ({ articleId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const a = await call(ctx, 'claims.create', at('over 6.5 million refugees remain outside Syria'));
    const b = await call(ctx, 'claims.create', at('More than 6.5 mln refugees remain outside Syria'));
    const c = await call(ctx, 'claims.create', at('Over 850,000 Syrian citizens have returned from abroad'));
    await call(ctx, 'claims.link', { fromId: a.id, toId: c.id, relation: 'related' });
    await call(ctx, 'claims.link', { fromId: c.id, toId: b.id, relation: 'related' });
    await call(ctx, 'claims.link', { fromId: a.id, toId: b.id, relation: 'supports' });
    // A symmetric relation the other way round is the same link.
    const again = await call(ctx, 'claims.link', { fromId: c.id, toId: a.id, relation: 'related', note: 'both from the meeting' });
    expect((await call(ctx, 'claims.get', { id: a.id })).links.filter((l) => l.relation === 'related')).toHaveLength(1);
    expect(again.note).toBe('both from the meeting');
    await call(ctx, 'claims.addAppearance', { claimId: b.id, passageId: a.appearances[0]!.passageId });
    const merged = await call(ctx, 'claims.merge', { sourceId: b.id, targetId: a.id });
    expect(merged.appearances.map((x) => x.passageId).sort()).toEqual([a.appearances[0]!.passageId, b.appearances[0]!.passageId].sort());
    // a–c related twice over (a's own, and b's re-pointed) is one link; a supports b became a self-link and went.
    expect(merged.links.map((l) => [l.fromClaimId, l.toClaimId, l.relation])).toEqual([[a.id, c.id, 'related']]);
    expect((await refused(ctx, 'claims.get', { id: b.id })).code).toBe('not-found');
    expect((await refused(ctx, 'claims.link', { fromId: a.id, toId: a.id, relation: 'supports' })).message).toMatch(/itself/);
  });
});

import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type CommandName } from '../../electron/shared/contract';
import type { ChangeKind } from '../../electron/shared/types';
import { STALE_AFTER, staleAfter } from '../../renderer/src/client/refresh';
import { call, importTass, openSession } from './passages-fixture';

/** Commands that change the library or run a job: never cached, so never refreshed. */
const NOT_CACHED: CommandName[] = [
  'articles.update',
  'articles.delete',
  'articles.setMeta',
  'fields.create',
  'fields.update',
  'fields.delete',
  'articles.editText',
  'import.start',
  'import.cancel',
  'import.resume',
  'import.dismiss',
  'import.qdpx',
  // A merge's preview is asked for when the analyst picks a file or a choice, never cached.
  'merge.preview',
  'merge.run',
  // Exports: fetched when the analyst saves, never cached.
  'overview.csv',
  'agreement.csv',
  'tags.create',
  'tags.update',
  'tags.move',
  'tags.merge',
  'tags.pin',
  'tags.delete',
  'tags.exportCsv',
  'tags.importCsv',
  'passages.create',
  'passages.update',
  'passages.tag',
  'passages.untag',
  'passages.delete',
  'passages.reattach',
  'export.passagesCsv',
  'export.claimsCsv',
  'export.claimsJsonLd',
  'export.linksCsv',
  'export.memosCsv',
  'memos.set',
  'search.codeHits',
  'search.cancelCoding',
  'export.annotations',
  'export.qdpx',
  'export.report',
  'report.cancel',
  'dialog.savePath',
  'claims.create',
  'claims.update',
  'claims.delete',
  'claims.addAppearance',
  'claims.updateAppearance',
  'claims.removeAppearance',
  'claims.merge',
  'claims.split',
  'claims.link',
  'claims.linkNote',
  'claims.unlink',
  'claims.accept',
  'claims.reject',
  'claims.dismissCandidate',
  'edit.undo',
  'edit.redo',
  'coders.switch',
  'coders.update',
  'library.setBlindCoding',
];

const stale = (kinds: ChangeKind[]) =>
  Object.keys(STALE_AFTER)
    .filter((name) => staleAfter(kinds, { queryKey: [name, {}] }))
    .sort();

describe('targeted refresh', () => {
  it('maps every command a view reads to the changes that alter its answer', () => {
    const mapped = Object.keys(STALE_AFTER);
    expect([...mapped, ...NOT_CACHED].sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('refreshes after a new passage what shows passages and counts, not articles’ texts or the outlets', async () => {
    const { ctx, session } = openSession();
    const { id } = await importTass(ctx);
    const kinds = new Promise<ChangeKind[]>((resolve) => session.on('library.changed', (e) => resolve(e.kinds)));
    await call(ctx, 'passages.create', { articleId: id, start: 0, end: 20 });
    expect(stale(await kinds)).toEqual([
      'agreement.article',
      'agreement.choices',
      'agreement.compute',
      'articles.list',
      'claims.candidates',
      'claims.graph',
      'claims.list',
      'coders.current',
      'coders.list',
      'edit.state',
      'library.info',
      'overview.articlesOverTime',
      'overview.claimTimeline',
      'overview.coverage',
      'overview.drill',
      'overview.tagCooccurrence',
      'overview.tagsByMonth',
      'overview.tagsByOutlet',
      'passages.forArticle',
      'passages.get',
      'passages.list',
      'search.page',
      'search.query',
      'stats.get',
      'tags.list',
      'tags.usage',
    ]);
  });

  it('refreshes after a renamed tag only what shows tags', async () => {
    const { ctx, session } = openSession();
    const tag = await call(ctx, 'tags.create', { path: 'Syria' });
    const kinds = new Promise<ChangeKind[]>((resolve) => session.on('library.changed', (e) => resolve(e.kinds)));
    await call(ctx, 'tags.update', { id: tag.id, name: 'Syrian Arab Republic' });
    expect(stale(await kinds)).toEqual([
      'agreement.article',
      'agreement.choices',
      'agreement.compute',
      'edit.state',
      'library.info',
      'overview.articlesOverTime',
      'overview.claimTimeline',
      'overview.coverage',
      'overview.drill',
      'overview.tagCooccurrence',
      'overview.tagsByMonth',
      'overview.tagsByOutlet',
      'passages.get',
      'passages.list',
      'stats.get',
      'tags.list',
      'tags.usage',
    ]);
  });

  it('refreshes everything after a change no one described, and what it does not know', () => {
    expect(stale(['library'])).toEqual(Object.keys(STALE_AFTER).sort());
    expect(staleAfter(['tags'], { queryKey: ['some.future', {}] })).toBe(true);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { Context } from '../../electron/core/handlers';
import { Session } from '../../electron/core/session';
import { COMMAND_NAMES, commands } from '../../electron/shared/contract';
import { handlers } from '../../electron/core/handlers';
import { tempDir } from './helpers';

function context(): Context {
  const session = new Session(join(tempDir(), 'contract.marginalia'));
  return {
    session,
    parser: { parse: () => Promise.reject(new Error('no parsing in this test')) },
  };
}

describe('contract', () => {
  it('has exactly one handler per declared command', () => {
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(Object.keys(commands).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('rejects bad arguments with a typed, readable error naming the field', async () => {
    const ctx = context();
    const wrongType = await dispatch(ctx, 'articles.get', { id: 'seven' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    if (wrongType.ok) throw new Error('unreachable');
    expect(wrongType.error.issues?.[0]?.path).toBe('id');
    expect(wrongType.error.message).toMatch(/articles\.get: id:/);

    const extraKey = await dispatch(ctx, 'articles.list', { limit: 10, sql: 'DROP TABLE articles' });
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });

    const badDate = await dispatch(ctx, 'articles.update', { id: 1, patch: { published: 'last Monday' } });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });

    const notAnObject = await dispatch(ctx, 'search.query', 'select *');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    ctx.session.close();
  });

  it('refuses unknown commands and maps core errors to typed errors', async () => {
    const ctx = context();
    expect(await dispatch(ctx, 'library.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(await dispatch(ctx, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(await dispatch(ctx, 'articles.get', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'Article 42 does not exist (it may have been deleted)' },
    });
    expect(await dispatch(ctx, 'edit.undo', {})).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
    ctx.session.close();
  });

  it('runs valid commands against the real library', async () => {
    const ctx = context();
    expect(await dispatch(ctx, 'stats.get', {})).toEqual({
      ok: true,
      value: { articles: 0, passages: 0, tags: 0, claims: 0, links: 0, memos: 0 },
    });
    expect(await dispatch(ctx, 'articles.list', {})).toEqual({ ok: true, value: { items: [], total: 0 } });
    ctx.session.close();
  });
});

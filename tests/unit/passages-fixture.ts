import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { Context } from '../../electron/core/handlers';
import type { ParsedArticle } from '../../electron/core/model';
import { dispatch } from '../../electron/core/dispatch';
import { parseFile } from '../../electron/core/import/formats';
import { prepareArticle } from '../../electron/core/import/prepare';
import { articleWriter } from '../../electron/core/articles/writer';
import { runImport } from '../../electron/core/import/pipeline';
import { checkLibrary } from '../../electron/core/library/check';
import { Session, type SessionOptions } from '../../electron/core/session';
import type { Args, CommandName, Result } from '../../electron/shared/contract';
import { TASS } from '../fixtures/tass';
import { tempDir } from './helpers';

/** A library session in a temp folder, with a clock that ticks one second per reading. */
/** A session on a new library (or `path`); `options` may give it a coder profile or a coder. */
export function openSession(
  options: Omit<SessionOptions, 'clock'> = {},
  path = join(tempDir(), 'test.marginalia'),
): { session: Session; db: Database; ctx: Context } {
  let tick = Date.UTC(2024, 0, 1);
  const session = new Session(path, { ...options, clock: () => new Date((tick += 1000)) });
  const ctx: Context = {
    session,
    parser: {
      parse: async (path) => {
        const bytes = new Uint8Array(await readFile(path));
        const article = await parseFile(bytes, basename(path));
        return { ok: true, article: prepareArticle(article), bytes, size: bytes.length };
      },
    },
  };
  return { session, db: session.lib.db, ctx };
}

/** Imports the TASS article through the real import pipeline and returns its id and text. */
export async function importTass(ctx: Context): Promise<{ id: number; text: string }> {
  const report = await runImport(ctx.session.lib.db, ctx.session.lib.clock, ctx.parser, [TASS.path]);
  const id = report.imported[0]!.articleId;
  const { text } = ctx.session.lib.db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string };
  return { id, text };
}

/** Inserts an article through the library's writer (for outlets, dates and bulk data the fixture file lacks). */
export function insertArticle(db: Database, fields: { title: string; text: string; outlet?: string; published?: string }): number {
  const article: ParsedArticle = {
    title: fields.title,
    outlet: fields.outlet ?? null,
    byline: null,
    published: fields.published ?? null,
    place: null,
    language: null,
    url: null,
    text: fields.text,
    blocks: [],
    format: 'txt',
    encoding: 'utf-8',
  };
  const bytes = new TextEncoder().encode(fields.text);
  return articleWriter(db, () => new Date('2024-01-01T00:00:00Z')).insert({
    article: prepareArticle(article),
    title: fields.title,
    sourceName: 'fixture.txt',
    size: bytes.length,
    bytes,
  });
}

/** Runs a command through dispatch (validation included) and returns its value, failing the test on an error. */
export async function call<K extends CommandName>(ctx: Context, name: K, args: Args<K>): Promise<Result<K>> {
  const envelope = await dispatch(ctx, name, args);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as Result<K>;
}

/** Runs a command expected to fail and returns its error. */
export async function refused(ctx: Context, name: CommandName, args: unknown): Promise<{ code: string; message: string }> {
  const envelope = await dispatch(ctx, name, args);
  if (envelope.ok) throw new Error(`${name} unexpectedly succeeded`);
  return envelope.error;
}

/** Every table these edits touch, for comparing whole states across undo and redo. */
export function dump(db: Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of [
    ['articles', 'id'],
    ['tags', 'id'],
    ['passages', 'id'],
    ['passage_tags', 'passage_id, tag_id'],
    ['claim_appearances', 'id'],
  ] as const) {
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
  }
  return out;
}

export function expectHealthy(db: Database): void {
  expect(checkLibrary(db)).toEqual([]);
}

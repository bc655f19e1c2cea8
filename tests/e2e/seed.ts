import { expect } from '@playwright/test';
import { join } from 'node:path';
import type { Passage } from '../../electron/shared/types';
import { TASS } from '../fixtures/tass';
import { FIXTURES, type Host } from './fixtures';

/** The Russian text restating TASS's figures (import/encodings: written for the tests, same licence). */
export const RU = { path: join(FIXTURES, 'import', 'encodings', 'expected', 'ru-refugees.txt'), title: 'Возвращение беженцев' };

export interface SeededArticle {
  id: number;
  text: string;
  /** Makes a passage over a phrase of the article through the contract, as another window would. */
  mark(phrase: string, options?: { tags?: string[]; note?: string }): Promise<Passage>;
}

/**
 * Imports the TASS article with the CLI (another process, as an analyst's script would) and
 * gives a way to add passages to it through the contract, for tests about what comes after.
 */
export async function importTass(host: Host): Promise<SeededArticle> {
  const imported = await host.cli(['import', TASS.path]);
  expect(imported.code, imported.stderr).toBe(0);
  const { items } = await host.api('articles.list', {});
  const id = items.find((a) => a.title === TASS.title)?.id;
  if (id === undefined) throw new Error('the TASS article was not imported');
  const { text } = await host.api('articles.get', { id });
  const tagIds = async (paths: string[]): Promise<number[]> => {
    const known = await host.api('tags.list', {});
    const ids: number[] = [];
    for (const path of paths) ids.push(known.find((t) => t.path === path)?.id ?? (await host.api('tags.create', { path })).id);
    return ids;
  };
  return {
    id,
    text,
    async mark(phrase, { tags = [], note } = {}) {
      const start = text.indexOf(phrase);
      expect(start, `"${phrase}" is in the article`).toBeGreaterThanOrEqual(0);
      return host.api('passages.create', {
        articleId: id,
        start,
        end: start + phrase.length,
        tagIds: await tagIds(tags),
        ...(note === undefined ? {} : { note }),
      });
    },
  };
}

/** TASS and the Russian text, and two claims made with the CLI from TASS's figures. */
export async function twoClaims(host: Host): Promise<{ refugees: number; returned: number }> {
  const tass = await importTass(host);
  const ru = await host.cli(['import', RU.path]);
  expect(ru.code, ru.stderr).toBe(0);
  const add = async (phrase: string) => {
    const start = tass.text.indexOf(phrase);
    const run = await host.cli([
      'claims',
      'add',
      '--article',
      String(tass.id),
      '--start',
      String(start),
      '--end',
      String(start + phrase.length),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { id: number }).id;
  };
  return { refugees: await add(TASS.phrases.refugeesRemain), returned: await add(TASS.phrases.returned) };
}

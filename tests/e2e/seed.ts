import { expect } from '@playwright/test';
import type { Passage } from '../../electron/shared/types';
import { TASS } from '../fixtures/tass';
import type { Host } from './fixtures';

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

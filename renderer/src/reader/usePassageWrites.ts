import type { Dispatch, SetStateAction } from 'react';
import type { Article, Passage } from '../../../electron/shared/types';
import { call } from '../client/api';
import type { TextRange } from './dom-offsets';
import { rememberTag } from './useQuickTags';
import { temporaryPassage } from './useSavingPassages';

/** A tag to apply: an existing one, or a path to create first. */
export type TagChoice = { tagId: number } | { createPath: string };

interface Options {
  article: Article;
  save(temporary: Passage, create: () => Promise<Passage>): Promise<Passage>;
  savedId(id: number): Promise<number>;
  setSelected: Dispatch<SetStateAction<number | null>>;
}

/** The reader's passage writes: create one (optimistically) with a tag or note, or tag one. */
export function usePassageWrites({ article, save, savedId, setSelected }: Options) {
  /**
   * Creates the passage at once in the view (optimistically), then in the library: a tag still to
   * be created is made first, so the highlight shows before either answer (] right after Enter).
   */
  const createPassage = async (range: TextRange, tag: TagChoice | null, note?: string): Promise<Passage> => {
    const temporary = temporaryPassage({
      uid: '',
      articleId: article.id,
      start: range.start,
      end: range.end,
      exact: article.text.slice(range.start, range.end),
      prefix: '',
      suffix: '',
      note: note ?? '',
      anchor: 'exact',
      // Shown as the analyst's own until the library answers with the passage's coder.
      coderId: null,
      tagIds: tag && 'tagId' in tag ? [tag.tagId] : [],
      claimIds: [],
    });
    const created = await save(temporary, async () => {
      const tagIds = tag ? [await resolveTag(tag)] : [];
      return call('passages.create', { articleId: article.id, ...range, tagIds, ...(note ? { note } : {}) });
    });
    // Selected while it was being saved (] right after tagging): it stays selected under its real id.
    setSelected((current) => (current === temporary.id ? created.id : current));
    return created;
  };

  const resolveTag = async (choice: TagChoice): Promise<number> => {
    const tagId = 'tagId' in choice ? choice.tagId : (await call('tags.create', { path: choice.createPath })).id;
    rememberTag(tagId);
    return tagId;
  };

  const applyTag = async (passageId: number, choice: TagChoice) => {
    const tagId = await resolveTag(choice);
    await call('passages.tag', { passageIds: [await savedId(passageId)], tagId });
  };

  return { createPassage, applyTag };
}

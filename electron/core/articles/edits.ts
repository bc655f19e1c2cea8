import type { Database } from 'better-sqlite3';
import type { ArticleSummary } from '../../shared/types';
import type { Edit } from '../edits';
import { isoNow, type Clock } from '../clock';
import { notFound } from '../errors';
import { getSummary } from './queries';
import { plural } from '../../shared/counts';
import { among, recordEdit } from './row-changes';
import type { FieldValuesInput } from '../../shared/contract-fields';
import { checkedValues, writeValues } from './fields';

export type ArticlePatch = Partial<Record<'title' | 'outlet' | 'byline' | 'published' | 'place' | 'language' | 'url', string | null>>;

const COLUMNS = ['title', 'outlet', 'byline', 'published', 'place', 'language', 'url'] as const;

/** Edits article metadata; undo restores exactly the previous values. */
export function updateArticle(
  db: Database,
  clock: Clock,
  id: number,
  patch: ArticlePatch,
  fields: FieldValuesInput = {},
): Edit<ArticleSummary> {
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id)) throw notFound('Article', id);
  const custom = checkedValues(db, fields);
  const keys = COLUMNS.filter((key) => patch[key] !== undefined);
  const values = keys.map((key) => {
    const value = patch[key] ?? null;
    const trimmed = typeof value === 'string' ? value.trim() : null;
    return key === 'title' ? (trimmed ?? '') : trimmed || null;
  });
  return recordEdit(
    db,
    () => [among('articles', 'id', [id]), among('article_field_values', 'article_id', [id])],
    () => {
      db.prepare(`UPDATE articles SET ${[...keys.map((k) => `${k} = ?`), 'updated_at = ?'].join(', ')} WHERE id = ?`).run(
        ...values,
        isoNow(clock),
        id,
      );
      writeValues(db, [id], custom);
      return getSummary(db, id);
    },
    () => ({ label: 'Edit article details', changes: ['articles'] }),
  );
}

/**
 * Deletes articles with everything hanging off them (their source file, passages, taggings,
 * claim appearances, rejected claim suggestions, dismissed candidates and memo); undo puts back the same rows and ids, indexed
 * for search again (the sentence index from its queue, which re-inserting an article fills).
 */
export function deleteArticles(db: Database, ids: number[]): Edit<{ deleted: number }> {
  const unique = [...new Set(ids)];
  const json = JSON.stringify(unique);
  const present = new Set(db.prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))').pluck().all(json));
  const missing = unique.find((id) => !present.has(id));
  if (missing !== undefined) throw notFound('Article', missing);
  const ofPassages = 'passage_id IN (SELECT id FROM passages WHERE article_id IN (SELECT value FROM json_each(?)))';
  return recordEdit(
    db,
    () => [
      among('articles', 'id', unique),
      among('article_sources', 'article_id', unique),
      among('passages', 'article_id', unique),
      { table: 'passage_tags', where: ofPassages, params: [json] },
      { table: 'claim_appearances', where: ofPassages, params: [json] },
      among('memos', 'article_id', unique),
      among('claim_rejections', 'article_id', unique),
      among('candidate_dismissals', 'article_id', unique),
      among('article_field_values', 'article_id', unique),
    ],
    () => {
      db.prepare('DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))').run(json);
      return { deleted: unique.length };
    },
    () => ({ label: labelFor(unique), changes: ['articles', 'passages', 'tags', 'claims', 'memos'] }),
  );
}

function labelFor(ids: number[]): string {
  return ids.length === 1 ? 'Delete article' : `Delete ${plural(ids.length, 'article')}`;
}

import type { Database } from 'better-sqlite3';
import type { ArticleSummary } from '../../shared/types';
import type { Edit } from '../edits';
import { isoNow, type Clock } from '../clock';
import { notFound } from '../errors';
import { getSummary } from './queries';
import { plural } from '../../shared/counts';

export type ArticlePatch = Partial<Record<'title' | 'outlet' | 'byline' | 'published' | 'place' | 'language' | 'url', string | null>>;

const COLUMNS = ['title', 'outlet', 'byline', 'published', 'place', 'language', 'url'] as const;

/** Edits article metadata; the inverse restores exactly the previous values. */
export function updateArticle(db: Database, clock: Clock, id: number, patch: ArticlePatch): Edit<ArticleSummary> {
  const before = db.prepare(`SELECT ${COLUMNS.join(', ')}, updated_at FROM articles WHERE id = ?`).get(id) as
    (Record<(typeof COLUMNS)[number], string | null> & { updated_at: string }) | undefined;
  if (!before) throw notFound('Article', id);
  const keys = COLUMNS.filter((key) => patch[key] !== undefined);
  const values = keys.map((key) => {
    const value = patch[key] ?? null;
    const trimmed = typeof value === 'string' ? value.trim() : null;
    return key === 'title' ? (trimmed ?? '') : trimmed || null;
  });
  const updatedAt = isoNow(clock);
  db.prepare(`UPDATE articles SET ${[...keys.map((k) => `${k} = ?`), 'updated_at = ?'].join(', ')} WHERE id = ?`).run(
    ...values,
    updatedAt,
    id,
  );
  const previous: ArticlePatch = Object.fromEntries(keys.map((key) => [key, before[key]]));
  return {
    value: getSummary(db, id),
    label: 'Edit article details',
    changes: ['articles'],
    revert: () => updateArticle(db, clock, id, previous),
  };
}

interface DeletedArticle {
  article: Record<string, unknown>;
  source: Record<string, unknown> | undefined;
  passages: Record<string, unknown>[];
  passageTags: Record<string, unknown>[];
  appearances: Record<string, unknown>[];
}

function insertRow(db: Database, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
    ...columns.map((c) => row[c]),
  );
}

/** Deletes articles with everything hanging off them; the inverse puts back the same rows and ids. */
export function deleteArticles(db: Database, ids: number[]): Edit<{ deleted: number }> {
  const saved: DeletedArticle[] = [];
  for (const id of ids) {
    const article = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!article) throw notFound('Article', id);
    saved.push({
      article,
      source: db.prepare('SELECT * FROM article_sources WHERE article_id = ?').get(id) as Record<string, unknown> | undefined,
      passages: db.prepare('SELECT * FROM passages WHERE article_id = ?').all(id) as Record<string, unknown>[],
      passageTags: db
        .prepare('SELECT pt.* FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id WHERE p.article_id = ?')
        .all(id) as Record<string, unknown>[],
      appearances: db
        .prepare('SELECT ca.* FROM claim_appearances ca JOIN passages p ON p.id = ca.passage_id WHERE p.article_id = ?')
        .all(id) as Record<string, unknown>[],
    });
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
  }
  const restore = (): Edit => {
    for (const item of saved) {
      insertRow(db, 'articles', item.article);
      if (item.source) insertRow(db, 'article_sources', item.source);
      for (const row of item.passages) insertRow(db, 'passages', row);
      for (const row of item.passageTags) insertRow(db, 'passage_tags', row);
      for (const row of item.appearances) insertRow(db, 'claim_appearances', row);
    }
    return { value: null, label: labelFor(ids), changes: ['articles', 'passages'], revert: () => deleteArticles(db, ids) };
  };
  return { value: { deleted: ids.length }, label: labelFor(ids), changes: ['articles', 'passages'], revert: restore };
}

function labelFor(ids: number[]): string {
  return ids.length === 1 ? 'Delete article' : `Delete ${plural(ids.length, 'article')}`;
}

import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/**
 * Coders and their coding written straight into the real schema (migration 15), so a test states
 * exactly whose each passage and each tag application is, whatever coder a session would record.
 */
export function addCoder(db: Database, name: string, colour = '#1f77b4'): number {
  return Number(
    db
      .prepare('INSERT INTO coders (uid, name, colour, created_at) VALUES (?, ?, ?, ?)')
      .run(randomUUID(), name, colour, '2024-01-01T00:00:00Z').lastInsertRowid,
  );
}

export function addTag(db: Database, name: string, parentId: number | null = null): number {
  return Number(
    db
      .prepare("INSERT INTO tags (uid, parent_id, name, color, created_at, updated_at) VALUES (?, ?, ?, '#888888', '', '')")
      .run(randomUUID(), parentId, name).lastInsertRowid,
  );
}

export interface Coded {
  article: number;
  start: number;
  end: number;
  tags: number[];
  /** The passage's coder. */
  coder: number | null;
  /** The tag applications' coder; NULL (the passage's coder counts) when absent. */
  tagCoder?: number | null;
  anchor?: 'exact' | 'orphan';
}

export function code(db: Database, passage: Coded): number {
  const { text } = db.prepare('SELECT text FROM articles WHERE id = ?').get(passage.article) as { text: string };
  const id = Number(
    db
      .prepare(
        `INSERT INTO passages (uid, article_id, start, "end", exact, anchor, created_at, updated_at, coder_id)
         VALUES (?, ?, ?, ?, ?, ?, '', '', ?)`,
      )
      .run(
        randomUUID(),
        passage.article,
        passage.start,
        passage.end,
        text.slice(passage.start, passage.end),
        passage.anchor ?? 'exact',
        passage.coder,
      ).lastInsertRowid,
  );
  const tag = db.prepare('INSERT INTO passage_tags (passage_id, tag_id, coder_id) VALUES (?, ?, ?)');
  for (const tagId of passage.tags) tag.run(id, tagId, passage.tagCoder ?? null);
  return id;
}

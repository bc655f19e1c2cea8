import type { Database } from 'better-sqlite3';

export type Row = Record<string, unknown>;

/** Tables the codebook, passage, article, text and merge edits touch, with their primary keys. */
export const KEYS = {
  articles: ['id'],
  article_sources: ['article_id'],
  tags: ['id'],
  passages: ['id'],
  passage_tags: ['passage_id', 'tag_id'],
  claim_appearances: ['id'],
  claims: ['id'],
  claim_links: ['id'],
  claim_rejections: ['id'],
  candidate_dismissals: ['id'],
  memos: ['id'],
  library_meta: ['key'],
  article_fields: ['id'],
  article_field_values: ['article_id', 'field_id'],
  coders: ['id'],
} as const;

export type Table = keyof typeof KEYS;

/** Rows of one table chosen by a WHERE clause; the same selection is read before and after an edit. */
export interface Selection {
  table: Table;
  where: string;
  params?: unknown[];
  /** Only these columns (besides the key) are recorded and restored: a metadata edit need not copy every text. */
  columns?: readonly string[];
}

/** Rows of several tables at one moment, keyed by table and primary key. */
export type Snapshot = Map<Table, Map<string, Row>>;

export function keyOf(table: Table, row: Row): string {
  return KEYS[table].map((column) => String(row[column])).join(':');
}

export function snapshot(db: Database, selections: readonly Selection[]): Snapshot {
  const result: Snapshot = new Map();
  for (const { table, where, params = [], columns } of selections) {
    const rows = result.get(table) ?? new Map<string, Row>();
    const list = columns ? [...new Set([...KEYS[table], ...columns])].map((c) => `"${c}"`).join(', ') : '*';
    for (const row of db.prepare(`SELECT ${list} FROM ${table} WHERE ${where}`).all(...params) as Row[]) rows.set(keyOf(table, row), row);
    result.set(table, rows);
  }
  return result;
}

/** A selection of rows whose column is one of `ids` (passed as JSON, so any number fits one statement). */
export function among(table: Table, column: string, ids: readonly number[]): Selection {
  return { table, where: `"${column}" IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
}

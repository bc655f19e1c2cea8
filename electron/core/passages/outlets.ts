import type { Database } from 'better-sqlite3';

/** Distinct outlets of the library's articles, for the passages view's filter. */
export function listOutlets(db: Database): string[] {
  return (
    db
      .prepare(`SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND outlet <> '' ORDER BY outlet COLLATE NOCASE`)
      .all() as Array<{ outlet: string }>
  ).map((row) => row.outlet);
}

import type { Database } from 'better-sqlite3';
import type { Stats } from '../shared/types';

export function stats(db: Database): Stats {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM passages) AS passages,
              (SELECT count(*) FROM tags) AS tags, (SELECT count(*) FROM claims) AS claims,
              (SELECT count(*) FROM claim_links) AS links, (SELECT count(*) FROM memos) AS memos`,
    )
    .get() as Stats;
}

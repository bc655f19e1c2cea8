import type { Database } from 'better-sqlite3';
import type { Writable } from 'node:stream';
import { type CsvOptions, csvStringifier, writeCsv } from './csv';
import { LIST_SEPARATOR } from './csv-passages';
import { PAGE_SIZE, pages } from './paged';

export const CLAIM_COLUMNS = [
  'claim_id',
  'statement',
  'kind',
  'speaker',
  'value',
  'unit',
  'note',
  'passage_ids',
  'article_ids',
  'stances',
  'created_at',
  'updated_at',
] as const;

export const LINK_COLUMNS = [
  'link_id',
  'from_claim_id',
  'from_statement',
  'relation',
  'to_claim_id',
  'to_statement',
  'status',
  'score',
  'method',
  'note',
  'created_at',
  'updated_at',
] as const;

interface ClaimRow {
  id: number;
  statement: string;
  kind: string;
  speaker: string | null;
  value: number | null;
  unit: string | null;
  note: string;
  appearances: string;
  created_at: string;
  updated_at: string;
}

/** Claims, one row each; passage_ids, article_ids and stances list its appearances in the same order. */
export async function exportClaimsCsv(db: Database, out: Writable, options: CsvOptions = {}): Promise<number> {
  const select = db.prepare(
    `SELECT c.id, c.statement, c.kind, c.speaker, c.value, c.unit, c.note, c.created_at, c.updated_at,
            (SELECT json_group_array(json_array(passage_id, article_id, stance))
               FROM (SELECT ca.passage_id, p.article_id, ca.stance FROM claim_appearances ca
                     JOIN passages p ON p.id = ca.passage_id WHERE ca.claim_id = c.id ORDER BY ca.passage_id)) AS appearances
     FROM claims c WHERE c.id > ? ORDER BY c.id LIMIT ${PAGE_SIZE}`,
  );
  function* records(): Generator<Record<string, unknown>> {
    for (const row of pages<ClaimRow, number>(
      (after) => select.all(after ?? 0) as ClaimRow[],
      (row) => row.id,
    )) {
      const appearances = JSON.parse(row.appearances) as Array<[number, number, string]>;
      yield {
        claim_id: row.id,
        statement: row.statement,
        kind: row.kind,
        speaker: row.speaker,
        value: row.value,
        unit: row.unit,
        note: row.note,
        passage_ids: appearances.map(([passage]) => passage).join(LIST_SEPARATOR),
        article_ids: appearances.map(([, article]) => article).join(LIST_SEPARATOR),
        stances: appearances.map(([, , stance]) => stance).join(LIST_SEPARATOR),
        created_at: row.created_at,
        updated_at: row.updated_at,
      };
    }
  }
  return writeCsv(records(), csvStringifier(CLAIM_COLUMNS, options), out);
}

/** Links between claims, with both statements so the file reads on its own. */
export async function exportLinksCsv(db: Database, out: Writable, options: CsvOptions = {}): Promise<number> {
  const select = db.prepare(
    `SELECT l.id AS link_id, l.from_claim_id, f.statement AS from_statement, l.relation, l.to_claim_id,
            t.statement AS to_statement, l.status, l.score, l.method, l.note, l.created_at, l.updated_at
     FROM claim_links l JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id
     WHERE l.id > ? ORDER BY l.id LIMIT ${PAGE_SIZE}`,
  );
  const rows = pages<Record<string, unknown> & { link_id: number }, number>(
    (after) => select.all(after ?? 0) as Array<Record<string, unknown> & { link_id: number }>,
    (row) => row.link_id,
  );
  return writeCsv(rows, csvStringifier(LINK_COLUMNS, options), out);
}

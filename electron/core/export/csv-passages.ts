import type { Database } from 'better-sqlite3';
import type { Writable } from 'node:stream';
import { loadTree } from '../tags/queries';
import { listFields } from '../articles/fields';
import { type CsvOptions, csvStringifier, writeCsv } from './csv';
import { contextAfter, contextBefore, storedContextAfter, storedContextBefore } from './word-context';
import { PAGE_SIZE, pages } from './paged';
import { type PassageFilter, filterSql } from './passage-filter';

export type CsvLayout = 'wide' | 'long';

export interface PassagesCsvOptions extends CsvOptions {
  layout?: CsvLayout;
  filter?: PassageFilter;
}

const FIRST = ['passage_id', 'article_id', 'article_title', 'outlet', 'published', 'place', 'url'] as const;
const LAST = [
  'quote',
  'note',
  'start',
  'end',
  'context_before',
  'context_after',
  'claim_ids',
  'claim_statements',
  'created_at',
  'updated_at',
  // Last, so scripts that read the columns before it by position keep working.
  'coder',
] as const;

/** Columns of each layout. start and end are UTF-16 offsets into the article text, as stored. */
export const PASSAGE_COLUMNS: Record<CsvLayout, readonly string[]> = {
  wide: [...FIRST, 'tags', ...LAST],
  long: [...FIRST, 'tag_path', 'tag_parent', ...LAST],
};

/** Separates several tag paths (or claim ids) in one cell. */
export const LIST_SEPARATOR = '; ';
/** Claim statements are sentences that may hold "; " themselves: one per line in the cell. */
export const STATEMENT_SEPARATOR = '\n';

/** A row as SQLite returns it in raw mode (arrays are cheaper than objects a million times over). */
type PassageRow = [
  id: number,
  articleId: number,
  title: string,
  outlet: string | null,
  published: string | null,
  place: string | null,
  url: string | null,
  exact: string,
  note: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
  createdAt: string,
  updatedAt: string,
  tagIds: string | null,
  claims: string,
  anchor: string,
  coder: string | null,
  fieldValues: string,
];

type Key = [number, number, number];

/**
 * Tagged passages as CSV, streamed page by page into `out` (see paged.ts), ordered by article and
 * position. The long layout has one row per passage and tag (a passage without tags keeps one
 * row with empty tag cells); a tag filter picks passages, and each keeps all its tags.
 */
export async function exportPassagesCsv(db: Database, out: Writable, options: PassagesCsvOptions = {}): Promise<number> {
  const layout = options.layout ?? 'wide';
  const tree = loadTree(db);
  const ordered = tree.ordered();
  const order = new Map(ordered.map((node, index) => [node.id, index]));
  const pathOf = new Map(ordered.map((node) => [node.id, tree.path(node.id)]));
  const parentPathOf = new Map(ordered.map((node) => [node.id, node.parentId === null ? '' : tree.path(node.parentId)]));
  // The library's own article fields follow the article's columns, one each, under their names.
  const fields = listFields(db);
  const { where, params } = filterSql(db, options.filter);
  const select = db.prepare(
    `SELECT p.id, p.article_id, a.title, a.outlet, a.published, a.place, a.url, p.exact, p.note, p.start, p."end",
            p.prefix, p.suffix, p.created_at, p.updated_at,
            (SELECT group_concat(tag_id) FROM passage_tags WHERE passage_id = p.id) AS tag_ids,
            (SELECT json_group_array(json_array(id, statement))
               FROM (SELECT c.id, c.statement FROM claim_appearances ca JOIN claims c ON c.id = ca.claim_id
                     WHERE ca.passage_id = p.id ORDER BY c.id)) AS claims,
            p.anchor, (SELECT name FROM coders WHERE id = p.coder_id) AS coder,
            (SELECT json_group_object(field_id, value) FROM article_field_values WHERE article_id = p.article_id) AS field_values
     FROM passages p JOIN articles a ON a.id = p.article_id
     WHERE (${where}) AND (p.article_id, p.start, p.id) > (?, ?, ?)
     ORDER BY p.article_id, p.start, p.id LIMIT ${PAGE_SIZE}`,
  );
  // Rows come ordered by article: each article's text is read once, for the context columns.
  const textOf = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  let textArticle = 0;
  let text = '';
  const rows = pages<PassageRow, Key>(
    (after) => select.raw().all(...params, ...(after ?? [0, -1, 0])) as PassageRow[],
    (row) => [row[1], row[9], row[0]],
  );

  // Records are arrays in the layout's column order.
  function* records(): Generator<unknown[]> {
    for (const [
      id,
      articleId,
      title,
      outlet,
      published,
      place,
      url,
      exact,
      note,
      start,
      end,
      prefix,
      suffix,
      createdAt,
      updatedAt,
      tags,
      claimsJson,
      anchor,
      coder,
      fieldValues,
    ] of rows) {
      if (articleId !== textArticle) {
        text = textOf.get(articleId) as string;
        textArticle = articleId;
      }
      // An orphan's offsets no longer point at its quote: its context is the one stored when it was marked.
      const before = anchor === 'orphan' ? storedContextBefore(prefix) : contextBefore(text, start);
      const after = anchor === 'orphan' ? storedContextAfter(suffix) : contextAfter(text, end);
      const tagIds =
        tags === null
          ? []
          : tags
              .split(',')
              .map(Number)
              .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const claims = claimsJson === '[]' ? [] : (JSON.parse(claimsJson) as Array<[number, string]>);
      const claimIds = claims.map(([claimId]) => claimId).join(LIST_SEPARATOR);
      const statements = claims.map(([, statement]) => statement).join(STATEMENT_SEPARATOR);
      const values = JSON.parse(fieldValues) as Record<string, unknown>;
      const head = [id, articleId, title, outlet, published, place, url, ...fields.map((field) => values[field.id] ?? '')];
      const tail = [exact, note, start, end, before, after, claimIds, statements, createdAt, updatedAt, coder ?? ''];
      if (layout === 'wide') {
        yield [...head, tagIds.map((tagId) => pathOf.get(tagId)).join(LIST_SEPARATOR), ...tail];
      } else if (tagIds.length === 0) {
        yield [...head, '', '', ...tail];
      } else {
        for (const tagId of tagIds) yield [...head, pathOf.get(tagId), parentPathOf.get(tagId), ...tail];
      }
    }
  }

  const columns = [...FIRST, ...fields.map((field) => field.name), ...PASSAGE_COLUMNS[layout].slice(FIRST.length)];
  return writeCsv(records(), csvStringifier(columns, options), out);
}

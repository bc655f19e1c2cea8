import type { Database } from 'better-sqlite3';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type OffsetConverter, offsetConverter } from '../anchoring/offsets';
import { loadTree } from '../tags/queries';
import { PAGE_SIZE, pages } from './paged';

interface Row {
  id: number;
  uid: string;
  article_id: number;
  article_uid: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  created_at: string;
  updated_at: string;
  tag_ids: string | null;
}

type Key = [number, number, number];

/** One W3C Web Annotation (https://www.w3.org/TR/annotation-model/) for a passage. */
function annotation(row: Row, positions: OffsetConverter, tagPaths: string[]): object {
  const body: object[] = tagPaths.map((path) => ({ type: 'TextualBody', purpose: 'tagging', value: path }));
  if (row.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: row.note, format: 'text/plain' });
  return {
    id: `urn:uuid:${row.uid}`,
    type: 'Annotation',
    created: row.created_at,
    modified: row.updated_at,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: `urn:uuid:${row.article_uid}`,
      selector: [
        { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        // The model counts characters (code points); the library stores UTF-16 offsets.
        { type: 'TextPositionSelector', start: positions.toCodePoints(row.start), end: positions.toCodePoints(row.end) },
      ],
    },
  };
}

/**
 * Every passage as an annotation, in one JSON-LD AnnotationCollection whose first page holds them
 * all. Written piece by piece with backpressure, like the CSV. Returns the number of annotations.
 */
export async function exportAnnotations(db: Database, out: Writable, now: string): Promise<number> {
  const tree = loadTree(db);
  const pathOf = new Map(tree.ordered().map((node) => [node.id, tree.path(node.id)]));
  const select = db.prepare(
    `SELECT p.id, p.uid, p.article_id, a.uid AS article_uid, p.start, p."end", p.exact, p.prefix, p.suffix, p.note,
            p.created_at, p.updated_at, (SELECT group_concat(tag_id) FROM passage_tags WHERE passage_id = p.id) AS tag_ids
     FROM passages p JOIN articles a ON a.id = p.article_id
     WHERE (p.article_id, p.start, p.id) > (?, ?, ?) ORDER BY p.article_id, p.start, p.id LIMIT ${PAGE_SIZE}`,
  );
  const articleText = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await once(out, 'drain');
  };

  await write(
    '{\n"@context": "http://www.w3.org/ns/anno.jsonld",\n"type": "AnnotationCollection",\n"label": "Marginalia passages",\n' +
      `"generated": ${JSON.stringify(now)},\n"first": {\n"type": "AnnotationPage",\n"items": [\n`,
  );
  let count = 0;
  let articleId = 0;
  let positions = offsetConverter('');
  for (const row of pages<Row, Key>(
    (after) => select.all(...(after ?? [0, -1, 0])) as Row[],
    (r) => [r.article_id, r.start, r.id],
  )) {
    if (row.article_id !== articleId) {
      articleId = row.article_id;
      positions = offsetConverter(articleText.get(articleId) as string);
    }
    const tags = row.tag_ids === null ? [] : row.tag_ids.split(',').map((id) => pathOf.get(Number(id)) ?? '');
    await write((count++ === 0 ? '' : ',\n') + JSON.stringify(annotation(row, positions, tags)));
  }
  out.end('\n]\n}\n}\n');
  await finished(out);
  return count;
}

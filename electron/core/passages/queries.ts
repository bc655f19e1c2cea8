import type { Database } from 'better-sqlite3';
import type { Passage, PassageDetail } from '../../shared/types';
import { notFound } from '../errors';

export type PassageFields = Omit<Passage, 'tagIds' | 'claimIds'>;

export const PASSAGE_COLUMNS = `p.id, p.uid, p.article_id AS articleId, p.start, p."end", p.exact, p.prefix, p.suffix, p.note, p.anchor,
  p.coder_id AS coderId, p.created_at AS createdAt, p.updated_at AS updatedAt`;

type Links = Map<number, number[]>;

function group(pairs: Array<{ passageId: number; otherId: number }>): Links {
  const links: Links = new Map();
  for (const { passageId, otherId } of pairs) {
    const list = links.get(passageId);
    if (list) list.push(otherId);
    else links.set(passageId, [otherId]);
  }
  return links;
}

/** Tag and claim ids of the given passages, two statements whatever their number. */
export function linksOf(db: Database, ids: readonly number[]): { tags: Links; claims: Links } {
  const json = JSON.stringify(ids);
  return {
    tags: group(
      db
        .prepare(
          'SELECT passage_id AS passageId, tag_id AS otherId FROM passage_tags WHERE passage_id IN (SELECT value FROM json_each(?)) ORDER BY tag_id',
        )
        .all(json) as Array<{ passageId: number; otherId: number }>,
    ),
    claims: group(
      db
        .prepare(
          'SELECT passage_id AS passageId, claim_id AS otherId FROM claim_appearances WHERE passage_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id',
        )
        .all(json) as Array<{ passageId: number; otherId: number }>,
    ),
  };
}

/** Completes a fresh row in place (no copy: an article may have thousands). */
export function withLinks<T extends PassageFields>(
  row: T,
  links: { tags: Links; claims: Links },
): T & Pick<Passage, 'tagIds' | 'claimIds'> {
  return Object.assign(row, { tagIds: links.tags.get(row.id) ?? [], claimIds: links.claims.get(row.id) ?? [] });
}

/** An article's passages in reading order: one statement for passages, one for tags, one for claims. */
export function passagesForArticle(db: Database, articleId: number): Passage[] {
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) throw notFound('Article', articleId);
  const rows = db
    .prepare(`SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.article_id = ? ORDER BY p.start, p."end", p.id`)
    .all(articleId) as PassageFields[];
  const pairs = (sql: string) => group(db.prepare(sql).all(articleId) as Array<{ passageId: number; otherId: number }>);
  const links = {
    tags: pairs(
      'SELECT pt.passage_id AS passageId, pt.tag_id AS otherId FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id WHERE p.article_id = ? ORDER BY pt.tag_id',
    ),
    claims: pairs(
      'SELECT ca.passage_id AS passageId, ca.claim_id AS otherId FROM passages p JOIN claim_appearances ca ON ca.passage_id = p.id WHERE p.article_id = ? ORDER BY ca.claim_id',
    ),
  };
  return rows.map((row) => withLinks(row, links));
}

export function getPassage(db: Database, id: number): PassageDetail {
  const row = db
    .prepare(`SELECT ${PASSAGE_COLUMNS}, a.title AS articleTitle FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id = ?`)
    .get(id) as (PassageFields & { articleTitle: string }) | undefined;
  if (!row) throw notFound('Passage', id);
  return withLinks(row, linksOf(db, [id]));
}

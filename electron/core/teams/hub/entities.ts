/**
 * The rows a hub shares, each named by stable ids only (uids of articles, tags, passages, claims
 * and coders; never a library's integer ids): a query that gives every local row as its uid, its
 * fields as one JSON object (json_object keeps the key order, so equal rows give equal text) and,
 * for a passage and its tag applications, the coder who owns it. Order matters: an entity's
 * operations are sent after those of the entities it refers to.
 */
export type Entity = 'tag' | 'passage' | 'passage_tag' | 'claim' | 'appearance' | 'link';

export interface EntitySpec {
  entity: Entity;
  /** SELECT uid, fields, owner (a coder uid, or null where anyone may change the row). */
  rows: string;
}

export const ENTITIES: readonly EntitySpec[] = [
  {
    entity: 'tag',
    rows: `SELECT t.uid AS uid, json_object('name', t.name, 'parent', p.uid, 'color', t.color, 'description', t.description,
             'position', t.position) AS fields, NULL AS owner
           FROM tags t LEFT JOIN tags p ON p.id = t.parent_id`,
  },
  {
    entity: 'passage',
    rows: `SELECT p.uid AS uid, json_object('article', a.uid, 'start', p.start, 'end', p."end", 'exact', p.exact, 'prefix', p.prefix,
             'suffix', p.suffix, 'note', p.note, 'anchor', p.anchor, 'coder', c.uid) AS fields, c.uid AS owner
           FROM passages p JOIN articles a ON a.id = p.article_id LEFT JOIN coders c ON c.id = p.coder_id`,
  },
  {
    entity: 'passage_tag',
    rows: `SELECT p.uid || '/' || t.uid AS uid, json_object('coder', c.uid) AS fields, pc.uid AS owner
           FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id JOIN tags t ON t.id = pt.tag_id
           LEFT JOIN coders c ON c.id = pt.coder_id LEFT JOIN coders pc ON pc.id = p.coder_id`,
  },
  {
    entity: 'claim',
    rows: `SELECT k.uid AS uid, json_object('statement', k.statement, 'kind', k.kind, 'speaker', k.speaker, 'value', k.value,
             'unit', k.unit, 'counted', k.counted, 'qualifier', k.qualifier, 'note', k.note, 'coder', c.uid) AS fields, NULL AS owner
           FROM claims k LEFT JOIN coders c ON c.id = k.coder_id`,
  },
  {
    entity: 'appearance',
    rows: `SELECT k.uid || '/' || p.uid AS uid, json_object('stance', ca.stance, 'speaker', ca.speaker, 'coder', c.uid) AS fields,
             NULL AS owner
           FROM claim_appearances ca JOIN claims k ON k.id = ca.claim_id JOIN passages p ON p.id = ca.passage_id
           LEFT JOIN coders c ON c.id = ca.coder_id`,
  },
  {
    entity: 'link',
    rows: `SELECT f.uid || '/' || t.uid || '/' || l.relation AS uid, json_object('status', l.status, 'score', l.score,
             'method', l.method, 'note', l.note, 'coder', c.uid) AS fields, NULL AS owner
           FROM claim_links l JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id
           LEFT JOIN coders c ON c.id = l.coder_id`,
  },
];

/** The tables whose rows record a coder: rows from before coders existed go to the syncing coder. */
export const CODED_TABLES = ['passages', 'passage_tags', 'claims', 'claim_appearances', 'claim_links'] as const;

export type Fields = Record<string, unknown>;

/** What an operation carries: the fields it sets and the hub sequence each was based on; null deletes. */
export interface OpBody {
  v: Fields;
  b: Record<string, number>;
}

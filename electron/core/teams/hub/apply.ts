import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock';
import { isoNow } from '../../clock';
import type { Entity, Fields } from './entities';

/**
 * Writes a row as the hub's log has it (its fields merged by the conflict rule) into the library,
 * by uid: the library's integer ids are looked up here and never leave it. A row whose parts are
 * missing here (a tag application whose tag was deleted) is skipped and said so.
 */
export function localWriter(db: Database, clock: Clock) {
  const now = isoNow(clock);
  const ids = {
    tags: db.prepare('SELECT id FROM tags WHERE uid = ?').pluck(),
    articles: db.prepare('SELECT id FROM articles WHERE uid = ?').pluck(),
    passages: db.prepare('SELECT id FROM passages WHERE uid = ?').pluck(),
    claims: db.prepare('SELECT id FROM claims WHERE uid = ?').pluck(),
    coders: db.prepare('SELECT id FROM coders WHERE uid = ?').pluck(),
  };
  const id = (table: keyof typeof ids, uid: unknown): number | null =>
    typeof uid === 'string' ? ((ids[table].get(uid) as number | undefined) ?? null) : null;
  const sibling = db.prepare(
    `SELECT id FROM tags WHERE ifnull(parent_id, 0) = ifnull(?, 0) AND name = ? COLLATE NOCASE
       AND uid NOT IN (SELECT uid FROM hub_shadow WHERE entity = 'tag')`,
  );
  const sql = {
    tagUpdate: db.prepare(
      'UPDATE tags SET uid = ?, name = ?, parent_id = ?, color = ?, description = ?, position = ?, updated_at = ? WHERE id = ?',
    ),
    tagInsert: db.prepare(
      'INSERT INTO tags (uid, name, parent_id, color, description, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    passage: db.prepare(
      `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, anchor, coder_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (uid) DO UPDATE SET article_id = excluded.article_id, start = excluded.start, "end" = excluded."end",
         exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix, note = excluded.note, anchor = excluded.anchor,
         coder_id = excluded.coder_id, updated_at = excluded.updated_at`,
    ),
    passageTag: db.prepare('INSERT OR REPLACE INTO passage_tags (passage_id, tag_id, coder_id) VALUES (?, ?, ?)'),
    claim: db.prepare(
      `INSERT INTO claims (uid, statement, kind, speaker, value, unit, counted, qualifier, note, coder_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (uid) DO UPDATE SET statement = excluded.statement, kind = excluded.kind, speaker = excluded.speaker,
         value = excluded.value, unit = excluded.unit, counted = excluded.counted, qualifier = excluded.qualifier,
         note = excluded.note, coder_id = excluded.coder_id, updated_at = excluded.updated_at`,
    ),
    appearance: db.prepare(
      `INSERT INTO claim_appearances (claim_id, passage_id, stance, speaker, coder_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (claim_id, passage_id) DO UPDATE SET stance = excluded.stance, speaker = excluded.speaker, coder_id = excluded.coder_id`,
    ),
    link: db.prepare(
      `INSERT INTO claim_links (from_claim_id, to_claim_id, relation, status, score, method, note, coder_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (from_claim_id, to_claim_id, relation) DO UPDATE SET status = excluded.status, score = excluded.score,
         method = excluded.method, note = excluded.note, coder_id = excluded.coder_id, updated_at = excluded.updated_at`,
    ),
    delete: {
      tag: db.prepare('DELETE FROM tags WHERE uid = ?'),
      passage: db.prepare('DELETE FROM passages WHERE uid = ?'),
      passage_tag: db.prepare('DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?'),
      claim: db.prepare('DELETE FROM claims WHERE uid = ?'),
      appearance: db.prepare('DELETE FROM claim_appearances WHERE claim_id = ? AND passage_id = ?'),
      link: db.prepare('DELETE FROM claim_links WHERE from_claim_id = ? AND to_claim_id = ? AND relation = ?'),
    },
  };

  /** Writes the row; false when something it refers to is not in the library. */
  function write(entity: Entity, uid: string, f: Fields): boolean {
    const [a, b, relation] = uid.split('/');
    const coder = id('coders', f.coder);
    switch (entity) {
      case 'tag': {
        const parent = f.parent == null ? null : id('tags', f.parent);
        if (f.parent != null && parent === null) return false;
        const existing = id('tags', uid) ?? (sibling.get(parent, f.name) as { id: number } | undefined)?.id ?? null;
        const values = [f.name, parent, f.color, f.description, f.position] as const;
        if (existing === null) sql.tagInsert.run(uid, ...values, now, now);
        else sql.tagUpdate.run(uid, ...values, now, existing);
        return true;
      }
      case 'passage': {
        const article = id('articles', f.article);
        if (article === null) return false;
        sql.passage.run(uid, article, f.start, f.end, f.exact, f.prefix, f.suffix, f.note, f.anchor, coder, now, now);
        return true;
      }
      case 'passage_tag': {
        const [passage, tag] = [id('passages', a), id('tags', b)];
        if (passage === null || tag === null) return false;
        sql.passageTag.run(passage, tag, coder);
        return true;
      }
      case 'claim':
        sql.claim.run(uid, f.statement, f.kind, f.speaker, f.value, f.unit, f.counted, f.qualifier, f.note, coder, now, now);
        return true;
      case 'appearance': {
        const [claim, passage] = [id('claims', a), id('passages', b)];
        if (claim === null || passage === null) return false;
        sql.appearance.run(claim, passage, f.stance, f.speaker, coder, now);
        return true;
      }
      case 'link': {
        const [from, to] = [id('claims', a), id('claims', b)];
        if (from === null || to === null) return false;
        sql.link.run(from, to, relation, f.status, f.score, f.method, f.note, coder, now, now);
        return true;
      }
    }
  }

  function remove(entity: Entity, uid: string): void {
    const [a, b, relation] = uid.split('/');
    if (entity === 'passage_tag') sql.delete.passage_tag.run(id('passages', a), id('tags', b));
    else if (entity === 'appearance') sql.delete.appearance.run(id('claims', a), id('passages', b));
    else if (entity === 'link') sql.delete.link.run(id('claims', a), id('claims', b), relation);
    else sql.delete[entity].run(uid);
  }

  return { write, remove };
}

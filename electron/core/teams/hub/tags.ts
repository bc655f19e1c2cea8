import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { writeTransaction } from '../../library/write';
import type { Fields, OpBody } from './entities';

/**
 * One codebook for the team: a tag made here that was never synced, whose path (its name under the
 * same parent) the hub already has, takes the hub's uid, so two coders who each made "Refugees"
 * share one tag instead of sending two that clash. Parents go first, so whole paths match.
 */
export async function adoptTags(db: Database, client: pg.Client, hubId: number): Promise<number> {
  const fresh = db
    .prepare(`SELECT count(*) FROM tags WHERE uid NOT IN (SELECT uid FROM hub_shadow WHERE hub_id = ? AND entity = 'tag')`)
    .pluck()
    .get(hubId) as number;
  if (fresh === 0) return 0;
  const { rows } = await client.query<{ uid: string; fields: OpBody | null }>(
    `SELECT uid, fields FROM ops WHERE entity = 'tag' ORDER BY seq`,
  );
  const state = new Map<string, Fields | null>();
  for (const op of rows) state.set(op.uid, op.fields === null ? null : { ...(state.get(op.uid) ?? {}), ...op.fields.v });
  const onHub = new Map<string, string>();
  for (const [uid, f] of state) if (f) onHub.set(`${f.parent ?? ''}/${String(f.name).toLowerCase()}`, uid);
  return writeTransaction(db, () => {
    const tags = db
      .prepare(
        `SELECT t.id, t.uid, t.parent_id AS parentId, t.name,
           t.uid IN (SELECT uid FROM hub_shadow WHERE hub_id = ? AND entity = 'tag') AS synced FROM tags t`,
      )
      .all(hubId) as Array<{ id: number; uid: string; parentId: number | null; name: string; synced: number }>;
    const byId = new Map(tags.map((t) => [t.id, t]));
    const depth = (t: (typeof tags)[number]): number => (t.parentId === null ? 0 : 1 + depth(byId.get(t.parentId)!));
    const rename = db.prepare('UPDATE tags SET uid = ? WHERE id = ?');
    let adopted = 0;
    for (const tag of [...tags].sort((a, b) => depth(a) - depth(b))) {
      if (tag.synced) continue;
      const parentUid = tag.parentId === null ? '' : byId.get(tag.parentId)!.uid;
      const uid = onHub.get(`${parentUid}/${tag.name.toLowerCase()}`);
      if (uid && uid !== tag.uid) {
        rename.run(uid, tag.id);
        tag.uid = uid;
        adopted++;
      }
    }
    return adopted;
  });
}

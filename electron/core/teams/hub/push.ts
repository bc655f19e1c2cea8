import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { writeTransaction } from '../../library/write';
import { copyRows } from './copy';
import { CODED_TABLES, ENTITIES, type Entity, type Fields, type OpBody } from './entities';

export interface PushResult {
  sent: number;
  /** Changes to other coders' passages here: theirs to make, so never sent. */
  notSent: number;
}

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);

/**
 * Writes down, as pending operations, what changed here since the hub last saw each row: for each
 * field that differs from the shadow, its new value and the hub sequence it replaces. Runs only
 * when nothing is pending, so operations from a killed sync are sent again, not planned twice.
 */
function planOps(db: Database, hubId: number, me: string): number {
  let notSent = 0;
  writeTransaction(db, () => {
    for (const table of CODED_TABLES) {
      db.prepare(`UPDATE ${table} SET coder_id = (SELECT id FROM coders WHERE uid = ?) WHERE coder_id IS NULL`).run(me);
    }
    let ord = 0;
    const pend = db.prepare('INSERT INTO hub_pending (hub_id, ord, op_uid, entity, uid, payload, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const healShadow = db.prepare('UPDATE hub_shadow SET fields = ? WHERE hub_id = ? AND entity = ? AND uid = ?');
    const passageCoder = db
      .prepare(`SELECT fields ->> '$.coder' FROM hub_shadow WHERE hub_id = ? AND entity = 'passage' AND uid = ?`)
      .pluck();
    db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_rows (uid TEXT PRIMARY KEY, fields TEXT, owner TEXT) WITHOUT ROWID');
    for (const { entity, rows } of ENTITIES) {
      db.exec('DELETE FROM temp.sync_rows');
      db.exec(`INSERT INTO temp.sync_rows (uid, fields, owner) ${rows}`);
      const changed = db
        .prepare(
          `SELECT r.uid, r.fields, r.owner, s.fields AS old, s.seqs FROM temp.sync_rows r
           LEFT JOIN hub_shadow s ON s.hub_id = ? AND s.entity = ? AND s.uid = r.uid WHERE s.fields IS NOT r.fields`,
        )
        .all(hubId, entity) as Array<{ uid: string; fields: string; owner: string | null; old: string | null; seqs: string | null }>;
      for (const row of changed) {
        if (row.owner !== null && row.owner !== me) {
          notSent++;
          continue;
        }
        const now = JSON.parse(row.fields) as Fields;
        const old = row.old === null ? null : (JSON.parse(row.old) as Fields);
        const seqs = (row.seqs === null ? {} : JSON.parse(row.seqs)) as Record<string, number>;
        const body: OpBody = { v: {}, b: {} };
        for (const [field, value] of Object.entries(now)) {
          if (old && same(old[field], value)) continue;
          body.v[field] = value;
          if (seqs[field]) body.b[field] = seqs[field];
        }
        if (Object.keys(body.v).length === 0) healShadow.run(row.fields, hubId, entity, row.uid);
        else pend.run(hubId, ord++, randomUUID(), entity, row.uid, JSON.stringify(body), row.fields);
      }
      const gone = db
        .prepare(
          `SELECT s.uid, s.fields FROM hub_shadow s WHERE s.hub_id = ? AND s.entity = ? AND s.fields IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM temp.sync_rows r WHERE r.uid = s.uid)`,
        )
        .all(hubId, entity) as Array<{ uid: string; fields: string }>;
      for (const row of gone) {
        const owner = ownerOf(entity, row, (uid) => passageCoder.get(hubId, uid) as string | null);
        if (owner !== null && owner !== me) notSent++;
        else pend.run(hubId, ord++, randomUUID(), entity, row.uid, null, null);
      }
    }
  });
  return notSent;
}

function ownerOf(entity: Entity, row: { uid: string; fields: string }, passageCoder: (uid: string) => string | null): string | null {
  if (entity === 'passage') return ((JSON.parse(row.fields) as Fields).coder as string | null) ?? null;
  if (entity === 'passage_tag') return passageCoder(row.uid.split('/')[0]!);
  return null;
}

/** Sends the pending operations (COPY, then one insert that skips any the hub already has) and records their sequence numbers. */
export async function pushOps(
  db: Database,
  client: pg.Client,
  hubId: number,
  me: { uid: string; name: string },
  size: number,
  onBatch: (done: number) => void | Promise<void>,
): Promise<PushResult> {
  const pendingCount = db.prepare('SELECT count(*) FROM hub_pending WHERE hub_id = ?').pluck();
  const notSent = (pendingCount.get(hubId) as number) === 0 ? planOps(db, hubId, me.uid) : 0;
  const next = db.prepare('SELECT ord, op_uid, entity, uid, payload, snapshot FROM hub_pending WHERE hub_id = ? ORDER BY ord LIMIT ?');
  let sent = 0;
  for (;;) {
    const batch = next.all(hubId, size) as Array<{
      ord: number;
      op_uid: string;
      entity: Entity;
      uid: string;
      payload: string | null;
      snapshot: string | null;
    }>;
    if (batch.length === 0) return { sent, notSent };
    await client.query('BEGIN');
    let sequence: Map<string, number>;
    try {
      await client.query('CREATE TEMP TABLE push_ops (ord bigint, op_uid uuid, entity text, uid text, fields jsonb) ON COMMIT DROP');
      await copyRows(
        client,
        'push_ops',
        ['ord', 'op_uid', 'entity', 'uid', 'fields'],
        batch.map((p) => [p.ord, p.op_uid, p.entity, p.uid, p.payload]),
      );
      await client.query(
        `INSERT INTO ops (op_uid, coder_uid, entity, uid, fields) SELECT op_uid, $1, entity, uid, fields FROM push_ops ORDER BY ord
         ON CONFLICT (op_uid) DO NOTHING`,
        [me.uid],
      );
      const { rows } = await client.query<{ op_uid: string; seq: string }>(
        'SELECT p.op_uid::text, o.seq FROM push_ops p JOIN ops o USING (op_uid)',
      );
      await client.query('COMMIT');
      sequence = new Map(rows.map((r) => [r.op_uid, Number(r.seq)]));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await onBatch(sent + batch.length);
    writeTransaction(db, () => {
      const shadowOf = db.prepare('SELECT seqs, setters FROM hub_shadow WHERE hub_id = ? AND entity = ? AND uid = ?');
      const save = db.prepare('INSERT OR REPLACE INTO hub_shadow (hub_id, entity, uid, fields, seqs, setters) VALUES (?, ?, ?, ?, ?, ?)');
      const done = db.prepare('DELETE FROM hub_pending WHERE hub_id = ? AND ord = ?');
      for (const p of batch) {
        const seq = sequence.get(p.op_uid)!;
        const was = (shadowOf.get(hubId, p.entity, p.uid) as { seqs: string; setters: string } | undefined) ?? {
          seqs: '{}',
          setters: '{}',
        };
        const set = p.payload === null ? ['_'] : Object.keys((JSON.parse(p.payload) as OpBody).v);
        const seqs = { ...(p.payload === null ? {} : JSON.parse(was.seqs)), ...Object.fromEntries(set.map((f) => [f, seq])) };
        const setters = { ...(p.payload === null ? {} : JSON.parse(was.setters)), ...Object.fromEntries(set.map((f) => [f, me.name])) };
        save.run(hubId, p.entity, p.uid, p.snapshot, JSON.stringify(seqs), JSON.stringify(setters));
        done.run(hubId, p.ord);
      }
    });
    sent += batch.length;
  }
}

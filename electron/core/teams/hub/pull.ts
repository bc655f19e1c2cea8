import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import type { Clock } from '../../clock';
import { isoNow } from '../../clock';
import { writeTransaction } from '../../library/write';
import { recordChange } from '../../library/change-log';
import { localWriter } from './apply';
import { fetchArticles } from './articles';
import type { Entity, Fields, OpBody } from './entities';

export interface HubOp {
  seq: number;
  entity: Entity;
  uid: string;
  body: OpBody | null;
  coder: string;
}

export interface Conflict {
  seq: number;
  entity: Entity;
  uid: string;
  field: string;
  kept: unknown;
  lost: unknown;
  keptBy: string | null;
  lostBy: string | null;
}

export interface PullResult {
  applied: number;
  skipped: number;
  conflicts: Conflict[];
}

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);

/**
 * The conflict rule, per field: the value with the later hub sequence wins. An operation that set
 * a field while not knowing the value it replaces (its base is older than the value here) is a
 * conflict either way, and the losing value is kept in `hub_conflicts`.
 */
export interface Shadow {
  fields: Fields | null;
  seqs: Record<string, number>;
  /** Who set each field's value. */
  setters: Record<string, string>;
}

export function merge(op: HubOp, shadow: Shadow | null) {
  const conflicts: Conflict[] = [];
  const seqs = { ...(shadow?.seqs ?? {}) };
  const setters = { ...(shadow?.setters ?? {}) };
  const fields: Fields = { ...(shadow?.fields ?? {}) };
  const conflict = (field: string, kept: unknown, lost: unknown, keptBy: string | null, lostBy: string | null) =>
    conflicts.push({ seq: op.seq, entity: op.entity, uid: op.uid, field, kept, lost, keptBy, lostBy });
  if (op.body === null) {
    const newest = Math.max(0, ...Object.values(seqs));
    if (newest >= op.seq) return { fields: shadow?.fields ?? null, seqs, setters, changed: false, deleted: false, conflicts };
    return { fields: null, seqs: { _: op.seq }, setters: { _: op.coder }, changed: shadow?.fields != null, deleted: true, conflicts };
  }
  if (shadow && shadow.fields === null) {
    conflict('(deleted)', null, op.body.v, setters._ ?? null, op.coder);
    return { fields: null, seqs, setters, changed: false, deleted: false, conflicts };
  }
  let changed = false;
  for (const [field, value] of Object.entries(op.body.v)) {
    const here = seqs[field] ?? 0;
    if (here >= op.seq) {
      if (!same(fields[field], value)) conflict(field, fields[field], value, setters[field] ?? null, op.coder);
      continue;
    }
    if (here > (op.body.b[field] ?? 0) && !same(fields[field], value))
      conflict(field, value, fields[field], op.coder, setters[field] ?? null);
    if (!same(fields[field], value)) changed = true;
    fields[field] = value;
    seqs[field] = op.seq;
    setters[field] = op.coder;
  }
  return { fields, seqs, setters, changed: changed || !shadow, deleted: false, conflicts };
}

/** Pulls the hub's operations after this library's cursor, a batch per local transaction (a kill loses at most the batch in flight). */
export async function pullOps(
  db: Database,
  clock: Clock,
  client: pg.Client,
  hubId: number,
  size: number,
  onBatch: (done: number) => void | Promise<void>,
): Promise<PullResult> {
  const result: PullResult = { applied: 0, skipped: 0, conflicts: [] };
  const cursor = db.prepare('SELECT pulled FROM hub_syncs WHERE id = ?').pluck();
  const shadowOf = db.prepare('SELECT fields, seqs, setters FROM hub_shadow WHERE hub_id = ? AND entity = ? AND uid = ?');
  const saveShadow = db.prepare('INSERT OR REPLACE INTO hub_shadow (hub_id, entity, uid, fields, seqs, setters) VALUES (?, ?, ?, ?, ?, ?)');
  const saveConflict = db.prepare(
    `INSERT OR IGNORE INTO hub_conflicts (hub_id, seq, entity, uid, field, kept, lost, kept_by, lost_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const advance = db.prepare('UPDATE hub_syncs SET pulled = ? WHERE id = ?');
  for (;;) {
    const from = cursor.get(hubId) as number;
    const { rows } = await client.query<{ seq: string; entity: Entity; uid: string; fields: OpBody | null; coder: string }>(
      `SELECT o.seq, o.entity, o.uid, o.fields, c.name AS coder FROM ops o JOIN coders c ON c.uid = o.coder_uid
       WHERE o.seq > $1 ORDER BY o.seq LIMIT ${Number(size)}`,
      [from],
    );
    if (rows.length === 0) return result;
    const ops: HubOp[] = rows.map((r) => ({ seq: Number(r.seq), entity: r.entity, uid: r.uid, body: r.fields, coder: r.coder }));
    const articles = [
      ...new Set(ops.flatMap((op) => (op.entity === 'passage' && typeof op.body?.v.article === 'string' ? [op.body.v.article] : []))),
    ];
    await fetchArticles(db, clock, client, hubId, articles);
    writeTransaction(db, () => {
      const writer = localWriter(db, clock);
      const at = isoNow(clock);
      for (const op of ops) {
        const row = shadowOf.get(hubId, op.entity, op.uid) as { fields: string | null; seqs: string; setters: string } | undefined;
        const shadow: Shadow | null = row
          ? {
              fields: row.fields === null ? null : (JSON.parse(row.fields) as Fields),
              seqs: JSON.parse(row.seqs),
              setters: JSON.parse(row.setters),
            }
          : null;
        const merged = merge(op, shadow);
        for (const c of merged.conflicts) {
          saveConflict.run(
            hubId,
            c.seq,
            c.entity,
            c.uid,
            c.field,
            JSON.stringify(c.kept ?? null),
            JSON.stringify(c.lost ?? null),
            c.keptBy,
            c.lostBy,
            at,
          );
          result.conflicts.push(c);
        }
        if (merged.deleted) writer.remove(op.entity, op.uid);
        else if (merged.changed && merged.fields && !writer.write(op.entity, op.uid, merged.fields)) {
          result.skipped++;
          continue;
        }
        if (merged.changed || merged.deleted) result.applied++;
        saveShadow.run(
          hubId,
          op.entity,
          op.uid,
          merged.fields === null ? null : JSON.stringify(merged.fields),
          JSON.stringify(merged.seqs),
          JSON.stringify(merged.setters),
        );
      }
      advance.run(ops.at(-1)!.seq, hubId);
      if (result.applied > 0) recordChange(db, ['passages', 'tags', 'claims']);
    });
    await onBatch(result.applied);
  }
}

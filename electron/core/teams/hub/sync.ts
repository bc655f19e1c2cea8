import type pg from 'pg';
import type { Library } from '../../library/open';
import { MarginaliaError } from '../../errors';
import { writeTransaction } from '../../library/write';
import { isoNow } from '../../clock';
import { uploadArticles } from './articles';
import { connectHub, hubError } from './connect';
import { hubVersion } from './init';
import { pullOps, type Conflict } from './pull';
import { pushOps } from './push';
import { adoptTags } from './tags';
import { HUB_VERSION } from './schema';
import { hubKey, redactHub } from './url';

export interface SyncReport {
  hub: string;
  coder: string;
  uploaded: number;
  sent: number;
  notSent: number;
  pulled: number;
  skipped: number;
  conflicts: Conflict[];
}

export interface SyncOptions {
  /** The local coder the sync is for: must be the hub's coder of the role connecting. */
  coder?: string | undefined;
  /**
   * Told after each step that committed on the hub or here, and awaited: progress for a view, and
   * where the tests stop a sync to kill it (`pushed`: the hub has a batch the library has not yet
   * recorded as sent; `pulled`: a batch of the log applied here).
   */
  onStep?: (step: 'uploaded' | 'pushed' | 'pulled', done: number) => void | Promise<void>;
  /** Operations per batch (sent with one COPY, applied in one local transaction). */
  batch?: number;
}

/**
 * Syncs the library with a team hub: the library stays the working copy. Articles go up once,
 * then this library's changes go up as operations, then everyone's come down and are applied by
 * the conflict rule (pull.ts). Each step is idempotent and commits as it goes, so a sync stopped
 * at any point (a kill, a lost connection) is finished by the next one, with nothing lost or doubled.
 */
export async function syncLibrary(lib: Library, url: string, options: SyncOptions = {}): Promise<SyncReport> {
  const client = await connectHub(url);
  try {
    const version = await hubVersion(client);
    if (version !== HUB_VERSION) {
      throw new MarginaliaError(
        'unsupported',
        version < HUB_VERSION
          ? `${redactHub(url)} is not a hub at schema version ${HUB_VERSION} (found ${version}): its owner runs marginalia hub init on it first.`
          : `The hub's schema (version ${version}) is newer than this Marginalia (${HUB_VERSION}): update Marginalia.`,
      );
    }
    const me = (await client.query<{ uid: string; name: string }>('SELECT uid::text, name FROM coders WHERE role = current_user')).rows[0];
    if (!me) {
      throw new MarginaliaError(
        'forbidden',
        `${client.user} is not a coder of ${redactHub(url)}: its owner adds coders with marginalia hub add-coder.`,
      );
    }
    if (options.coder !== undefined && options.coder.toLowerCase() !== me.name.toLowerCase()) {
      throw new MarginaliaError('invalid-arguments', `${client.user} codes as ${me.name} on this hub, not as ${options.coder}.`);
    }
    const hubId = await adoptCoders(lib, client, hubKey(url));
    const report: SyncReport = {
      hub: redactHub(url),
      coder: me.name,
      uploaded: 0,
      sent: 0,
      notSent: 0,
      pulled: 0,
      skipped: 0,
      conflicts: [],
    };
    const onStep = options.onStep ?? (() => undefined);
    report.uploaded = await uploadArticles(lib.db, client, hubId);
    await onStep('uploaded', report.uploaded);
    await adoptTags(lib.db, client, hubId);
    const batch = options.batch ?? 20_000;
    Object.assign(report, await pushOps(lib.db, client, hubId, me, batch, (done) => onStep('pushed', done)));
    const pulled = await pullOps(lib.db, lib.clock, client, hubId, batch, (done) => onStep('pulled', done));
    Object.assign(report, { pulled: pulled.applied, skipped: pulled.skipped, conflicts: pulled.conflicts });
    lib.db.prepare('UPDATE hub_syncs SET synced_at = ? WHERE id = ?').run(isoNow(lib.clock), hubId);
    return report;
  } catch (error) {
    if (error instanceof MarginaliaError) throw error;
    throw hubError(error, url, `Sync with ${redactHub(url)} failed`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The hub's coders, here: matched by uid, else by name (the local coder takes the hub's uid), else added. */
async function adoptCoders(lib: Library, client: pg.Client, hub: string): Promise<number> {
  const { rows } = await client.query<{ uid: string; name: string; colour: string }>(
    'SELECT uid::text, name, colour FROM coders ORDER BY created_at',
  );
  return writeTransaction(lib.db, () => {
    const db = lib.db;
    db.prepare('INSERT OR IGNORE INTO hub_syncs (hub) VALUES (?)').run(hub);
    const byUid = db.prepare('SELECT id FROM coders WHERE uid = ?').pluck();
    const byName = db.prepare('SELECT id FROM coders WHERE name = ? COLLATE NOCASE').pluck();
    const rename = db.prepare('UPDATE coders SET uid = ? WHERE id = ?');
    const add = db.prepare('INSERT INTO coders (uid, name, colour, created_at) VALUES (?, ?, ?, ?)');
    for (const c of rows) {
      if (byUid.get(c.uid) !== undefined) continue;
      const local = byName.get(c.name) as number | undefined;
      if (local !== undefined) rename.run(c.uid, local);
      else add.run(c.uid, c.name, c.colour, isoNow(lib.clock));
    }
    return db.prepare('SELECT id FROM hub_syncs WHERE hub = ?').pluck().get(hub) as number;
  });
}

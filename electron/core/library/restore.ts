import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { Clock } from '../clock';
import { MarginaliaError } from '../errors';
import { identify, refuseForeign } from './identity';
import { openLibrary } from './open';
import { memoryCopy } from './read-only';
import { freeNameBeside } from './repair';
import { writeTransaction } from './write';
import { newLineage } from './write-mark';

export interface RestorePlan {
  backup: string;
  target: string;
  backupArticles: number;
  /** Articles in the library the backup replaces, or null when there is none (or it cannot be read). */
  currentArticles: number | null;
}

export interface RestoreResult extends RestorePlan {
  /** Where the replaced library was put (with its -wal and -shm files), or null when there was none. */
  replacedKeptAs: string | null;
}

function articlesIn(path: string, nativeBinding: string | undefined): number {
  const db = memoryCopy(path, { writable: false, nativeBinding });
  try {
    refuseForeign(identify(db, path), path);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new MarginaliaError('library-damaged', `${basename(path)} is damaged (${String(check)}), so it cannot be restored from.`);
    return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } finally {
    db.close();
  }
}

/**
 * Reads what a restore would do: the backup is checked whole first, nothing is changed.
 * `nativeBinding`: better-sqlite3 built for Electron, in the app.
 */
export function planRestore(backup: string, target: string, nativeBinding?: string): RestorePlan {
  if (!existsSync(backup)) throw new MarginaliaError('not-found', `There is no file ${backup}.`);
  const backupArticles = articlesIn(backup, nativeBinding);
  let currentArticles: number | null = null;
  if (existsSync(target)) {
    try {
      currentArticles = articlesIn(target, nativeBinding);
    } catch {
      // A damaged or mismatched library is exactly what a restore replaces.
    }
  }
  return { backup, target, backupArticles, currentArticles };
}

/** True when another process has the library open: its log stays after our own connection closes. */
function inUse(target: string, nativeBinding: string | undefined): boolean {
  if (!existsSync(target)) return false;
  try {
    openLibrary(target, nativeBinding ? { nativeBinding } : {}).close();
  } catch {
    // Cannot open (a stray log, damage): no live process holds a library in that state.
    return false;
  }
  return existsSync(`${target}-wal`);
}

/**
 * Puts a backup in place of a library. The library it replaces is never overwritten: it is renamed
 * aside with its -wal and -shm files (so no log of it can apply to the backup, and it can be put
 * back whole). The backup is copied under a temporary name, given its own lineage, upgraded when
 * it is older, and renamed into place.
 */
export function restoreLibrary(plan: RestorePlan, clock: Clock, nativeBinding?: string): RestoreResult {
  const { backup, target } = plan;
  if (inUse(target, nativeBinding)) {
    throw new MarginaliaError(
      'busy',
      `${basename(target)} is open in another program (Marginalia, or a marginalia command): close it there first. Nothing was changed.`,
    );
  }
  const temp = `${target}.${clock().getTime()}.restoring`;
  copyFileSync(backup, temp);
  try {
    const lib = openLibrary(temp, { noUpgradeBackup: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      writeTransaction(lib.db, () => newLineage(lib.db));
    } finally {
      lib.close();
    }
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
    throw error;
  }
  let replacedKeptAs: string | null = null;
  if (existsSync(target) || existsSync(`${target}-wal`)) {
    replacedKeptAs = freeNameBeside(target, `replaced ${clock().toISOString().slice(0, 16).replace('T', ' ').replace(':', '')}`);
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${replacedKeptAs}${suffix}`);
  }
  renameSync(temp, target);
  return { ...plan, replacedKeptAs };
}

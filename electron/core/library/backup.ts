import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../clock';
import { MarginaliaError } from '../errors';
import { registerFunctions } from './functions';
import { writeTransaction } from './write';
import { newLineage } from './write-mark';

export const DEFAULT_KEEP = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupResult {
  path: string;
  articles: number;
  bytes: number;
}

const stem = (path: string): string => basename(path).replace(/\.[^.]+$/, '');

/** Where a library's backups go: a folder beside it ("Research backups"). */
export function backupsFolder(libraryPath: string): string {
  return join(dirname(libraryPath), `${stem(libraryPath)} backups`);
}

/** "Research 2024-05-01 093000 (daily).marginalia": sorts by time, says why it was made. */
export function backupName(libraryPath: string, clock: Clock, reason: string | null): string {
  const stamp = clock().toISOString().slice(0, 19).replace('T', ' ').replaceAll(':', '');
  return join(backupsFolder(libraryPath), `${stem(libraryPath)} ${stamp}${reason ? ` (${reason})` : ''}.marginalia`);
}

const AUTOMATIC = /\((daily|before upgrade[^)]*)\)\.marginalia$/;

/** Automatic backups of a library, oldest first. */
function automaticBackups(libraryPath: string): string[] {
  const folder = backupsFolder(libraryPath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.startsWith(`${stem(libraryPath)} `) && AUTOMATIC.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/** Keeps the newest `keep` automatic backups; those the analyst made by hand are never removed. */
export function pruneAutomatic(libraryPath: string, keep: number): string[] {
  const all = automaticBackups(libraryPath);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

/** True when the newest daily backup is a day old or there is none. */
export function dailyBackupDue(libraryPath: string, clock: Clock): boolean {
  const newest = automaticBackups(libraryPath)
    .filter((p) => p.endsWith('(daily).marginalia'))
    .at(-1);
  return !newest || clock().getTime() - statSync(newest).mtimeMs >= DAY_MS;
}

/** How many automatic backups a library keeps (library_meta 'backups.keep'). */
export function backupsToKeep(db: Database.Database): number {
  try {
    const value = db.prepare("SELECT value FROM library_meta WHERE key = 'backups.keep'").pluck().get() as string | undefined;
    return value === undefined ? DEFAULT_KEEP : Number(value);
  } catch {
    return DEFAULT_KEEP;
  }
}

export function setBackupsToKeep(db: Database.Database, keep: number): void {
  writeTransaction(db, () => db.prepare("INSERT OR REPLACE INTO library_meta (key, value) VALUES ('backups.keep', ?)").run(String(keep)));
}

/**
 * Gives a finished copy its own lineage (a log of the original never applies to it), checks that
 * SQLite reads it whole, and puts it in place under its name.
 */
function seal(temp: string, out: string, nativeBinding: string | undefined): BackupResult {
  const db = new Database(temp, nativeBinding ? { nativeBinding } : {});
  let articles: number;
  try {
    registerFunctions(db);
    // A backup is one file: no log beside it, whoever opens it.
    db.pragma('journal_mode = DELETE');
    writeTransaction(db, () => newLineage(db));
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new MarginaliaError('io', `The backup could not be read back whole (${String(check)}); it was not kept.`);
    articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } finally {
    db.close();
  }
  renameSync(temp, out);
  return { path: out, articles, bytes: statSync(out).size };
}

function tempBeside(out: string): string {
  mkdirSync(dirname(out), { recursive: true });
  return join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`);
}

function cleanUp(temp: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
}

/**
 * Copies a library with SQLite's online backup, a few pages at a time between other work (safe while
 * it is in use: pages another connection changes meanwhile are copied again). The copy is written
 * under a temporary name and renamed once whole: an interrupted backup never leaves a half file.
 */
export async function backupLibrary(
  db: Database.Database,
  out: string,
  options: { nativeBinding?: string | undefined; onProgress?: (done: number, total: number) => void } = {},
): Promise<BackupResult> {
  if (existsSync(out))
    throw new MarginaliaError('conflict', `${out} exists already: choose another name (a backup never replaces a file).`);
  const temp = tempBeside(out);
  try {
    await db.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return 256;
      },
    });
    return seal(temp, out, options.nativeBinding);
  } catch (error) {
    cleanUp(temp);
    throw error;
  }
}

/**
 * A copy made at once, on this thread (VACUUM INTO: one read transaction, so it is consistent while
 * others write): before an upgrade, when opening must wait for it.
 */
export function backupNow(db: Database.Database, out: string, nativeBinding?: string): BackupResult {
  const temp = tempBeside(out);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    return seal(temp, out, nativeBinding);
  } catch (error) {
    cleanUp(temp);
    throw error;
  }
}

/**
 * The daily backup: once a day, when the library has something to lose, a copy goes to its backups
 * folder and the oldest automatic copies beyond the number kept are removed. Never fails loudly:
 * a backup that cannot be made now is tried again next time.
 */
export async function dailyBackup(
  db: Database.Database,
  libraryPath: string,
  clock: Clock,
  nativeBinding?: string,
): Promise<BackupResult | null> {
  try {
    if (!dailyBackupDue(libraryPath, clock)) return null;
    if ((db.prepare('SELECT count(*) FROM articles').pluck().get() as number) === 0) return null;
    const result = await backupLibrary(db, backupName(libraryPath, clock, 'daily'), { nativeBinding });
    pruneAutomatic(libraryPath, backupsToKeep(db));
    return result;
  } catch {
    return null;
  }
}

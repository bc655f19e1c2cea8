import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MarginaliaError } from '../errors';
import { type Clock, systemClock } from '../clock';
import { backupName, backupNow, backupsToKeep, pruneAutomatic } from './backup';
import { BackgroundCheckpoints } from './checkpoints';
import { describeFailure } from './failures';
import { registerFunctions } from './functions';
import { APPLICATION_ID, type Identity, identify, refuseForeign } from './identity';
import { memoryCopy, readOnlyReason } from './read-only';
import { foreignLog } from './wal-guard';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { MigrationProgress } from './migrations/types';
import { bumpMark, schemaChanged } from './write-mark';
import { CODERS_VERSION, installCoderStamps } from '../teams/acting';

export { APPLICATION_ID } from './identity';

export interface OpenOptions {
  clock?: Clock;
  /** Path to a better-sqlite3 binary built for the running runtime (Electron passes its own). */
  nativeBinding?: string;
  /** Skips the backup made before an upgrade (a restore upgrades a copy of a backup, which is its own backup). */
  noUpgradeBackup?: boolean;
  /** Told how far a long upgrade of an older library has got (a re-index of every article). */
  onMigrationProgress?: (progress: MigrationProgress) => void;
}

export interface Library {
  readonly path: string;
  readonly name: string;
  readonly db: Database.Database;
  readonly clock: Clock;
  /** Moves checkpoints off this connection while a long job (an import) writes. */
  readonly checkpoints: BackgroundCheckpoints;
  /** Why this library is open read-only (in words: "the file is read-only"), or null when it can be changed. */
  readonly readOnly: string | null;
  close(): void;
}

/**
 * Reads the file's identity through a read-only connection, so that a foreign or newer file is
 * refused untouched (no migration, no WAL switch, no write of any kind).
 */
function inspect(path: string, nativeBinding: string | undefined): Identity {
  let probe: Database.Database;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new MarginaliaError('io', `${basename(path)}: cannot open the file (${(error as Error).message})`);
  }
  try {
    return identify(probe, path);
  } finally {
    probe.close();
  }
}

/** A copy of the library as it was, kept beside it, before an upgrade changes its format. */
function backupBeforeUpgrade(db: Database.Database, path: string, target: number, options: OpenOptions): void {
  try {
    backupNow(db, backupName(path, options.clock ?? systemClock, `before upgrade to format ${target}`), options.nativeBinding);
    pruneAutomatic(path, backupsToKeep(db));
  } catch (error) {
    throw new MarginaliaError(
      'io',
      `${basename(path)} needs an upgrade, and Marginalia backs a library up before upgrading it, but the backup failed ` +
        `(${describeFailure(error)?.reason ?? (error as Error).message}). The library was not changed.`,
    );
  }
}

function migrate(db: Database.Database, from: number, to: number, onProgress?: OpenOptions['onMigrationProgress']): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= from || migration.version > to) continue;
    const { version, name } = migration;
    // One transaction per migration: a failure rolls back that step whole and stops the run.
    db.transaction(() => {
      db.exec(migration.up);
      migration.run?.(db, (done, total) => onProgress?.({ version, name, done, total }));
      db.pragma(`user_version = ${version}`);
      schemaChanged(db);
      bumpMark(db);
    }).immediate();
  }
}

/**
 * Opens (creating when absent or zero bytes) a library file. Refuses, with the file untouched,
 * anything that is not a Marginalia library or was written by a newer Marginalia.
 * `targetVersion` exists for upgrade tests: it stops migrating at that version.
 */
export function openLibrary(path: string, options: OpenOptions & { targetVersion?: number } = {}): Library {
  const fresh = !existsSync(path) || statSync(path).size === 0;
  if (!fresh) {
    // Before SQLite sees the file: it would apply whatever log lies beside it.
    const foreign = foreignLog(path, options.nativeBinding);
    if (foreign) throw new MarginaliaError('wal-mismatch', foreign);
    const readOnly = readOnlyReason(path);
    if (readOnly) return openReadOnly(path, readOnly, options);
    refuseForeign(inspect(path, options.nativeBinding), path);
  }
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    registerFunctions(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    const target = options.targetVersion ?? SCHEMA_VERSION;
    if (current > 0 && current < target && !options.noUpgradeBackup) backupBeforeUpgrade(db, path, target, options);
    if (current < target) {
      migrate(db, current, target, options.onMigrationProgress);
      // An upgrade may rewrite the whole library (a re-index): its log is copied into the file at
      // once, so the library's work starts from an empty log rather than one as large as the file.
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    installCoderStamps(db, target >= CODERS_VERSION);
  } catch (error) {
    db.close();
    throw error instanceof MarginaliaError
      ? error
      : new MarginaliaError('library-damaged', `${basename(path)}: the library could not be prepared (${(error as Error).message})`);
  }
  return library(path, db, null, options);
}

function library(path: string, db: Database.Database, readOnly: string | null, options: OpenOptions): Library {
  const checkpoints = new BackgroundCheckpoints(db, path, options.nativeBinding);
  return {
    path,
    name: basename(path).replace(/\.[^.]+$/, ''),
    db,
    clock: options.clock ?? systemClock,
    checkpoints,
    readOnly,
    close: () => {
      checkpoints.close();
      db.close();
    },
  };
}

/** A library that cannot be written: read (view, search, export) without creating or changing any file. */
function openReadOnly(path: string, reason: string, options: OpenOptions): Library {
  const db = memoryCopy(path, { writable: false, nativeBinding: options.nativeBinding });
  try {
    const found = identify(db, path);
    refuseForeign(found, path);
    if (found.version < SCHEMA_VERSION) {
      throw new MarginaliaError(
        'read-only',
        `${basename(path)} is in an older library format (${found.version}) that this Marginalia must upgrade to open, and ${reason}. ` +
          'Make it writable, or open a copy of it. The file was not changed.',
      );
    }
    registerFunctions(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return library(path, db, reason, options);
}

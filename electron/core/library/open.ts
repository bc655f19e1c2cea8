import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MarginaliaError } from '../errors';
import { type Clock, systemClock } from '../clock';
import { naturalKey } from '../../shared/natural-sort';
import { termsText } from '../claims/terms';
import { numberTokensOf } from '../search/numbers';
import { BackgroundCheckpoints } from './checkpoints';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

/** "MRGN": marks a SQLite file as a Marginalia library (PRAGMA application_id). */
export const APPLICATION_ID = 0x4d52474e;

export interface OpenOptions {
  clock?: Clock;
  /** Path to a better-sqlite3 binary built for the running runtime (Electron passes its own). */
  nativeBinding?: string;
}

export interface Library {
  readonly path: string;
  readonly name: string;
  readonly db: Database.Database;
  readonly clock: Clock;
  /** Moves checkpoints off this connection while a long job (an import) writes. */
  readonly checkpoints: BackgroundCheckpoints;
  close(): void;
}

/** Functions the schema's triggers call; registered on every connection before any write. */
function registerFunctions(db: Database.Database): void {
  db.function('marginalia_numbers', { deterministic: true, varargs: true }, (...parts: unknown[]) =>
    numberTokensOf(...parts.filter((part): part is string => typeof part === 'string')),
  );
  db.function('marginalia_sort_key', { deterministic: true }, (text: unknown) => naturalKey(typeof text === 'string' ? text : ''));
  db.function('marginalia_terms', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? termsText(text) : ''));
}

/**
 * Reads the file's identity through a read-only connection, so that a foreign or newer file is
 * refused untouched (no migration, no WAL switch, no write of any kind).
 */
function inspect(path: string, nativeBinding: string | undefined): { applicationId: number; version: number; hasTables: boolean } {
  let probe: Database.Database;
  try {
    probe = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    throw new MarginaliaError('io', `${basename(path)}: cannot open the file (${(error as Error).message})`);
  }
  try {
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    return { applicationId, version, hasTables: tables.n > 0 };
  } catch (error) {
    const reason = /not a database|file is encrypted/i.test((error as Error).message)
      ? 'it is not a SQLite database'
      : (error as Error).message;
    throw new MarginaliaError('not-a-library', `${basename(path)} is not a Marginalia library: ${reason}. The file was not changed.`);
  } finally {
    probe.close();
  }
}

function migrate(db: Database.Database, from: number, to: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= from || migration.version > to) continue;
    // One transaction per migration: a failure rolls back that step whole and stops the run.
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
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
    const found = inspect(path, options.nativeBinding);
    if (found.applicationId !== APPLICATION_ID && (found.applicationId !== 0 || found.hasTables)) {
      throw new MarginaliaError(
        'not-a-library',
        `${basename(path)} is not a Marginalia library (it is a SQLite database of another program). The file was not changed.`,
      );
    }
    if (found.version > SCHEMA_VERSION) {
      throw new MarginaliaError(
        'library-too-new',
        `${basename(path)} was written by a newer version of Marginalia (library format ${found.version}; this version reads up to ${SCHEMA_VERSION}). Update Marginalia to open it. The file was not changed.`,
      );
    }
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
    migrate(db, current, options.targetVersion ?? SCHEMA_VERSION);
  } catch (error) {
    db.close();
    throw error instanceof MarginaliaError
      ? error
      : new MarginaliaError('library-damaged', `${basename(path)}: the library could not be prepared (${(error as Error).message})`);
  }
  const checkpoints = new BackgroundCheckpoints(db, path, options.nativeBinding);
  return {
    path,
    name: basename(path).replace(/\.[^.]+$/, ''),
    db,
    clock: options.clock ?? systemClock,
    checkpoints,
    close: () => {
      checkpoints.close();
      db.close();
    },
  };
}

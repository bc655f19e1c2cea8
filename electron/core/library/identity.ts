import type Database from 'better-sqlite3';
import { basename } from 'node:path';
import { MarginaliaError } from '../errors';
import { SCHEMA_VERSION } from './migrations';

/** "MRGN": marks a SQLite file as a Marginalia library (PRAGMA application_id). */
export const APPLICATION_ID = 0x4d52474e;

export interface Identity {
  applicationId: number;
  version: number;
  hasTables: boolean;
}

/** Reads what a file says it is; a file that is no SQLite database is refused in words. */
export function identify(db: Database.Database, path: string): Identity {
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    return { applicationId, version, hasTables: tables.n > 0 };
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_CORRUPT'))
      throw new MarginaliaError(
        'library-damaged',
        `${basename(path)} is damaged: SQLite cannot read even its list of tables (${(error as Error).message}). ` +
          '"marginalia repair" recovers what can still be read into a new library beside it. The file was not changed.',
      );
    const reason = /not a database|file is encrypted/i.test((error as Error).message)
      ? 'it is not a SQLite database'
      : (error as Error).message;
    throw new MarginaliaError('not-a-library', `${basename(path)} is not a Marginalia library: ${reason}. The file was not changed.`);
  }
}

/** Refuses another program's database and a library written by a newer Marginalia. */
export function refuseForeign(found: Identity, path: string): void {
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

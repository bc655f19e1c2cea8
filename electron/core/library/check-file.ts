import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { MarginaliaError } from '../errors';
import { checkLibrary } from './check';
import { registerFunctions } from './functions';
import { identify, refuseForeign } from './identity';
import { formatCount } from '../../shared/counts';
import { memoryCopy, readOnlyReason, truncation } from './read-only';
import { committedFrames, foreignLog } from './wal-guard';

/**
 * Checks a library file without opening it as a library: nothing is migrated, a log that does
 * not belong to it is reported rather than applied, and a read-only file is checked in a copy
 * in memory (so no -wal or -shm file appears beside it). Returns the problems in words.
 */
export function checkLibraryFile(path: string, nativeBinding?: string): string[] {
  const foreign = foreignLog(path, nativeBinding);
  if (foreign) return [foreign.slice(basename(path).length + 2)];
  // Through a log SQLite reads pages the file does not hold yet (a checkpoint stopped by a full disk).
  const cut = committedFrames(`${path}-wal`) === 0 ? truncation(path) : null;
  if (cut)
    return [
      `the file is damaged: it was cut short (it holds ${formatCount(cut.held)} of its ${formatCount(cut.expected)} pages, as after an interrupted copy)`,
    ];
  let db: Database.Database;
  try {
    db = readOnlyReason(path)
      ? memoryCopy(path, { writable: true, nativeBinding })
      : new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    return [`the file cannot be opened: ${(error as Error).message}`];
  }
  try {
    db.pragma('busy_timeout = 5000');
    try {
      refuseForeign(identify(db, path), path);
    } catch (error) {
      if (error instanceof MarginaliaError && error.code === 'library-damaged')
        return [`the file is damaged: SQLite cannot read even its list of tables (${error.message.split('(')[1]?.split(')')[0] ?? ''})`];
      if (error instanceof MarginaliaError) return [error.message.replace(/^\S+ /, 'it ')];
      throw error;
    }
    registerFunctions(db);
    return checkLibrary(db);
  } finally {
    db.close();
  }
}

import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { MarginaliaError } from '../errors';

/** Why a library cannot be written (in words), or null when it can. */
export function readOnlyReason(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS' ? 'it is on a read-only disk' : 'the file is read-only';
  }
  try {
    // SQLite writes its log and index beside the file.
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS' ? 'it is on a read-only disk' : 'its folder is read-only';
  }
  return null;
}

/** SQLite's file header: page size at byte 16 (1 means 65,536), page count at byte 28. */
function pagesOf(header: Buffer): { pageSize: number; pages: number } | null {
  if (header.length < 100 || header.toString('latin1', 0, 15) !== 'SQLite format 3') return null;
  const raw = header.readUInt16BE(16);
  return { pageSize: raw === 1 ? 65_536 : raw, pages: header.readUInt32BE(28) };
}

/** For a file cut short (an interrupted copy): how many pages it holds and how many it says it has. */
export function truncation(path: string): { held: number; expected: number } | null {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const found = pagesOf(header.subarray(0, readSync(fd, header, 0, 100, 0)));
    if (!found) return null;
    const held = Math.floor(fstatSync(fd).size / found.pageSize);
    return held < found.pages ? { held, expected: found.pages } : null;
  } finally {
    closeSync(fd);
  }
}

function hasLog(path: string): boolean {
  return existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
}

/**
 * A connection that reads a library without writing anything beside it: SQLite, even read-only,
 * creates a -wal and -shm file for a library in WAL mode. Without a log to read, the file is read
 * whole into memory (marked as a rollback-journal database in that copy, which needs no log), so
 * nothing is created beside it. `writable` gives a copy whose writes stay in memory (check uses
 * it for SQLite's own index checks, which are writes in form). A library with a log beside it is
 * read through the log, read-only.
 */
export function memoryCopy(
  path: string,
  options: { writable: boolean; nativeBinding?: string | undefined; salvage?: boolean },
): Database.Database {
  const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  try {
    if (hasLog(path)) return new Database(path, { readonly: true, fileMustExist: true, ...native });
    const bytes = readFileSync(path);
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
      bytes[18] = 1;
      bytes[19] = 1;
    }
    // SQLite refuses a file shorter than its header says; recovery reads the pages it has.
    const found = options.salvage ? pagesOf(bytes) : null;
    if (found && bytes.length < found.pages * found.pageSize) bytes.writeUInt32BE(Math.floor(bytes.length / found.pageSize), 28);
    return new Database(bytes, { readonly: !options.writable, ...native });
  } catch (error) {
    throw new MarginaliaError('io', `${basename(path)}: cannot read the file (${(error as Error).message}). The file was not changed.`);
  }
}

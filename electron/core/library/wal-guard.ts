import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MARK_LENGTH, MARK_PREFIX, type Mark, parseMark } from './write-mark';

/**
 * SQLite applies whatever write-ahead log lies beside a database file: nothing in the log's format
 * ties it to that file. A log left by a killed process, kept while the file was replaced by a
 * backup or by another library, turns the file into a damaged one the moment it is opened. This
 * reads the log as SQLite would (https://sqlite.org/fileformat2.html#walformat: its header, then
 * frames whose salts match and whose checksums chain, up to the last commit) and compares the write
 * mark the log carries (library/write-mark.ts) with the mark in the same page of the file.
 */

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

interface LogMarks {
  pageSize: number;
  /** Committed frames. */
  frames: number;
  /** The marks the log's committed frames carry in the mark's page, oldest first. */
  marks: Mark[];
}

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from `s`. */
function checksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i < data.length; i += 8) {
    const a = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const b = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

/** Every well-formed mark in a page's bytes; a page may keep older copies of the row in its free space. */
function marksIn(page: Buffer): Mark[] {
  const found: Mark[] = [];
  for (let at = page.indexOf(MARK_PREFIX); at >= 0; at = page.indexOf(MARK_PREFIX, at + 1)) {
    const mark = parseMark(page.toString('latin1', at, at + MARK_LENGTH));
    if (mark) found.push(mark);
  }
  return found;
}

/** The newest of a page's marks: older copies count fewer writes. */
function latest(marks: Mark[]): Mark | null {
  return marks.reduce<Mark | null>((best, mark) => (best === null || mark.writes > best.writes ? mark : best), null);
}

function readLog(path: string, markPage: number): LogMarks | null {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(WAL_HEADER);
    if (readSync(fd, header, 0, WAL_HEADER, 0) < WAL_HEADER) return null;
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
    const bigEndian = magic === 0x377f0683;
    const pageSize = header.readUInt32BE(8);
    let sum = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return null;
    const salt = header.subarray(16, 24);
    const frame = Buffer.alloc(FRAME_HEADER + pageSize);
    const result: LogMarks = { pageSize, frames: 0, marks: [] };
    let pending: Mark[] = [];
    for (let offset = WAL_HEADER, index = 0; ; offset += frame.length, index++) {
      if (readSync(fd, frame, 0, frame.length, offset) < frame.length) break;
      if (!frame.subarray(8, 16).equals(salt)) break;
      sum = checksum(frame.subarray(0, 8), bigEndian, sum);
      sum = checksum(frame.subarray(FRAME_HEADER), bigEndian, sum);
      if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) break;
      const mark = frame.readUInt32BE(0) === markPage ? latest(marksIn(frame.subarray(FRAME_HEADER))) : null;
      if (mark) pending.push(mark);
      // A commit frame holds the database's size after it: the frames up to here count.
      if (frame.readUInt32BE(4) !== 0) {
        result.frames = index + 1;
        result.marks.push(...pending);
        pending = [];
      }
    }
    return result;
  } finally {
    closeSync(fd);
  }
}

/** How many frames of a write-ahead log SQLite would apply (0: none, as after a restart of the log). */
export function committedFrames(walPath: string): number {
  return existsSync(walPath) ? (readLog(walPath, 0)?.frames ?? 0) : 0;
}

function readPage(path: string, page: number, pageSize: number): Buffer {
  const buffer = Buffer.alloc(pageSize);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, pageSize, (page - 1) * pageSize);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The database file's page size, from its header (offset 16, big-endian; 1 means 65,536). */
function dbPageSize(path: string): number | null {
  const header = readPage(path, 1, 100);
  if (header.length < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  const size = header.readUInt16BE(16);
  return size === 1 ? 65536 : size;
}

/**
 * Which page holds the mark: library_meta's root, read by SQLite (read-only: it reads through the
 * log and writes neither file). Through a foreign log the answer may be wrong or fail to come, and
 * either way the marks then disagree. Only that page is read for marks: text elsewhere in the file
 * (an imported article) may contain anything.
 */
function markPage(path: string, nativeBinding: string | undefined): number | 'unreadable' | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const row = db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'library_meta'").get() as
      { rootpage: number } | undefined;
    return row?.rootpage ?? null;
  } catch {
    return 'unreadable';
  } finally {
    db?.close();
  }
}

/** Why the log beside `path` does not belong to it, in words; null when it does (or there is none to judge). */
function mismatch(path: string, nativeBinding: string | undefined): string | null {
  const walPath = `${path}-wal`;
  if (!existsSync(walPath) || statSync(walPath).size <= WAL_HEADER) return null;
  const pageSize = dbPageSize(path);
  if (pageSize === null) return null;
  const page = markPage(path, nativeBinding);
  if (page === 'unreadable') return 'the file cannot be read with it';
  // Written by another program or an older Marginalia (no mark yet): it cannot be judged.
  if (page === null) return null;
  const log = readLog(walPath, page);
  // No valid header or no committed frame: SQLite ignores such a log too.
  if (!log || log.frames === 0) return null;
  if (pageSize !== log.pageSize) return 'its pages are of another size than the file’s, so it was written for another file';
  // No write of this log reached the mark (another program wrote it): it cannot be judged.
  if (log.marks.length === 0) return null;
  const first = log.marks[0]!;
  const last = log.marks.at(-1)!;
  const file = latest(marksIn(readPage(path, page, pageSize)));
  // The mark's table was made in this very log (a new library, or one just upgraded).
  if (!file) return first.writes <= 1 ? null : 'it was written for another library';
  if (file.uid !== first.uid) return 'it was written for another library';
  if (file.lineage !== first.lineage) return 'it was written for another copy of this library';
  // The file is as the log found it (first.writes - 1), or a checkpoint copied part of the log in.
  if (file.writes < first.writes - 1) return 'the file is older than the log: it was replaced by an earlier copy';
  if (file.writes > last.writes) return 'the file is newer than the log';
  return null;
}

/**
 * Refuses a write-ahead log that does not belong to the library file beside it, before SQLite
 * applies it. Another process may be writing meanwhile (a live log is read as it changes): a
 * mismatch is read again before it counts.
 */
export function foreignLog(path: string, nativeBinding?: string): string | null {
  let reason: string | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    reason = mismatch(path, nativeBinding);
    if (reason === null) return null;
  }
  const name = basename(path);
  return (
    `${name}: the write-ahead log beside it (${name}-wal) does not belong to this file: ${reason}. ` +
    `Opening the file with it would damage the library, so nothing was changed. If you replaced ${name} on purpose ` +
    `(with a backup or a copy), move ${name}-wal and ${name}-shm out of the folder and open it again; ` +
    '"marginalia restore" does this for you.'
  );
}

export interface Failure {
  code: 'disk-full' | 'read-only' | 'library-damaged' | 'io' | 'busy';
  /** What happened, in words, starting lower case ("the disk holding the library is full"). */
  reason: string;
  /** What the analyst can do about it, as a sentence. */
  advice: string;
}

/**
 * What a failure means for the analyst, for the failures that come from the file or the disk
 * rather than from a bug: SQLite's result codes (better-sqlite3 puts them in `code`) and Node's
 * file system errors. Null for anything else.
 */
export function describeFailure(error: unknown): Failure | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return { code: 'disk-full', reason: 'the disk holding the library is full', advice: 'Free some space on that disk, then try again.' };
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS')
    return {
      code: 'read-only',
      reason: 'the library file is read-only',
      advice: 'Make the file writable (or open a copy of it) to change it.',
    };
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return {
      code: 'library-damaged',
      reason: 'the library file is damaged',
      advice: 'Run "marginalia check" to see what is damaged and "marginalia repair" to recover what can be read.',
    };
  if (code.startsWith('SQLITE_BUSY'))
    return { code: 'busy', reason: 'another program kept the library busy', advice: 'Try again once it has finished.' };
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return { code: 'io', reason: `the disk reported an error (${code})`, advice: 'Check the disk, then try again.' };
  if (code === 'EACCES' || code === 'EPERM')
    return { code: 'io', reason: 'permission was denied', advice: 'Check who may write to the library’s folder.' };
  return null;
}

/** Errors core raises on purpose. Every transport maps them to the same typed, readable error. */
export type ErrorCode =
  | 'invalid-arguments'
  | 'not-a-library'
  | 'library-too-new'
  | 'library-damaged'
  | 'not-found'
  | 'conflict'
  | 'nothing-to-undo'
  | 'unsupported'
  | 'cancelled'
  | 'busy'
  | 'disk-full'
  | 'read-only'
  | 'wal-mismatch'
  | 'io'
  | 'forbidden';

export class MarginaliaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MarginaliaError';
  }
}

export function notFound(what: string, id: number | string): MarginaliaError {
  return new MarginaliaError('not-found', `${what} ${id} does not exist (it may have been deleted)`);
}

/**
 * A file could not be imported. The message is for the analyst and never names the file:
 * the pipeline prefixes `${fileName}: ` so that one message reads well in every list.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Turns anything thrown by a parser into a user-readable reason. */
export function importErrorMessage(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `the file could not be read (${detail})`;
}

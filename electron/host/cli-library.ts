import { resolve } from 'node:path';
import { openLibrary, type Library } from '../core/library/open';
import { migrationReporter } from '../core/library/migration-progress';
import { defaultLibraryPath } from '../core/paths';
import { actAsCoder } from './cli-coder';

export function libraryPath(values: Record<string, unknown>): string {
  const given = (values.library as string | undefined) ?? process.env.MARGINALIA_LIBRARY;
  return given ? resolve(given) : defaultLibraryPath();
}

/** The library the options name, opened; an upgrade of a large older one tells its progress on stderr. */
export function openCliLibrary(values: Record<string, unknown>): Library {
  const lib = openLibrary(libraryPath(values), { onMigrationProgress: migrationReporter() });
  if (typeof values.coder === 'string' && lib.readOnly === null) actAsCoder(lib, values.coder);
  return lib;
}

export function withLibrary<T>(values: Record<string, unknown>, fn: (lib: Library) => T): T {
  const lib = openCliLibrary(values);
  try {
    return fn(lib);
  } finally {
    lib.close();
  }
}

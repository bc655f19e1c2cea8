import { resolve } from 'node:path';
import { openLibrary, type Library } from '../core/library/open';
import { defaultLibraryPath } from '../core/paths';

export function libraryPath(values: Record<string, unknown>): string {
  const given = (values.library as string | undefined) ?? process.env.MARGINALIA_LIBRARY;
  return given ? resolve(given) : defaultLibraryPath();
}

export function withLibrary<T>(values: Record<string, unknown>, fn: (lib: Library) => T): T {
  const lib = openLibrary(libraryPath(values));
  try {
    return fn(lib);
  } finally {
    lib.close();
  }
}

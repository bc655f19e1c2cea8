import { basename, extname, isAbsolute, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { ExportResult, QdpxExportResult, QdpxImportReport } from '../../shared/types';
import { isoNow } from '../clock';
import { MarginaliaError } from '../errors';
import { ImportError } from '../import/errors';
import { exportQdpx } from '../interchange/qdpx-export';
import { importQdpx } from '../interchange/qdpx-import';
import type { Library } from '../library/open';
import { exportAnnotations } from './annotations';
import type { CsvOptions } from './csv';
import { exportClaimsJsonLd } from './claims-jsonld';
import { type ClaimsCsvOptions, exportClaimsCsv, exportLinksCsv } from './csv-claims';
import { exportMemosCsv } from './csv-memos';
import { type PassagesCsvOptions, exportPassagesCsv } from './csv-passages';
import { writeFileAtomically } from './output';

/** The browser download path holds the whole CSV in memory twice (here and in the page). */

/**
 * Export paths come from native save dialogs, but the renderer that passes them on is untrusted:
 * only absolute paths with the format's own extension are written, never the library itself,
 * so no call can overwrite a dotfile, a program or the analyst's data.
 */
export function checkOutputPath(lib: Library, path: string, extensions: readonly string[]): string {
  if (!isAbsolute(path)) throw new MarginaliaError('invalid-arguments', `Export to an absolute path (got "${path}").`);
  if (!extensions.includes(extname(path).toLowerCase())) {
    throw new MarginaliaError('invalid-arguments', `${basename(path)}: the file name must end with ${extensions.join(' or ')}.`);
  }
  if (resolve(path) === resolve(lib.path)) throw new MarginaliaError('invalid-arguments', 'An export cannot overwrite the library file.');
  return resolve(path);
}

async function toFile(
  lib: Library,
  path: string,
  extensions: readonly string[],
  write: (out: Writable) => Promise<number>,
): Promise<ExportResult> {
  const target = checkOutputPath(lib, path, extensions);
  const rows = await writeFileAtomically(target, write);
  return { path: target, rows };
}

export const passagesCsvToFile = (lib: Library, path: string, options: PassagesCsvOptions): Promise<ExportResult> =>
  toFile(lib, path, ['.csv'], (out) => exportPassagesCsv(lib.db, out, options));

export const claimsCsvToFile = (lib: Library, path: string, options: ClaimsCsvOptions): Promise<ExportResult> =>
  toFile(lib, path, ['.csv'], (out) => exportClaimsCsv(lib.db, out, options));

export const claimsJsonLdToFile = (lib: Library, path: string): Promise<ExportResult> =>
  toFile(lib, path, ['.jsonld', '.json'], (out) => exportClaimsJsonLd(lib.db, out));

export const linksCsvToFile = (lib: Library, path: string, options: CsvOptions): Promise<ExportResult> =>
  toFile(lib, path, ['.csv'], (out) => exportLinksCsv(lib.db, out, options));

export const memosCsvToFile = (lib: Library, path: string, options: CsvOptions): Promise<ExportResult> =>
  toFile(lib, path, ['.csv'], (out) => exportMemosCsv(lib.db, out, options));

export const annotationsToFile = (lib: Library, path: string): Promise<ExportResult> =>
  toFile(lib, path, ['.jsonld', '.json'], (out) => exportAnnotations(lib.db, out, isoNow(lib.clock)));

export async function qdpxToFile(lib: Library, path: string): Promise<QdpxExportResult> {
  const target = checkOutputPath(lib, path, ['.qdpx']);
  const summary = await writeFileAtomically(target, (out) => exportQdpx(lib.db, out, lib.name, isoNow(lib.clock)));
  return { path: target, ...summary };
}

/** Imports a .qdpx; a refused project becomes one readable error that says nothing changed. */
export async function qdpxFromFile(lib: Library, path: string): Promise<QdpxImportReport> {
  try {
    return await importQdpx(lib.db, lib.clock, resolve(path));
  } catch (error) {
    if (error instanceof ImportError) {
      throw new MarginaliaError('unsupported', `${basename(path)}: ${error.message}. Nothing was imported.`);
    }
    throw error;
  }
}

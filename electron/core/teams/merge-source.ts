import type Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import type { Clock } from '../clock';
import { MarginaliaError } from '../errors';
import { importErrorMessage } from '../import/errors';
import { importQdpx } from '../interchange/qdpx-import';
import { registerFunctions } from '../library/functions';
import { identify, refuseForeign } from '../library/identity';
import { SCHEMA_VERSION } from '../library/migrations';
import { openLibrary } from '../library/open';
import { memoryCopy, truncation } from '../library/read-only';

/** The other library of a merge, read-only: a copy in memory or in a temporary folder, never the file itself. */
export interface MergeSource {
  /** The file the analyst named, as shown in the report. */
  file: string;
  db: Database.Database;
  close(): void;
}

const refused = (file: string, why: string): MarginaliaError =>
  new MarginaliaError('library-damaged', `${basename(file)} cannot be merged: ${why}. Nothing was merged and neither library was changed.`);

/** A library file at its current format in a temporary folder, migrated there (an older library's file is never upgraded in place). */
function upgradedCopy(file: string, db: Database.Database): MergeSource {
  const folder = mkdtempSync(join(tmpdir(), 'marginalia-merge-'));
  const copy = join(folder, 'other.marginalia');
  try {
    writeFileSync(copy, db.serialize());
  } finally {
    db.close();
  }
  const lib = openLibrary(copy, { noUpgradeBackup: true });
  return { file, db: lib.db, close: () => (lib.close(), rmSync(folder, { recursive: true, force: true })) };
}

function openOtherLibrary(file: string): MergeSource {
  const cut = truncation(file);
  if (cut) throw refused(file, `the file is cut short (it holds ${cut.held} of its ${cut.expected} pages)`);
  const db = memoryCopy(file, { writable: false });
  try {
    const found = identify(db, file);
    refuseForeign(found, file);
    const problems = (db.pragma('quick_check(4)') as Array<{ quick_check: string }>)
      .flatMap((r) => r.quick_check.split('\n'))
      .filter((line) => !line.startsWith('***'));
    if (problems[0] !== 'ok')
      throw refused(
        file,
        `the file is damaged (SQLite reports: ${problems.join('; ')}; "marginalia repair" recovers what it can into a new library)`,
      );
    if (found.version === 0) throw refused(file, 'it is an empty library');
    if (found.version < SCHEMA_VERSION) return upgradedCopy(file, db);
    registerFunctions(db);
  } catch (error) {
    if (db.open) db.close();
    if (error instanceof MarginaliaError) throw error;
    throw refused(file, `the file is damaged (${(error as Error).message})`);
  }
  return { file, db, close: () => db.close() };
}

/** A REFI-QDA project read by the importer into a temporary library (deleted on close). */
async function openProject(file: string, clock: Clock): Promise<MergeSource> {
  const folder = mkdtempSync(join(tmpdir(), 'marginalia-merge-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  let lib;
  try {
    lib = openLibrary(join(folder, 'project.marginalia'), { clock, noUpgradeBackup: true });
  } catch (error) {
    remove();
    throw error;
  }
  try {
    await importQdpx(lib.db, clock, file);
  } catch (error) {
    lib.close();
    remove();
    throw refused(file, importErrorMessage(error));
  }
  return { file, db: lib.db, close: () => (lib.close(), remove()) };
}

/**
 * Opens the library to merge (a .marginalia file, or a .qdpx project through the REFI-QDA
 * importer) without changing it; refuses the open library itself and damaged or foreign files.
 */
export async function openMergeSource(file: string, ours: string, clock: Clock): Promise<MergeSource> {
  if (!existsSync(file)) throw new MarginaliaError('not-found', `${file}: no such file.`);
  if (resolve(file) === resolve(ours))
    throw new MarginaliaError('invalid-arguments', `${basename(file)} is the open library: there is nothing to merge.`);
  return extname(file).toLowerCase() === '.qdpx' ? openProject(file, clock) : openOtherLibrary(file);
}

/** Runs `fn` with the other library open, closing (and removing any temporary copy of) it afterwards. */
export async function withMergeSource<T>(
  file: string,
  ours: { path: string; clock: Clock },
  fn: (source: MergeSource) => T | Promise<T>,
): Promise<T> {
  const source = await openMergeSource(file, ours.path, ours.clock);
  try {
    return await fn(source);
  } finally {
    source.close();
  }
}

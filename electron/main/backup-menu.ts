import { basename, dirname } from 'node:path';
import { toContractError } from '../core/dispatch';
import { backupLibrary, backupName, backupsFolder, type BackupResult } from '../core/library/backup';
import { planRestore, restoreLibrary, type RestoreResult } from '../core/library/restore';
import { plural } from '../shared/counts';
import type { LibraryHost } from './library';

/** The native dialogs File > Back up and Restore use (dialogs.ts in the app; a stand-in in tests). */
export interface BackupDialogs {
  /** Where to write the copy; null when the user cancels. */
  chooseBackupPath(defaultPath: string): Promise<string | null>;
  /** The backup to restore from; null when the user cancels. */
  chooseBackup(folder: string): Promise<string | null>;
  /** Asks before anything is replaced; true to go ahead. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** How far the copy is (0–1), shown on the window; null when it is over. */
  progress(fraction: number | null): void;
  tell(message: string, detail: string): Promise<void>;
  problem(message: string, detail: string): Promise<void>;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const reason = (error: unknown): string => toContractError(error).message;

/** File > Back up library…: SQLite's online backup of the open library, safe while it is in use. */
export async function backUpLibrary(library: LibraryHost, dialogs: BackupDialogs, nativeBinding?: string): Promise<BackupResult | null> {
  const { lib } = library.session;
  const out = await dialogs.chooseBackupPath(backupName(lib.path, lib.clock, null));
  if (out === null) return null;
  try {
    const result = await backupLibrary(lib.db, out, {
      nativeBinding,
      onProgress: (done, total) => dialogs.progress(total > 0 ? done / total : 1),
    });
    dialogs.progress(null);
    await dialogs.tell(
      'The library is backed up',
      `${plural(result.articles, 'article')} copied to ${result.path} (${megabytes(result.bytes)}).`,
    );
    return result;
  } catch (error) {
    dialogs.progress(null);
    await dialogs.problem('The library could not be backed up', reason(error));
    return null;
  }
}

/**
 * File > Restore from backup…: says what would be replaced and asks; the replaced library is kept
 * beside it (with its -wal and -shm files), and the restored one is opened in its place.
 */
export async function restoreFromBackup(
  library: LibraryHost,
  dialogs: BackupDialogs,
  nativeBinding?: string,
): Promise<RestoreResult | null> {
  const { lib, jobs } = library.session;
  const target = lib.path;
  if (jobs.size > 0) {
    await dialogs.problem(
      'An import or search is still running',
      'Wait for it to finish, or cancel it, then restore. Nothing was changed.',
    );
    return null;
  }
  const backup = await dialogs.chooseBackup(backupsFolder(target));
  if (backup === null) return null;
  let plan;
  try {
    plan = planRestore(backup, target, nativeBinding);
  } catch (error) {
    await dialogs.problem('This backup cannot be restored', reason(error));
    return null;
  }
  const now = plan.currentArticles === null ? 'cannot be read' : `has ${plural(plan.currentArticles, 'article')}`;
  const go = await dialogs.confirm(
    `Replace “${lib.name}” with the backup ${basename(backup)}?`,
    `The library now ${now}; the backup has ${plural(plan.backupArticles, 'article')}. ` +
      `The library it replaces is kept in ${dirname(target)}, renamed “… (replaced <date>)”.`,
    'Restore',
  );
  if (!go) return null;
  // Our own connection must close first: a restore refuses a library open elsewhere.
  library.close();
  let result: RestoreResult;
  try {
    result = restoreLibrary(plan, lib.clock, nativeBinding);
  } catch (error) {
    library.open(target);
    await dialogs.problem('The backup was not restored', reason(error));
    return null;
  }
  library.open(target);
  await dialogs.tell(
    'The library is restored',
    `Restored from ${basename(backup)} (${plural(plan.backupArticles, 'article')}).` +
      (result.replacedKeptAs ? ` The library it replaced is kept as ${result.replacedKeptAs}.` : ''),
  );
  return result;
}

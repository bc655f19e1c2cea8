import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { systemClock } from '../core/clock';
import { backupLibrary, backupName, pruneAutomatic, setBackupsToKeep } from '../core/library/backup';
import { openLibrary } from '../core/library/open';
import { planRestore, restoreLibrary } from '../core/library/restore';
import { formatCount, plural } from '../shared/counts';
import { libraryPath } from './cli-library';
import { CliError, type CommandRun, json } from './cli-output';

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: CommandRun = async (values, positionals, out) => {
  if (positionals.length > 0) throw new CliError('backup takes no paths: give the copy’s name with --out FILE.');
  const path = libraryPath(values);
  if (!existsSync(path)) throw new CliError(`there is no library at ${path}.`);
  const keep = values.keep === undefined ? null : Number(values.keep);
  if (keep !== null && (!Number.isInteger(keep) || keep < 1 || keep > 1000))
    throw new CliError('--keep takes a number of backups from 1 to 1000.');
  const lib = openLibrary(path);
  try {
    if (keep !== null) {
      setBackupsToKeep(lib.db, keep);
      const removed = pruneAutomatic(path, keep);
      out.write(
        `${lib.name} keeps its last ${plural(keep, 'automatic backup')}${removed.length ? ` (${formatCount(removed.length)} older removed)` : ''}.\n`,
      );
      if (values.out === undefined) return 0;
    }
    const target = values.out === undefined ? backupName(path, lib.clock, null) : resolve(values.out as string);
    const tty = !values.json && process.stderr.isTTY;
    const result = await backupLibrary(lib.db, target, {
      onProgress: (done, total) => {
        if (tty) process.stderr.write(`\rBacking up: ${total > 0 ? Math.round((done / total) * 100) : 100}%   `);
      },
    });
    if (tty) process.stderr.write('\n');
    if (values.json) out.write(json(result));
    else out.write(`Backed up ${plural(result.articles, 'article')} to ${result.path} (${megabytes(result.bytes)}).\n`);
    return 0;
  } finally {
    lib.close();
  }
};

export const restoreCommand: CommandRun = async (values, [backup, ...extra], out) => {
  if (!backup || extra.length > 0) throw new CliError('restore needs the backup file to restore from.');
  const target = libraryPath(values);
  const plan = planRestore(resolve(backup), target);
  const from = `the backup ${basename(plan.backup)} (${plural(plan.backupArticles, 'article')})`;
  if (existsSync(target) && !values.yes) {
    const now = plan.currentArticles === null ? 'which cannot be read' : `with ${plural(plan.currentArticles, 'article')}`;
    throw new CliError(
      `this would replace ${basename(target)}, ${now}, with ${from}. Run again with --yes to do it: ` +
        `the library it replaces is kept beside it, renamed "… (replaced <date>)".`,
    );
  }
  const result = restoreLibrary(plan, systemClock);
  if (values.json) out.write(json(result));
  else
    out.write(
      `Restored ${target} from ${from}.\n` +
        (result.replacedKeptAs ? `The library it replaced is kept as ${result.replacedKeptAs} (with its -wal and -shm files).\n` : ''),
    );
  return 0;
};

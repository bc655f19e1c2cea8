import { resolve } from 'node:path';
import { createParsePool } from '../core/import/parse-pool';
import { runImport } from '../core/import/pipeline';
import type { Library } from '../core/library/open';
import { openCliLibrary } from './cli-library';
import { formatCount, plural } from '../shared/counts';
import { CliError, type CommandRun, json } from './cli-output';

export const importCommand: CommandRun = async (values, paths, out) => {
  if (paths.length === 0) throw new CliError('import needs at least one file or folder.');
  // The workers load their code while this thread opens the library and lists the files.
  const pool = createParsePool();
  void pool.warm();
  let lib: Library;
  try {
    lib = openCliLibrary(values);
  } catch (error) {
    await pool.close();
    throw error;
  }
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  try {
    const showProgress = !values.json && process.stderr.isTTY;
    const report = await runImport(
      lib.db,
      lib.clock,
      pool,
      paths.map((p) => resolve(p)),
      {
        checkpoints: lib.checkpoints,
        signal: controller.signal,
        ...(showProgress
          ? {
              onProgress: (p) =>
                process.stderr.write(
                  `\r${formatCount(p.done)}/${plural(p.total, 'file')}, ${formatCount(p.imported)} imported, ${formatCount(p.failed)} failed   `,
                ),
            }
          : {}),
      },
    );
    if (showProgress) process.stderr.write('\n');
    if (values.json) {
      out.write(json({ imported: report.imported.length, duplicates: report.duplicates.length, failed: report.failed }));
    } else {
      out.write(
        `Imported ${formatCount(report.imported.length)}, skipped ${plural(report.duplicates.length, 'duplicate')}, ${formatCount(report.failed.length)} failed` +
          `${report.cancelled ? ' (cancelled: the rest was not imported)' : ''} in ${(report.elapsedMs / 1000).toFixed(1)} s.\n`,
      );
      for (const failure of report.failed) out.error(`  failed: ${failure.error}\n`);
    }
    return report.failed.length > 0 || report.cancelled ? 1 : 0;
  } finally {
    process.off('SIGINT', stop);
    // The checkpoint worker copies the rest of the log after the import: let it finish rather
    // than stop it, while the parse workers stop.
    await Promise.all([pool.close(), lib.checkpoints.idle()]);
    lib.close();
  }
};

import { resolve } from 'node:path';
import { interruptedImports } from '../core/import/jobs';
import { createParsePool } from '../core/import/parse-pool';
import { runImport } from '../core/import/pipeline';
import { WAITING_MESSAGE } from '../core/library/busy';
import type { Library } from '../core/library/open';
import type { ImportProgress, ImportReport } from '../shared/types';
import { metaFlags } from './cli-articles';
import { openCliLibrary } from './cli-library';
import { formatCount, plural } from '../shared/counts';
import { CliError, type CommandRun, type Output, json } from './cli-output';
import { terminalSafe } from '../shared/unsafe-text';

/** Progress on a terminal; whatever the output, a line when the import must wait for another writer. */
function progressFor(values: Record<string, unknown>): (p: ImportProgress) => void {
  const tty = !values.json && process.stderr.isTTY;
  let waiting = false;
  return (p) => {
    if (p.waiting !== waiting) {
      waiting = p.waiting;
      if (waiting) process.stderr.write(`${tty ? '\r' : ''}${WAITING_MESSAGE}${tty ? '   ' : '\n'}`);
      if (waiting) return;
    }
    if (tty)
      process.stderr.write(
        `\r${formatCount(p.done)}/${plural(p.total, 'file')}, ${formatCount(p.imported)} imported, ${formatCount(p.failed)} failed   `,
      );
  };
}

function summary(report: ImportReport): string {
  const reprints = report.reprints.length > 0 ? ` (${plural(report.reprints.length, 'reprint')} of texts already there)` : '';
  const counts =
    `Imported ${formatCount(report.imported.length)}${reprints}, skipped ${plural(report.duplicates.length, 'duplicate')}, ` +
    `${formatCount(report.failed.length)} failed`;
  if (report.stopped)
    return (
      `${counts}, then the import stopped: ${report.stopped}\n` +
      `The articles imported before it are kept. ${plural(report.notImported, 'file')} ${report.notImported === 1 ? 'was' : 'were'} not imported: ` +
      'run "marginalia import --resume" to import them.\n'
    );
  return `${counts}${report.cancelled ? ' (cancelled: the rest was not imported)' : ''} in ${(report.elapsedMs / 1000).toFixed(1)} s.\n`;
}

/** What `import --json` prints of a report: reprints are imported, so `imported` counts them too. */
const jsonOf = (report: ImportReport) => ({
  imported: report.imported.length,
  reprints: report.reprints.length,
  duplicates: report.duplicates.length,
  failed: report.failed,
  stopped: report.stopped,
  notImported: report.notImported,
});

function write(values: Record<string, unknown>, report: ImportReport, out: Output): void {
  if (values.json) {
    out.write(json(jsonOf(report)));
    return;
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  out.write(summary(report));
  for (const failure of report.failed) out.error(`  failed: ${terminalSafe(failure.error)}\n`);
}

export const importCommand: CommandRun = async (values, paths, out) => {
  if (values.resume && paths.length > 0) throw new CliError('import --resume takes no paths: it imports the rest of interrupted imports.');
  if (!values.resume && paths.length === 0) throw new CliError('import needs at least one file or folder (or --resume).');
  // Given flags win over what the parser reads from each file.
  const meta = metaFlags(values, ['outlet', 'language']);
  if (values.resume && Object.keys(meta).length > 0)
    throw new CliError('import --resume takes no --outlet or --language: set them afterwards with "marginalia articles set".');
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
  if (lib.readOnly) {
    lib.close();
    await pool.close();
    throw new CliError(
      `${lib.name} is read-only (${lib.readOnly}): nothing can be imported into it. Make the file writable, or import into a copy.`,
    );
  }
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  try {
    const options = {
      checkpoints: lib.checkpoints,
      signal: controller.signal,
      onProgress: progressFor(values),
      meta: { ...(meta.outlet ? { outlet: meta.outlet } : {}), ...(meta.language ? { language: meta.language } : {}) },
    };
    if (!values.resume) {
      const report = await runImport(
        lib.db,
        lib.clock,
        pool,
        paths.map((p) => resolve(p)),
        options,
      );
      write(values, report, out);
      return report.failed.length > 0 || report.cancelled || report.stopped ? 1 : 0;
    }
    const jobs = interruptedImports(lib.db, new Set());
    if (jobs.length === 0) {
      if (values.json) out.write(json([]));
      else out.write('Nothing to resume: no import into this library was interrupted.\n');
      return 0;
    }
    let code = 0;
    const reports: ImportReport[] = [];
    for (const job of jobs.reverse()) {
      if (!values.json) out.write(`Resuming the import of ${job.requested.join(', ')}: ${plural(job.remaining, 'file')} to go.\n`);
      const report = await runImport(lib.db, lib.clock, pool, job.requested, { ...options, resume: job.jobId });
      reports.push(report);
      if (!values.json) write(values, report, out);
      if (report.failed.length > 0 || report.cancelled || report.stopped) code = 1;
      if (report.stopped || report.cancelled) break;
    }
    if (values.json) out.write(json(reports.map(jsonOf)));
    return code;
  } finally {
    process.off('SIGINT', stop);
    // The checkpoint worker copies the rest of the log after the import: let it finish rather
    // than stop it, while the parse workers stop.
    await Promise.all([pool.close(), lib.checkpoints.idle()]);
    lib.close();
  }
};

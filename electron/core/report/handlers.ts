import type { CommandName } from '../../shared/contract';
import { isoNow } from '../clock';
import { MarginaliaError } from '../errors';
import { checkOutputPath } from '../export/commands';
import type { Handlers } from '../handlers';
import { writeReport } from './write';

type ReportCommand = Extract<CommandName, 'export.report' | 'report.cancel'>;

/** export.report runs as a job of the session: report.progress events under its id, report.cancel stops it. */
export const reportHandlers: Pick<Handlers, ReportCommand> = {
  'export.report': async ({ session, reportPause }, { path, jobId, format, ...scope }) => {
    const target = checkOutputPath(session.lib, path, [`.${format}`]);
    if (session.jobs.has(jobId)) throw new MarginaliaError('conflict', `A job named ${jobId} is already running.`);
    const controller = new AbortController();
    session.jobs.set(jobId, controller);
    try {
      return await writeReport(
        session.lib.db,
        target,
        { ...scope, format, library: session.lib.name, generated: isoNow(session.lib.clock).slice(0, 16).replace('T', ' ') + ' UTC' },
        {
          signal: controller.signal,
          ...(reportPause ? { pause: reportPause } : {}),
          onProgress: (done, total) => session.emit('report.progress', { jobId, stage: 'reading', done, total }),
          onWriting: () => session.emit('report.progress', { jobId, stage: 'writing', done: 0, total: 0 }),
        },
      );
    } finally {
      session.jobs.delete(jobId);
    }
  },
  'report.cancel': ({ session }, { jobId }) => {
    const job = session.jobs.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  },
};

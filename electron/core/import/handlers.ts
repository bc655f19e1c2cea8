import { randomUUID } from 'node:crypto';
import type { CommandName } from '../../shared/contract';
import type { Context, Handlers } from '../handlers';
import { MarginaliaError } from '../errors';
import { endJob, interruptedImports } from './jobs';
import { countArticles, runImport } from './pipeline';

type ImportCommand = Exclude<Extract<CommandName, `import.${string}`>, 'import.qdpx'>;

/** Runs an import in the background: progress and the report arrive as events. */
function startJob(ctx: Context, paths: string[], resume?: string): { jobId: string } {
  const { session } = ctx;
  session.refuseIfReadOnly();
  const jobId = resume ?? randomUUID();
  const controller = new AbortController();
  session.jobs.set(jobId, controller);
  void runImport(session.lib.db, session.lib.clock, ctx.parser, paths, {
    jobId,
    signal: controller.signal,
    onProgress: (progress) => session.emit('import.progress', progress),
    onCommit: () => session.changed(['articles']),
    checkpoints: session.lib.checkpoints,
    ...(resume ? { resume } : {}),
    ...(ctx.displayName ? { displayName: ctx.displayName } : {}),
  })
    .then((report) => session.emit('import.finished', report))
    // runImport reports its own failures; this is a bug's last word, said without a stack.
    .catch((error: unknown) =>
      session.emit('import.finished', {
        jobId,
        cancelled: false,
        stopped: (error as Error).message,
        notImported: 0,
        elapsedMs: 0,
        libraryArticles: countArticles(session.lib.db),
        imported: [],
        reprints: [],
        duplicates: [],
        failed: [],
      }),
    )
    .finally(() => session.jobs.delete(jobId));
  return { jobId };
}

function interrupted(ctx: Context, jobId: string) {
  const job = interruptedImports(ctx.session.lib.db, new Set(ctx.session.jobs.keys())).find((j) => j.jobId === jobId);
  if (!job) throw new MarginaliaError('not-found', 'That import is no longer waiting: it was finished, dismissed, or is running.');
  return job;
}

export const importHandlers: Pick<Handlers, ImportCommand> = {
  'import.start': (ctx, { paths }) => startJob(ctx, paths),
  'import.cancel': ({ session }, { jobId }) => {
    const job = session.jobs.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  },
  'import.interrupted': ({ session }) => interruptedImports(session.lib.db, new Set(session.jobs.keys())),
  'import.resume': (ctx, { jobId }) => startJob(ctx, interrupted(ctx, jobId).requested, jobId),
  'import.dismiss': async (ctx, { jobId }) => {
    interrupted(ctx, jobId);
    await ctx.session.write(() => endJob(ctx.session.lib.db, jobId));
    return { dismissed: true };
  },
};

import type { ParsedArgs } from '../../shared/contract';
import type { CodeHitsResult } from '../../shared/types';
import { MarginaliaError, notFound } from '../errors';
import type { Session } from '../session';
import { codePlan, planCoding, type CodingPause } from './code-hits';

/**
 * The search.codeHits command: finds the ranges as a job of the session (progress events,
 * cancellable by its id), then applies them as one edit on the session's history.
 */
export async function codeHits(session: Session, args: ParsedArgs<'search.codeHits'>, pause?: CodingPause): Promise<CodeHitsResult> {
  const { jobId, tagId, ...what } = args;
  if (!session.lib.db.prepare('SELECT 1 FROM tags WHERE id = ?').get(tagId)) throw notFound('Tag', tagId);
  if (session.jobs.has(jobId)) throw new MarginaliaError('conflict', `A job named ${jobId} is already running.`);
  const controller = new AbortController();
  session.jobs.set(jobId, controller);
  try {
    const plan = await planCoding(session.lib.db, what, {
      signal: controller.signal,
      onProgress: (done, total) => session.emit('search.codingProgress', { jobId, done, total }),
      ...(pause ? { pause } : {}),
    });
    if (controller.signal.aborted) throw new MarginaliaError('cancelled', 'Coding the hits was cancelled; nothing was changed.');
    if (plan.ranges.length === 0) return { created: 0, tagged: 0, articles: 0 };
    return await session.apply(() => codePlan(session.lib.db, session.lib.clock, plan, tagId));
  } finally {
    session.jobs.delete(jobId);
  }
}

import { randomUUID } from 'node:crypto';
import type { CommandName, ParsedArgs, Result } from '../shared/contract';
import { getArticle, listArticles } from './articles/queries';
import { deleteArticles, updateArticle } from './articles/edits';
import { runImport, type Parser } from './import/pipeline';
import { SCHEMA_VERSION } from './library/migrations';
import { search } from './search/query';
import type { Session } from './session';
import { stats } from './stats';

/** What a command runs against: the open library session and the host's shared services. */
export interface Context {
  session: Session;
  parser: Parser;
  /** How import paths are shown to the user (the HTTP host hides its upload folder). */
  displayName?: (path: string) => string;
}

export type Handlers = {
  [K in CommandName]: (ctx: Context, args: ParsedArgs<K>) => Result<K> | Promise<Result<K>>;
};

export const handlers: Handlers = {
  'library.info': ({ session }) => ({
    path: session.lib.path,
    name: session.lib.name,
    schemaVersion: SCHEMA_VERSION,
    stats: stats(session.lib.db),
  }),
  'stats.get': ({ session }) => stats(session.lib.db),

  'articles.list': ({ session }, args) => listArticles(session.lib.db, args),
  'articles.get': ({ session }, { id }) => getArticle(session.lib.db, id),
  'articles.update': ({ session }, { id, patch }) => session.apply(() => updateArticle(session.lib.db, session.lib.clock, id, patch)),
  'articles.delete': ({ session }, { ids }) => session.apply(() => deleteArticles(session.lib.db, ids)),

  'search.query': ({ session }, { query, limit }) => search(session.lib.db, query, limit),

  'import.start': (ctx, { paths }) => {
    const { session } = ctx;
    const jobId = randomUUID();
    const controller = new AbortController();
    session.jobs.set(jobId, controller);
    void runImport(session.lib.db, session.lib.clock, ctx.parser, paths, {
      jobId,
      signal: controller.signal,
      onProgress: (progress) => session.emit('import.progress', progress),
      onCommit: () => session.changed(['articles']),
      ...(ctx.displayName ? { displayName: ctx.displayName } : {}),
    })
      .then((report) => session.emit('import.finished', report))
      .catch((error: unknown) =>
        session.emit('import.finished', {
          jobId,
          cancelled: false,
          elapsedMs: 0,
          imported: [],
          duplicates: [],
          failed: [{ file: paths.join(', '), error: `The import stopped: ${(error as Error).message}` }],
        }),
      )
      .finally(() => session.jobs.delete(jobId));
    return { jobId };
  },
  'import.cancel': ({ session }, { jobId }) => {
    const job = session.jobs.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  },

  'edit.state': ({ session }) => session.editState(),
  'edit.undo': ({ session }) => session.undo(),
  'edit.redo': ({ session }) => session.redo(),
};

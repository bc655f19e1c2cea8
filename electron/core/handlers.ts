import type { CommandName, ParsedArgs, Result } from '../shared/contract';
import { listArticles } from './articles/list';
import { getArticle } from './articles/queries';
import { deleteArticles, updateArticle } from './articles/edits';
import { setArticlesMeta } from './articles/bulk-meta';
import { createField, deleteField, fieldValuesOf, listFields, updateField } from './articles/fields';
import { editArticleText } from './articles/edit-text';
import {
  annotationsToFile,
  claimsCsvToFile,
  claimsJsonLdToFile,
  linksCsvToFile,
  memosCsvToFile,
  passagesCsvToFile,
  qdpxFromFile,
  qdpxToFile,
} from './export/commands';
import { getMemo, setMemo } from './memos/memos';
import { importHandlers } from './import/handlers';
import type { Parser } from './import/pipeline';
import { SCHEMA_VERSION } from './library/migrations';
import { createPassage, deletePassages, reattachPassage, tagPassages, untagPassage, updatePassageNote } from './passages/edits';
import { listPassages } from './passages/list';
import { listOutlets } from './passages/outlets';
import { getPassage, passagesForArticle } from './passages/queries';
import { articleHits, search, searchPage } from './search/query';
import type { CodingPause } from './search/code-hits';
import { codeHits } from './search/coding';
import { claimHandlers } from './claims/handlers';
import { coderHandlers } from './teams/handlers';
import { overviewHandlers } from './overview/handlers';
import { reportHandlers } from './report/handlers';
import { mergeHandlers } from './teams/merge-handlers';
import { agreementHandlers } from './teams/agreement-handlers';
import { MarginaliaError } from './errors';
import type { PathResolver } from './path-policy';
import type { Session } from './session';
import { stats } from './stats';
import { createTag } from './tags/create';
import { exportCodebook, importCodebook } from './tags/csv';
import { deleteTag, moveTag, updateTag } from './tags/edits';
import { mergeTags } from './tags/merge';
import { pinTag } from './tags/pins';
import { listTags, tagUsage } from './tags/queries';

/** What a command runs against: the open library session and the host's shared services. */
export interface Context {
  session: Session;
  parser: Parser;
  /** How import paths are shown to the user (the HTTP host hides its upload folder). */
  displayName?: (path: string) => string;
  /** Where the caller is untrusted (a page): maps each path it sends to one it may use, or refuses. */
  resolvePath?: PathResolver;
  /** A native save dialog, where the host has one (the desktop app). */
  chooseSavePath?: (options: ParsedArgs<'dialog.savePath'>) => Promise<string | null>;
  /** What a coding job awaits between slices of articles (a test host holds it there). */
  codingPause?: CodingPause;
  /** What a report job awaits after each page of passages (the same kind of hold). */
  reportPause?: CodingPause;
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
    readOnly: session.lib.readOnly,
  }),
  'stats.get': ({ session }) => stats(session.lib.db),

  'articles.list': ({ session }, args) => listArticles(session.lib.db, args),
  'articles.get': ({ session }, { id }) => getArticle(session.lib.db, id),
  'articles.update': ({ session }, { id, patch, fields }) =>
    session.apply(() => updateArticle(session.lib.db, session.lib.clock, id, patch, fields)),
  'articles.delete': ({ session }, { ids }) => session.apply(() => deleteArticles(session.lib.db, ids)),
  'articles.setMeta': ({ session }, { target, patch, fields }) =>
    session.apply(() => setArticlesMeta(session.lib.db, session.lib.clock, target, patch, fields)),
  'fields.list': ({ session }) => listFields(session.lib.db),
  'fields.create': ({ session }, args) => session.apply(() => createField(session.lib.db, session.lib.clock, args)),
  'fields.update': ({ session }, { id, ...patch }) => session.apply(() => updateField(session.lib.db, id, patch)),
  'fields.delete': ({ session }, { id }) => session.apply(() => deleteField(session.lib.db, id)),
  'fields.forArticle': ({ session }, { articleId }) => fieldValuesOf(session.lib.db, articleId),

  'search.query': ({ session }, { query, limit }) => search(session.lib.db, query, limit),
  'search.page': ({ session }, { query, kind, offset, limit }) => searchPage(session.lib.db, query, kind, offset, limit),
  'search.articleHits': ({ session }, { query, articleId }) => articleHits(session.lib.db, query, articleId),
  'search.codeHits': ({ session, codingPause }, args) => codeHits(session, args, codingPause),
  'search.cancelCoding': ({ session }, { jobId }) => {
    const job = session.jobs.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  },

  ...importHandlers,

  'articles.outlets': ({ session }) => listOutlets(session.lib.db),
  'articles.editText': ({ session }, { id, text }) => session.apply(() => editArticleText(session.lib.db, session.lib.clock, id, text)),

  'memos.get': ({ session }, { articleId }) => getMemo(session.lib.db, articleId),
  'memos.set': ({ session }, { articleId, text }) => session.apply(() => setMemo(session.lib.db, session.lib.clock, articleId, text)),

  'tags.list': ({ session }) => listTags(session.lib.db),
  'tags.create': ({ session }, args) => session.apply(() => createTag(session.lib.db, session.lib.clock, args)),
  'tags.update': ({ session }, { id, ...patch }) => session.apply(() => updateTag(session.lib.db, session.lib.clock, id, patch)),
  'tags.move': ({ session }, { id, parentId, position }) =>
    session.apply(() => moveTag(session.lib.db, session.lib.clock, id, parentId, position)),
  'tags.merge': ({ session }, { sourceId, targetId }) =>
    session.apply(() => mergeTags(session.lib.db, session.lib.clock, sourceId, targetId)),
  'tags.delete': ({ session }, { id }) => session.apply(() => deleteTag(session.lib.db, id)),
  'tags.pin': ({ session }, { id, slot }) => session.apply(() => pinTag(session.lib.db, id, slot)),
  'tags.usage': ({ session }, { id }) => tagUsage(session.lib.db, id),
  'tags.exportCsv': ({ session }) => ({ csv: exportCodebook(session.lib.db) }),
  'tags.importCsv': ({ session }, { csv }) => session.apply(() => importCodebook(session.lib.db, session.lib.clock, csv)),

  'passages.create': ({ session }, args) => session.apply(() => createPassage(session.lib.db, session.lib.clock, args)),
  'passages.forArticle': ({ session }, { articleId }) => passagesForArticle(session.lib.db, articleId),
  'passages.get': ({ session }, { id }) => getPassage(session.lib.db, id),
  'passages.update': ({ session }, { id, note }) => session.apply(() => updatePassageNote(session.lib.db, session.lib.clock, id, note)),
  'passages.tag': ({ session }, { passageIds, tagId }) =>
    session.apply(() => tagPassages(session.lib.db, session.lib.clock, passageIds, tagId)),
  'passages.untag': ({ session }, { passageId, tagId }) =>
    session.apply(() => untagPassage(session.lib.db, session.lib.clock, passageId, tagId)),
  'passages.delete': ({ session }, { ids }) => session.apply(() => deletePassages(session.lib.db, ids)),
  'passages.reattach': ({ session }, { id, start, end }) =>
    session.apply(() => reattachPassage(session.lib.db, session.lib.clock, id, start, end)),
  'passages.list': ({ session }, args) => listPassages(session.lib.db, args),

  'export.passagesCsv': ({ session }, { path, ...options }) => passagesCsvToFile(session.lib, path, options),
  'export.claimsCsv': ({ session }, { path, ...options }) => claimsCsvToFile(session.lib, path, options),
  'export.claimsJsonLd': ({ session }, { path }) => claimsJsonLdToFile(session.lib, path),
  'export.linksCsv': ({ session }, { path, ...options }) => linksCsvToFile(session.lib, path, options),
  'export.memosCsv': ({ session }, { path, ...options }) => memosCsvToFile(session.lib, path, options),
  'export.annotations': ({ session }, { path }) => annotationsToFile(session.lib, path),
  'export.qdpx': ({ session }, { path }) => qdpxToFile(session.lib, path),
  'import.qdpx': async ({ session }, { path }) => {
    session.refuseIfReadOnly();
    const report = await qdpxFromFile(session.lib, path);
    session.changed(['articles', 'tags', 'passages', 'claims', 'memos'], false);
    return report;
  },

  'dialog.savePath': async (ctx, options) => {
    if (!ctx.chooseSavePath) {
      throw new MarginaliaError('unsupported', 'This window cannot show a save dialog; in a browser, exports are downloaded instead.');
    }
    return { path: await ctx.chooseSavePath(options) };
  },

  ...claimHandlers,
  ...overviewHandlers,
  ...reportHandlers,
  ...mergeHandlers,
  ...coderHandlers,
  ...agreementHandlers,

  'edit.state': ({ session }) => session.editState(),
  'edit.undo': ({ session }) => session.undo(),
  'edit.redo': ({ session }) => session.redo(),
};

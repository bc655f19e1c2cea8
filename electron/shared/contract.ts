/**
 * The contract: every command the UI may call, with a runtime schema for its arguments (the
 * renderer is untrusted) and its result type, plus the events pushed to views. Electron IPC,
 * the preload bridge, the HTTP host and the renderer's client are all typed from this one table.
 */
import { z } from 'zod';
import type {
  Article,
  ArticlePage,
  ArticleSummary,
  EditState,
  ImportProgress,
  ImportReport,
  InterruptedImport,
  LibraryInfo,
  Memo,
  SearchResults,
  SearchPage,
  TextHits,
  CodeHitsResult,
  CodingProgress,
  Stats,
  ChangeKind,
  Passage,
  PassageDetail,
  PassagePage,
  Tag,
  TagUsage,
  TextEditResult,
  ExportResult,
  QdpxExportResult,
  QdpxImportReport,
} from './types';
import type { ActionId } from './actions';
import type {
  Claim,
  ClaimCandidate,
  ClaimContext,
  ClaimFacets,
  ClaimGraph,
  ClaimLink,
  ClaimPage,
  ClaimPrefill,
  RelatedSuggestion,
} from './claims';
import { articleFilter, articleMetaArgs, articlePatch, type BulkMetaResult } from './contract-articles';
import { type ArticleField, fieldArgs, type FieldValue, fieldValues } from './contract-fields';
import { claimArgs } from './contract-claims';
import { type Coder, type CurrentCoder, coderArgs } from './coders';
import { overviewArgs } from './contract-overview';
import { mergeArgs } from './contract-merge';
import type { MergeReport } from './merge';
import { agreementArgs } from './contract-agreement';
import type { AgreementArticle, AgreementChoices, AgreementReport } from './agreement';
import type { ArticlesOverTime, ClaimTimeline, Coverage, OverviewDrill, TagCooccurrence, TagsByMonth, TagsByOutlet } from './overview';
import { passageFilter } from './contract-filters';
import { reportArgs } from './contract-report';
import type { ReportProgress, ReportResult } from './report';
import { COMMAND_NAMES as COMMAND_NAME_LIST, EVENT_NAMES as EVENT_NAME_LIST } from './names';
import { PIN_SLOTS } from './types';

export { splitName } from './names';
export { PARTIAL_DATE } from './contract-articles';

interface CommandDef<A extends z.ZodType, R> {
  args: A;
  /** Phantom: carries the result type only. */
  result?: R;
}

const command =
  <R>() =>
  <A extends z.ZodType>(args: A): CommandDef<A, R> => ({ args });

const id = z.number().int().positive();
const none = z.strictObject({});
const text = (max: number) => z.string().max(max);
/** A UTF-16 offset into an article's text. */
const offset = z.number().int().min(0);
const tagName = z
  .string()
  .trim()
  .min(1, 'the name cannot be empty')
  .max(200)
  .refine((name) => !name.includes('/'), 'a tag name cannot contain "/" (it separates levels of the codebook)');
const tagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour such as #4e79a7');

/** Longest memo kept (10 million characters): a memo is notes, not a second library. */
export const MAX_MEMO_LENGTH = 10_000_000;
/** A file the user picked in a native save or open dialog (or gave the CLI). */
const filePath = z.string().min(1).max(4096);
const csvLayout = z.enum(['wide', 'long']);
const searchKind = z.enum(['articles', 'passages', 'notes', 'claims', 'memos']);

export const commands = {
  'library.info': command<LibraryInfo>()(none),
  'stats.get': command<Stats>()(none),

  'articles.list': command<ArticlePage>()(
    z.strictObject({
      query: text(1000).optional(),
      filter: articleFilter.optional(),
      sort: z
        .strictObject({ column: z.enum(['imported', 'published', 'outlet', 'title', 'passages']), direction: z.enum(['asc', 'desc']) })
        .optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
  ),
  'articles.get': command<Article>()(z.strictObject({ id })),
  'articles.update': command<ArticleSummary>()(z.strictObject({ id, patch: articlePatch, fields: fieldValues.optional() })),
  'articles.delete': command<{ deleted: number }>()(z.strictObject({ ids: z.array(id).min(1).max(100_000) })),
  /** Outlet, date, language or place set on many articles (ids, or all the list's query matches) as one undoable edit. */
  'articles.setMeta': command<BulkMetaResult>()(articleMetaArgs.setMeta),
  /** The library's custom article fields (attributes of the analyst's own). */
  'fields.list': command<ArticleField[]>()(none),
  'fields.create': command<ArticleField>()(fieldArgs.create),
  'fields.update': command<ArticleField>()(fieldArgs.update),
  'fields.delete': command<{ deleted: number }>()(fieldArgs.remove),
  /** One article's values, by field id. */
  'fields.forArticle': command<Record<string, FieldValue>>()(fieldArgs.forArticle),

  'search.query': command<SearchResults>()(z.strictObject({ query: text(1000), limit: z.number().int().min(1).max(500).optional() })),
  'search.page': command<SearchPage>()(
    z.strictObject({
      query: text(1000),
      kind: searchKind,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
    }),
  ),
  /** Where the query matches in one article's text (the reader highlights them, F3 goes from one to the next). */
  'search.articleHits': command<TextHits>()(z.strictObject({ query: text(1000), articleId: id })),
  /**
   * Tags the sentences or paragraphs around every hit of the query in the given articles (all
   * it matches when absent) with one tag, as one undoable edit. Progress arrives as
   * search.codingProgress events under the caller's jobId; search.cancelCoding stops it.
   */
  'search.codeHits': command<CodeHitsResult>()(
    z.strictObject({
      query: text(1000).refine((q) => q.trim() !== '', 'type words to search for'),
      articleIds: z.array(id).min(1).max(1_000_000).optional(),
      /** Left out of "all it matches" (the user unticked them). */
      exceptArticleIds: z.array(id).max(1_000_000).optional(),
      unit: z.enum(['sentence', 'paragraph']),
      tagId: id,
      jobId: z.string().min(1).max(100),
    }),
  ),
  'search.cancelCoding': command<{ cancelled: boolean }>()(z.strictObject({ jobId: z.string().max(100) })),

  'import.start': command<{ jobId: string }>()(z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1_000_000) })),
  'import.cancel': command<{ cancelled: boolean }>()(z.strictObject({ jobId: z.string().max(100) })),
  /** Imports whose process ended before they did (killed, crashed, out of disk), newest first. */
  'import.interrupted': command<InterruptedImport[]>()(none),
  /** Imports the files an interrupted import did not reach; progress and report as for import.start. */
  'import.resume': command<{ jobId: string }>()(z.strictObject({ jobId: z.string().max(100) })),
  /** Forgets an interrupted import (its files stay as they are). */
  'import.dismiss': command<{ dismissed: boolean }>()(z.strictObject({ jobId: z.string().max(100) })),

  'articles.outlets': command<string[]>()(none),
  'articles.editText': command<TextEditResult>()(
    z.strictObject({
      id,
      text: z
        .string()
        .max(50_000_000)
        .refine((t) => t.trim() !== '', 'the text cannot be empty'),
    }),
  ),

  /** An article's memo (articleId), or the library's (articleId null). */
  'memos.get': command<Memo>()(z.strictObject({ articleId: id.nullable() })),
  'memos.set': command<Memo>()(z.strictObject({ articleId: id.nullable(), text: z.string().max(MAX_MEMO_LENGTH) })),

  'tags.list': command<Tag[]>()(none),
  'tags.create': command<Tag>()(
    z.strictObject({
      path: z.string().trim().min(1, 'give the tag a name').max(2000),
      color: tagColor.optional(),
      description: text(10_000).optional(),
      parentId: id.nullable().optional(),
    }),
  ),
  'tags.update': command<Tag>()(
    z.strictObject({ id, name: tagName.optional(), color: tagColor.optional(), description: text(10_000).optional() }),
  ),
  'tags.move': command<Tag>()(z.strictObject({ id, parentId: id.nullable(), position: z.number().int().min(0).optional() })),
  'tags.merge': command<Tag>()(z.strictObject({ sourceId: id, targetId: id })),
  'tags.delete': command<{ passagesTouched: number }>()(z.strictObject({ id })),
  /** Pins a tag to a number key (slot 1–9; omitted: the first free one), or unpins it (slot null). */
  'tags.pin': command<{ pin: number | null }>()(z.strictObject({ id, slot: z.number().int().min(1).max(PIN_SLOTS).nullable().optional() })),
  'tags.usage': command<TagUsage>()(z.strictObject({ id })),
  'tags.exportCsv': command<{ csv: string }>()(none),
  'tags.importCsv': command<{ created: number; updated: number }>()(z.strictObject({ csv: z.string().max(20_000_000) })),

  'passages.create': command<Passage>()(
    z.strictObject({
      articleId: id,
      start: offset,
      end: offset,
      tagIds: z.array(id).max(1000).optional(),
      note: text(100_000).optional(),
    }),
  ),
  'passages.forArticle': command<Passage[]>()(z.strictObject({ articleId: id })),
  'passages.get': command<PassageDetail>()(z.strictObject({ id })),
  'passages.update': command<Passage>()(z.strictObject({ id, note: text(100_000) })),
  'passages.tag': command<{ tagged: number }>()(z.strictObject({ passageIds: z.array(id).min(1).max(100_000), tagId: id })),
  'passages.untag': command<Passage>()(z.strictObject({ passageId: id, tagId: id })),
  'passages.delete': command<{ deleted: number }>()(z.strictObject({ ids: z.array(id).min(1).max(100_000) })),
  'passages.reattach': command<Passage>()(z.strictObject({ id, start: offset, end: offset })),
  'passages.list': command<PassagePage>()(
    z.strictObject({
      filter: passageFilter.optional(),
      sort: z
        .strictObject({
          column: z.enum(['quote', 'article', 'outlet', 'published', 'tags', 'note', 'created']),
          direction: z.enum(['asc', 'desc']),
        })
        .optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    }),
  ),

  'export.passagesCsv': command<ExportResult>()(
    z.strictObject({ path: filePath, layout: csvLayout.optional(), bom: z.boolean().optional(), filter: passageFilter.optional() }),
  ),
  'export.claimsCsv': command<ExportResult>()(
    z.strictObject({ path: filePath, bom: z.boolean().optional(), layout: z.enum(['wide', 'long']).optional() }),
  ),
  'export.claimsJsonLd': command<ExportResult>()(z.strictObject({ path: filePath })),
  'export.linksCsv': command<ExportResult>()(z.strictObject({ path: filePath, bom: z.boolean().optional() })),
  'export.memosCsv': command<ExportResult>()(z.strictObject({ path: filePath, bom: z.boolean().optional() })),
  'export.annotations': command<ExportResult>()(z.strictObject({ path: filePath })),
  'export.qdpx': command<QdpxExportResult>()(z.strictObject({ path: filePath })),
  /** A report of coded text (HTML or DOCX); report.cancel stops it, leaving no file. */
  'export.report': command<ReportResult>()(reportArgs.write),
  'report.cancel': command<{ cancelled: boolean }>()(reportArgs.cancel),
  'import.qdpx': command<QdpxImportReport>()(z.strictObject({ path: filePath })),
  /** What merging another library would do (the same merge, rolled back): matched, added, mapped. */
  'merge.preview': command<MergeReport>()(mergeArgs.merge),
  /** Merges another library into this one: one transaction, one undo step; returns the report. */
  'merge.run': command<MergeReport>()(mergeArgs.merge),

  /** Asks where to save a file (the desktop app's save dialog); null when the user cancels. */
  'dialog.savePath': command<{ path: string | null }>()(
    z.strictObject({
      title: text(200),
      defaultName: z.string().min(1).max(255),
      filters: z
        .array(
          z.strictObject({
            name: text(100),
            extensions: z
              .array(z.string().regex(/^[a-z0-9]{1,10}$/))
              .min(1)
              .max(10),
          }),
        )
        .max(10),
    }),
  ),

  'claims.list': command<ClaimPage>()(claimArgs.list),
  'claims.get': command<Claim>()(claimArgs.get),
  'claims.facets': command<ClaimFacets>()(claimArgs.facets),
  /** Each appearance's sentence around its quote, and the figure it states. */
  'claims.contexts': command<ClaimContext[]>()(claimArgs.get),
  'claims.graph': command<ClaimGraph>()(claimArgs.graph),
  /** The candidates the reader marks: dismissed ones and those already made claims of left out. */
  'claims.candidates': command<ClaimCandidate[]>()(claimArgs.candidates),
  'claims.prefill': command<ClaimPrefill>()(claimArgs.prefill),
  'claims.dismissCandidate': command<{ dismissed: true }>()(claimArgs.dismissCandidate),
  'claims.create': command<Claim>()(claimArgs.create),
  'claims.update': command<Claim>()(claimArgs.update),
  'claims.delete': command<{ deleted: number }>()(claimArgs.delete),
  'claims.addAppearance': command<Claim>()(claimArgs.addAppearance),
  'claims.updateAppearance': command<Claim>()(claimArgs.updateAppearance),
  'claims.removeAppearance': command<Claim>()(claimArgs.removeAppearance),
  'claims.merge': command<Claim>()(claimArgs.merge),
  'claims.split': command<Claim>()(claimArgs.split),
  'claims.link': command<ClaimLink>()(claimArgs.link),
  'claims.linkNote': command<ClaimLink>()(claimArgs.linkNote),
  'claims.unlink': command<{ deleted: number }>()(claimArgs.unlink),
  'claims.related': command<RelatedSuggestion[]>()(claimArgs.related),
  /** Accepting returns the claim the analyst acted from, with its new appearance or link. */
  'claims.accept': command<Claim>()(claimArgs.accept),
  'claims.reject': command<{ rejected: true }>()(claimArgs.reject),

  'overview.articlesOverTime': command<ArticlesOverTime>()(overviewArgs.articlesOverTime),
  'overview.tagsByOutlet': command<TagsByOutlet>()(overviewArgs.chart),
  'overview.tagsByMonth': command<TagsByMonth>()(overviewArgs.chart),
  'overview.tagCooccurrence': command<TagCooccurrence>()(overviewArgs.chart),
  'overview.claimTimeline': command<ClaimTimeline>()(overviewArgs.chart),
  'overview.coverage': command<Coverage>()(overviewArgs.chart),
  /** A chart's data as CSV, as `marginalia overview --format csv` writes it. */
  'overview.csv': command<{ csv: string; rows: number }>()(overviewArgs.csv),
  /** The articles behind a clicked mark of a chart. */
  'overview.drill': command<OverviewDrill>()(overviewArgs.drill),

  'coders.list': command<Coder[]>()(coderArgs.none),
  /** Who this session's edits are recorded as; `needsProfile` asks the UI for a first-run profile. */
  'coders.current': command<CurrentCoder | null>()(coderArgs.none),
  /** Records the following edits as this coder's (registered by their first edit) and saves the profile. */
  'coders.switch': command<CurrentCoder>()(coderArgs.switch),
  'coders.update': command<Coder>()(coderArgs.update),
  'library.blindCoding': command<{ on: boolean }>()(coderArgs.none),
  'library.setBlindCoding': command<{ on: boolean }>()(coderArgs.setBlindCoding),
  /** Intercoder agreement (Teams): who can be compared, the statistics table, one article side by side. */
  'agreement.choices': command<AgreementChoices>()(agreementArgs.choices),
  'agreement.compute': command<AgreementReport>()(agreementArgs.compute),
  'agreement.csv': command<{ csv: string }>()(agreementArgs.compute),
  'agreement.article': command<AgreementArticle>()(agreementArgs.article),

  'edit.state': command<EditState>()(none),
  'edit.undo': command<EditState>()(none),
  'edit.redo': command<EditState>()(none),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type Args<K extends CommandName> = z.input<Commands[K]['args']>;
export type ParsedArgs<K extends CommandName> = z.output<Commands[K]['args']>;
export type Result<K extends CommandName> = Commands[K] extends CommandDef<z.ZodType, infer R> ? R : never;

export const COMMAND_NAMES: readonly CommandName[] = COMMAND_NAME_LIST;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/** Push events: name → payload. */
export interface Events {
  'library.changed': { kinds: ChangeKind[] };
  'import.progress': ImportProgress;
  'import.finished': ImportReport;
  'search.codingProgress': CodingProgress;
  'report.progress': ReportProgress;
  /** A write waits for another program holding the library's write lock (message), or goes ahead again (null). */
  'library.waiting': { waiting: boolean; message: string | null };
  /** Native menu items the view must carry out (Electron only; the browser uses the same keys). */
  'menu.action': { action: MenuAction };
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = EVENT_NAME_LIST;

/** names.ts repeats these lists without zod (for the preload); this fails to compile when they drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type NamesInSync = [
  Assert<Same<(typeof COMMAND_NAME_LIST)[number], CommandName>>,
  Assert<Same<(typeof EVENT_NAME_LIST)[number], EventName>>,
];

/** Menu items the view carries out: the action registry's ids (actions.ts). */
export type MenuAction = ActionId;

/** Errors cross transports as data, never as thrown exceptions (Electron would mangle their text). */
export interface ContractError {
  code: string;
  message: string;
  /** Per-field problems for invalid arguments. */
  issues?: Array<{ path: string; message: string }>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** Domain → verb → method: named methods that resolve with envelopes. */
type DomainOf<K> = K extends `${infer D}.${string}` ? D : never;
type Methods = {
  [D in DomainOf<CommandName>]: {
    [K in CommandName as K extends `${D}.${infer V}` ? V : never]: (args: Args<K>) => Promise<Envelope<Result<K>>>;
  };
};

/**
 * What the Electron preload exposes as window.marginalia. `DroppedFile` is the page's DOM `File`:
 * this module is compiled without DOM types, so the preload and the renderer supply it.
 */
export type Bridge<DroppedFile> = Methods & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /**
   * Grants for files the user dropped or picked: opaque ids that stand for their paths (the page
   * never sees a path); import.start takes them. Files a script made, not from the disk, get none.
   */
  grantFiles(files: DroppedFile[]): Promise<string[]>;
};

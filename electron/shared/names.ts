/**
 * The contract's names as plain data, for code that must not load zod (the sandboxed preload).
 * contract.ts re-exports these lists and fails to compile when they disagree with its table.
 */
import type { CommandName, EventName } from './contract';

export const COMMAND_NAMES = [
  'library.info',
  'stats.get',
  'articles.list',
  'articles.get',
  'articles.update',
  'articles.delete',
  'search.query',
  'search.page',
  'search.articleHits',
  'search.codeHits',
  'search.cancelCoding',
  'import.start',
  'import.cancel',
  'import.interrupted',
  'import.resume',
  'import.dismiss',
  'articles.outlets',
  'articles.editText',
  'memos.get',
  'memos.set',
  'tags.list',
  'tags.create',
  'tags.update',
  'tags.move',
  'tags.merge',
  'tags.delete',
  'tags.usage',
  'tags.exportCsv',
  'tags.importCsv',
  'passages.create',
  'passages.forArticle',
  'passages.get',
  'passages.update',
  'passages.tag',
  'passages.untag',
  'passages.delete',
  'passages.reattach',
  'passages.list',
  'export.passagesCsv',
  'export.claimsCsv',
  'export.claimsJsonLd',
  'export.memosCsv',
  'export.linksCsv',
  'export.annotations',
  'export.qdpx',
  'import.qdpx',
  'dialog.savePath',
  'claims.list',
  'claims.get',
  'claims.candidates',
  'claims.create',
  'claims.update',
  'claims.delete',
  'claims.addAppearance',
  'claims.updateAppearance',
  'claims.removeAppearance',
  'claims.merge',
  'claims.split',
  'claims.link',
  'claims.unlink',
  'claims.related',
  'claims.accept',
  'claims.reject',
  'edit.state',
  'edit.undo',
  'edit.redo',
] as const satisfies readonly CommandName[];

export const EVENT_NAMES = [
  'library.changed',
  'library.waiting',
  'import.progress',
  'import.finished',
  'search.codingProgress',
  'menu.action',
] as const satisfies readonly EventName[];

/** Splits "articles.list" into its bridge coordinates. */
export function splitName(name: CommandName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

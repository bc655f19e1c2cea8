import { setArticlesMeta } from '../core/articles/bulk-meta';
import { recordChange } from '../core/library/change-log';
import { writeTransaction } from '../core/library/write';
import { bulkMetaPatch, type BulkMetaPatch, type BulkTarget } from '../shared/contract-articles';
import { listOfWords, plural } from '../shared/counts';
import { withLibrary } from './cli-library';
import { CliError, type CommandRun, json } from './cli-output';

const FLAGS = { outlet: 'outlet', date: 'published', language: 'language', place: 'place' } as const;

/** The metadata flags given, checked as the app checks them ("" clears a field). */
export function metaFlags(values: Record<string, unknown>, allowed: readonly (keyof typeof FLAGS)[]): BulkMetaPatch {
  const patch: Record<string, string | null> = {};
  for (const flag of allowed) {
    const value = values[flag];
    if (typeof value === 'string') patch[FLAGS[flag]] = value.trim() === '' ? null : value.trim();
  }
  const parsed = bulkMetaPatch.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = Object.entries(FLAGS).find(([, key]) => key === issue.path[0])?.[0] ?? String(issue.path[0]);
    throw new CliError(`--${flag}: ${issue.message}.`);
  }
  return parsed.data;
}

function target(values: Record<string, unknown>, words: string[]): BulkTarget {
  const matching = values.matching as string | undefined;
  if (matching !== undefined && words.length > 0) throw new CliError('give article ids or --matching QUERY, not both.');
  if (matching !== undefined) return { matching: matching.trim() === '' ? {} : { query: matching } };
  if (words.length === 0) throw new CliError('articles set needs article ids (or --matching QUERY; --matching "" for every article).');
  const ids = words.map((word) => {
    const id = Number(word);
    if (!Number.isInteger(id) || id <= 0) throw new CliError(`"${word}" is not an article id (a positive whole number).`);
    return id;
  });
  return { ids };
}

/** `articles set`: outlet, date, language or place on many articles in one transaction. */
export const articlesCommand: CommandRun = async (values, [action, ...words], out) => {
  if (action !== 'set') throw new CliError('articles what? set.');
  const patch = metaFlags(values, ['outlet', 'date', 'language', 'place']);
  if (Object.keys(patch).length === 0) throw new CliError('nothing to set: give --outlet, --date, --language or --place.');
  const chosen = target(values, words);
  const result = withLibrary(values, (lib) =>
    writeTransaction(lib.db, () => {
      const edit = setArticlesMeta(lib.db, lib.clock, chosen, patch);
      recordChange(lib.db, edit.changes);
      return edit.value;
    }),
  );
  if (values.json) out.write(json(result));
  else out.write(`Set the ${listOfWords(result.fields)} of ${plural(result.updated, 'article')}.\n`);
  return 0;
};

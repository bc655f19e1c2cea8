import { listArticles } from '../core/articles/list';
import { getArticle } from '../core/articles/queries';
import { existsSync } from 'node:fs';
import { checkLibraryFile } from '../core/library/check-file';
import { search } from '../core/search/query';
import { stats } from '../core/stats';
import { formatCount, plural } from '../shared/counts';
import { MATCH_END, MATCH_START, type SearchResults } from '../shared/types';
import { libraryPath, withLibrary } from './cli-library';
import { CliError, type CommandRun, json } from './cli-output';

const plainSnippet = (s: string): string => s.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']').replace(/\s+/g, ' ');

export const listCommand: CommandRun = async (values, _positionals, out) => {
  const items = withLibrary(values, (lib) => listArticles(lib.db, { limit: 100_000_000 }).items);
  if (values.json) {
    out.write(
      json(
        items.map((a) => ({
          id: a.id,
          title: a.title,
          outlet: a.outlet,
          byline: a.byline,
          published: a.published,
          place: a.place,
          language: a.language,
          url: a.url,
          sourceFile: a.sourceName,
          format: a.format,
        })),
      ),
    );
  } else {
    for (const a of items) out.write(`${a.id}\t${a.published ?? ''}\t${a.outlet ?? ''}\t${a.title}\n`);
  }
  return 0;
};

export const showCommand: CommandRun = async (values, [raw], out) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new CliError('show needs an article id (a positive whole number).');
  const article = withLibrary(values, (lib) => getArticle(lib.db, id));
  if (values.json) out.write(json(article));
  else {
    const meta = [article.outlet, article.place, article.published, article.byline].filter(Boolean).join(' · ');
    out.write(`${article.title}\n${meta}\n\n${article.text}\n`);
  }
  return 0;
};

/** "27 articles (20 shown), 1 passage, 0 notes, 0 claims": the true counts, and where the list stops short. */
function searchSummary(results: SearchResults): string {
  const kinds = [
    ['articles', 'article'],
    ['passages', 'passage'],
    ['notes', 'note'],
    ['claims', 'claim'],
    ['memos', 'memo'],
  ] as const;
  return kinds
    .map(([kind, noun]) => {
      const total = results.counts[kind];
      const shown = results[kind].length;
      return plural(total, noun) + (shown < total ? ` (${formatCount(shown)} shown)` : '');
    })
    .join(', ');
}

export const searchCommand: CommandRun = async (values, words, out) => {
  const query = words.join(' ').trim();
  if (!query) throw new CliError('search needs a query.');
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit must be a whole number from 1 to 500.');
  const results = withLibrary(values, (lib) => search(lib.db, query, limit));
  if (values.json) out.write(json(results));
  else {
    for (const a of results.articles) out.write(`article ${a.id}\t${a.title}\n\t${plainSnippet(a.snippet)}\n`);
    for (const p of results.passages) out.write(`passage ${p.id}\t${p.articleTitle}\n\t${plainSnippet(p.snippet)}\n`);
    for (const p of results.notes) out.write(`note ${p.id}\t${p.articleTitle}\n\t${plainSnippet(p.snippet)}\n`);
    for (const c of results.claims) out.write(`claim ${c.id}\t${plainSnippet(c.snippet)}\n`);
    for (const m of results.memos) {
      out.write(
        `${m.articleId === null ? 'library memo' : `memo of article ${m.articleId}\t${m.articleTitle}`}\n\t${plainSnippet(m.snippet)}\n`,
      );
    }
    out.write(`${searchSummary(results)}\n`);
  }
  return 0;
};

export const statsCommand: CommandRun = async (values, _positionals, out) => {
  const counts = withLibrary(values, (lib) => stats(lib.db));
  out.write(
    values.json
      ? json(counts)
      : Object.entries(counts)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n') + '\n',
  );
  return 0;
};

export const checkCommand: CommandRun = async (values, _positionals, out) => {
  const path = libraryPath(values);
  if (!existsSync(path)) throw new CliError(`there is no library at ${path}.`);
  const problems = checkLibraryFile(path);
  if (problems.length === 0) {
    out.write(`${path}: OK\n`);
    return 0;
  }
  out.error(
    `${path}: ${plural(problems.length, 'problem')}\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
      'Nothing was changed. "marginalia repair" rebuilds the search indexes and, for a damaged file, recovers what can be read into a new library beside it.\n',
  );
  return 1;
};

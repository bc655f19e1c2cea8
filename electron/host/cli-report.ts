import { extname, resolve } from 'node:path';
import { isoNow } from '../core/clock';
import { tagIdsForPaths } from '../core/export/passage-filter';
import { writeReport } from '../core/report/write';
import { filterDate } from '../shared/filter-date';
import { plural } from '../shared/counts';
import { REPORT_GROUPINGS, type ReportGrouping, type ReportPassageFilter } from '../shared/report';
import { openCliLibrary } from './cli-library';
import { CliError, type CommandRun } from './cli-output';

const positiveId = (value: string, option: string): number => {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new CliError(`${option} takes an id (a positive whole number).`);
  return id;
};

function date(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = filterDate.safeParse(value);
  if (!parsed.success) throw new CliError(`--${name}: use a date such as 2020, 2020-11 or 2020-11-09.`);
  return parsed.data;
}

/** `marginalia report --out FILE.html|FILE.docx`: the Passages filter's quotes (or a claim's) grouped, cited, with charts. */
export const reportCommand: CommandRun = async (values, positionals, out) => {
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}".`);
  const target = values.out as string | undefined;
  if (target === undefined) throw new CliError('give --out FILE.html or --out FILE.docx.');
  const format = extname(target).toLowerCase().slice(1);
  if (format !== 'html' && format !== 'docx') throw new CliError('--out names an .html or a .docx file.');
  const groupBy = values['group-by'] as string | undefined;
  if (groupBy !== undefined && !REPORT_GROUPINGS.includes(groupBy as ReportGrouping))
    throw new CliError(`--group-by is one of: ${REPORT_GROUPINGS.join(', ')}.`);
  const tags = (values.tag as string[] | undefined) ?? [];
  const outlets = (values.outlet as string[] | undefined) ?? [];
  const articles = ((values.article as string[] | undefined) ?? []).map((value) => positiveId(value, '--article'));
  const from = date(values.from, 'from');
  const to = date(values.to, 'to');
  const text = values.text as string | undefined;
  const claim = values.claim === undefined ? undefined : positiveId(values.claim as string, '--claim');
  if (claim !== undefined && (tags.length || outlets.length || articles.length || from || to || text || groupBy))
    throw new CliError('--claim reports one claim’s appearances: give it without the Passages filter options or --group-by.');
  if (values['all-tags'] && tags.length < 2) throw new CliError('--all-tags needs two --tag options or more.');
  const lib = openCliLibrary(values);
  try {
    const filter: ReportPassageFilter = {
      ...(tags.length > 0 ? { tagIds: tagIdsForPaths(lib.db, tags), includeChildren: true } : {}),
      ...(values['all-tags'] ? { tagMode: 'all' as const } : {}),
      ...(articles.length > 0 ? { articleIds: articles } : {}),
      ...(outlets.length > 0 ? { outlets } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(text ? { text } : {}),
    };
    const path = resolve(target);
    const result = await writeReport(lib.db, path, {
      format,
      ...(claim !== undefined ? { claimId: claim } : { filter }),
      ...(groupBy ? { groupBy: groupBy as ReportGrouping } : {}),
      library: lib.name,
      generated: isoNow(lib.clock).slice(0, 16).replace('T', ' ') + ' UTC',
    });
    const grouped = plural(result.groups, claim !== undefined || groupBy === 'claim' ? 'claim' : 'group');
    out.write(
      `Wrote ${plural(result.quotes, 'quote')} from ${plural(result.articles, 'article')} in ${grouped}, ${plural(result.charts, 'chart')}, to ${path}.\n`,
    );
    return 0;
  } finally {
    lib.close();
  }
};

import { AGREEMENT_UNITS, type AgreementRow, type AgreementUnit } from '../shared/agreement';
import { plural } from '../shared/counts';
import { tagIdsForPaths } from '../core/export/passage-filter';
import { computeAgreement } from '../core/teams/agreement';
import { roundStatistic as round } from '../core/teams/agreement-csv';
import { withLibrary } from './cli-library';
import { CliError, json, type CommandRun } from './cli-output';

function table(rows: AgreementRow[]): string {
  const cells = rows.map((r) => [
    r.tag ?? 'All tags',
    r.percent === null ? '–' : `${r.percent.toFixed(1)}%`,
    r.kappa === null ? '–' : r.kappa.toFixed(3),
    r.alpha === null ? '–' : r.alpha.toFixed(3),
    r.units.toLocaleString('en'),
  ]);
  const head = ['tag', 'agreement', 'kappa', 'alpha', 'units'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(head), ...cells.map(line)].join('\n') + '\n';
}

/** `marginalia agreement`: percentage agreement, Cohen's kappa and Krippendorff's alpha per tag and overall. */
export const agreementCommand: CommandRun = async (values, positionals, out) => {
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}".`);
  const unit = (values.unit as string | undefined) ?? 'character';
  if (!AGREEMENT_UNITS.includes(unit as AgreementUnit)) throw new CliError(`--unit is one of: ${AGREEMENT_UNITS.join(', ')}.`);
  const coders =
    values.coders === undefined
      ? undefined
      : (values.coders as string)
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
  const articleIds = ((values.article as string[] | undefined) ?? []).map(Number);
  if (articleIds.some((id) => !Number.isInteger(id) || id <= 0))
    throw new CliError('--article takes an article id (a positive whole number).');
  const tags = (values.tag as string[] | undefined) ?? [];
  const report = withLibrary(values, (lib) =>
    computeAgreement(lib.db, {
      unit: unit as AgreementUnit,
      ...(coders ? { coders } : {}),
      ...(tags.length > 0 ? { tagIds: tagIdsForPaths(lib.db, tags) } : {}),
      ...(articleIds.length > 0 ? { articleIds } : {}),
    }),
  );
  if (values.json) {
    out.write(
      json(
        report.rows.map((r) => ({
          tag: r.tag,
          coders: r.coders,
          unit: r.unit,
          percent: round(r.percent),
          kappa: round(r.kappa),
          alpha: round(r.alpha),
          units: r.units,
        })),
      ),
    );
    return 0;
  }
  const names = report.coders.map((c) => c.name);
  out.write(
    `${names.join(', ')} over ${plural(report.articleIds.length, 'article')} coded by all, by ${unit}` +
      ` (kappa for two coders only; – where a statistic is undefined):\n${table(report.rows)}`,
  );
  return 0;
};

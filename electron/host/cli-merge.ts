import type { CodebookMapping } from '../shared/merge';
import { mergeHeadline, mergeSummary } from '../shared/merge-summary';
import { writeTransaction } from '../core/library/write';
import { mergeLibrary, previewMerge } from '../core/teams/merge';
import { theirTagPaths } from '../core/teams/merge-codebook';
import { withMergeSource } from '../core/teams/merge-source';
import { openCliLibrary } from './cli-library';
import { CliError, type CommandRun, json } from './cli-output';

/**
 * "THEIR/PATH=OUR/PATH": a tag name may hold "=" itself, so the split is at the first "=" whose
 * left side is one of their tags' paths.
 */
function parseMapping(raw: string, theirs: Set<string>, option: 'map' | 'into', ours: Set<string>): CodebookMapping {
  for (let at = raw.indexOf('=', 1); at > 0; at = raw.indexOf('=', at + 1)) {
    const [from, to] = [raw.slice(0, at).trim(), raw.slice(at + 1).trim()];
    if (!theirs.has(key(from)) || to === '') continue;
    if (option === 'into') return { from, action: 'merge', to };
    return { from, action: ours.has(key(to)) ? 'map' : 'create', to };
  }
  throw new CliError(`--${option} "${raw}": write THEIR/PATH=OUR/PATH, where THEIR/PATH is a tag of the other library.`);
}

const key = (path: string): string =>
  path
    .split('/')
    .map((name) => name.trim().normalize('NFC').toLowerCase())
    .join('/');

/** `merge OTHER [--map THEIR=OUR]... [--into THEIR=OUR]... [--dry-run] [--json]`: prints the merge report. */
export const mergeCommand: CommandRun = async (values, positionals, out) => {
  if (positionals.length !== 1) throw new CliError('merge takes one library to merge: a .marginalia file or a .qdpx project.');
  const file = positionals[0] as string;
  const lib = openCliLibrary(values);
  try {
    const report = await withMergeSource(file, lib, (source) => {
      const [theirs, ours] = [new Set(theirTagPaths(source.db).map(key)), new Set(theirTagPaths(lib.db).map(key))];
      const mappings = [
        ...((values.map as string[] | undefined) ?? []).map((raw) => parseMapping(raw, theirs, 'map', ours)),
        ...((values.into as string[] | undefined) ?? []).map((raw) => parseMapping(raw, theirs, 'into', ours)),
      ];
      return writeTransaction(lib.db, () =>
        values['dry-run']
          ? previewMerge(lib.db, source.db, lib.clock, file, mappings)
          : mergeLibrary(lib.db, source.db, lib.clock, file, mappings).value,
      );
    });
    out.write(values.json ? json(report) : [mergeHeadline(report, lib.name), ...mergeSummary(report)].join('\n') + '\n');
  } finally {
    lib.close();
  }
  return 0;
};

import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { TableRecovery } from '../core/library/recover';
import { repairLibrary } from '../core/library/repair';
import { formatCount, plural } from '../shared/counts';
import { libraryPath } from './cli-library';
import { CliError, type CommandRun, json } from './cli-output';

const NOUNS: Record<string, string> = {
  articles: 'article',
  article_sources: 'original file',
  tags: 'tag',
  passages: 'passage',
  passage_tags: 'tagging',
  claims: 'claim',
  claim_appearances: 'claim appearance',
  claim_links: 'claim link',
  claim_rejections: 'rejected suggestion',
  memos: 'memo',
};

function ranges(list: Array<[number, number | null]>): string {
  return list.map(([a, b]) => (b === null ? `${a} and after` : a === b ? `${a}` : `${a}–${b}`)).join(', ');
}

/** One line per table the analyst knows (others are bookkeeping) that held anything, saying what was saved and lost. */
function tableLine(t: TableRecovery): string | null {
  const noun = NOUNS[t.table];
  if (!noun) return null;
  if (t.lost) return `  ${noun}s: none could be read`;
  if (t.recovered === 0 && t.unreadable.length === 0 && t.orphaned === 0) return null;
  const parts = [`${plural(t.recovered, noun)} recovered`];
  if (t.unreadable.length > 0) parts.push(`lost: those with ids ${ranges(t.unreadable)} (their part of the file is damaged)`);
  if (t.orphaned > 0) parts.push(`${formatCount(t.orphaned)} lost with what they belonged to`);
  return `  ${parts.join('; ')}`;
}

export const repairCommand: CommandRun = async (values, _positionals, out) => {
  const path = libraryPath(values);
  if (!existsSync(path)) throw new CliError(`there is no library at ${path}.`);
  const outcome = repairLibrary(path);
  if (values.json) {
    out.write(json(outcome));
    return outcome.kind === 'rebuilt' ? (outcome.problems.length === 0 ? 0 : 1) : outcome.recovery.problems.length === 0 ? 0 : 1;
  }
  if (outcome.kind === 'rebuilt') {
    const { rebuilt } = outcome;
    out.write(
      `${path}: the file is sound. Rebuilt ${plural(rebuilt.indexes.length, 'search index', 'search indexes')} (${rebuilt.indexes.join(', ')}), ` +
        `the number tokens and stems of ${plural(rebuilt.numbers, 'article')}, the sentence index of ${plural(rebuilt.sentences, 'article')}` +
        `${rebuilt.blocks > 0 ? ` and the blocks of ${plural(rebuilt.blocks, 'article')} from their text` : ''}.\n`,
    );
    if (outcome.problems.length === 0) {
      out.write('It checks clean now.\n');
      return 0;
    }
    out.error(`Still ${plural(outcome.problems.length, 'problem')}:\n${outcome.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const { recovery, target } = outcome;
  out.write(
    `${path} is damaged, so it was left as it is. What could be read was recovered into a new library beside it:\n${target}\n` +
      `${recovery.tables
        .map(tableLine)
        .filter((line): line is string => line !== null)
        .join('\n')}\n`,
  );
  if (recovery.problems.length > 0) {
    out.error(
      `The recovered library still has ${plural(recovery.problems.length, 'problem')}:\n${recovery.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  out.write(`The recovered library checks clean. Look through it, then use it in place of ${basename(path)} (or keep both).\n`);
  return 0;
};

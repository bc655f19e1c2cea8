import { text } from 'node:stream/consumers';
import { getMemo, setMemo } from '../core/memos/memos';
import { plural } from '../shared/counts';
import { withLibrary } from './cli-library';
import { CliError, type CommandRun, json } from './cli-output';
import { writeTransaction } from '../core/library/write';

function articleOption(raw: unknown): number | null {
  if (raw === undefined) return null;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new CliError('--article takes an article id (a positive whole number).');
  return id;
}

/**
 * `memo show` prints the memo as written (nothing when there is none); `memo set` writes it from
 * its argument or, without one, from standard input, so `marginalia memo set < notes.md` works.
 */
export const memoCommand: CommandRun = async (values, [action, ...words], out) => {
  const articleId = articleOption(values.article);
  if (action === 'show') {
    if (words.length > 0) throw new CliError('memo show takes no text.');
    const memo = withLibrary(values, (lib) => getMemo(lib.db, articleId));
    if (values.json) out.write(json(memo));
    else if (memo.text !== '') out.write(memo.text.endsWith('\n') ? memo.text : `${memo.text}\n`);
    return 0;
  }
  if (action !== 'set') throw new CliError('memo what? show or set.');
  if (values.json) throw new CliError('--json applies to memo show only.');
  const input = words.length > 0 ? words.join(' ') : await text(process.stdin);
  const memo = withLibrary(values, (lib) => writeTransaction(lib.db, () => setMemo(lib.db, lib.clock, articleId, input).value));
  const whose = articleId === null ? 'The library memo' : `The memo of article ${articleId}`;
  out.write(memo.text === '' ? `${whose} is empty now.\n` : `${whose} is saved (${plural(memo.text.length, 'character')}).\n`);
  return 0;
};

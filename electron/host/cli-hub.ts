import { text } from 'node:stream/consumers';
import { addHubCoder } from '../core/teams/hub/coders';
import { initHub } from '../core/teams/hub/init';
import { redactHub } from '../core/teams/hub/url';
import { CliError, type CommandRun, json } from './cli-output';

const COLOUR = /^#[0-9a-f]{6}$/;

/**
 * `hub init URL` creates or upgrades a hub's schema; `hub add-coder URL NAME` gives a coder a role
 * on it, with the password read from standard input (never from the command line, where other
 * users' `ps` and the shell's history would see it).
 */
export const hubCommand: CommandRun = async (values, [action, url, ...rest], out) => {
  if (action !== 'init' && action !== 'add-coder') throw new CliError('hub what? init or add-coder.');
  if (!url) throw new CliError(`hub ${action} needs the hub's URL (postgres://user@host:port/database).`);
  if (action === 'init') {
    if (rest.length > 0) throw new CliError('hub init takes one URL.');
    const result = await initHub(url);
    if (values.json) out.write(json(result));
    else if (result.from === result.to) out.write(`The hub ${result.hub} is up to date (schema version ${result.to}).\n`);
    else out.write(`The hub ${result.hub} is ready (schema version ${result.from} → ${result.to}).\n`);
    return 0;
  }
  const name = rest.join(' ').trim();
  if (!name) throw new CliError('hub add-coder needs the coder’s name.');
  const colour = (values.colour as string | undefined) ?? '#3b6fd1';
  if (!COLOUR.test(colour)) throw new CliError('--colour takes a colour such as #3b6fd1.');
  const password = (await text(process.stdin)).split(/\r?\n/)[0] ?? '';
  const coder = await addHubCoder(url, { name, colour, password, role: values.role as string | undefined });
  if (values.json) out.write(json(coder));
  else out.write(`${coder.name} codes on ${redactHub(url)} as the role ${coder.role}.\n`);
  return 0;
};

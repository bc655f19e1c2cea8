import type { Library } from '../core/library/open';
import { actAs } from '../core/teams/acting';
import { hostProfile, osUserName } from '../core/teams/profile';
import { MAX_CODER_NAME } from '../shared/coders';
import { CliError } from './cli-output';

/** Who a CLI command's writes are recorded as when --coder is not given: the profile, else the OS user. */
export function defaultCoderName(): string {
  return hostProfile().read()?.name ?? osUserName();
}

/**
 * Records the library's writes as `name`'s (registered with its first write; a reading command
 * registers nobody). The profile's colour is used when the profile is that coder.
 */
export function actAsCoder(lib: Library, name: string): void {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_CODER_NAME) throw new CliError(`--coder needs a name of 1–${MAX_CODER_NAME} characters.`);
  const profile = hostProfile().read();
  const colour = profile && profile.name.toLowerCase() === trimmed.toLowerCase() ? { colour: profile.colour } : {};
  actAs(lib.db, lib.clock, { name: trimmed, ...colour });
}

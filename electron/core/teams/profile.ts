import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { CoderIdentity } from '../../shared/coders';
import { MAX_CODER_NAME } from '../../shared/coders';
import { userDataDir } from '../paths';

/**
 * The coder profile: who the analyst is on this computer (name, colour), kept outside any library
 * so each library they open records the same coder. The desktop app keeps it in Electron's
 * userData folder; the CLI and `serve` in the same folder, or $MARGINALIA_USER_DATA.
 */
export interface ProfileStore {
  read(): CoderIdentity | null;
  write(profile: CoderIdentity): void;
}

export const PROFILE_FILE = 'coder.json';

const schema = z.object({
  name: z.string().trim().min(1).max(MAX_CODER_NAME),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
});

export function profileIn(dir: string): ProfileStore {
  const path = join(dir, PROFILE_FILE);
  return {
    read: () => {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return null;
      }
      // A damaged or hand-edited file reads as no profile: the app asks again rather than failing to start.
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? { name: parsed.data.name, colour: parsed.data.colour.toLowerCase() } : null;
      } catch {
        return null;
      }
    },
    write: (profile) => {
      mkdirSync(dirname(path), { recursive: true });
      // Written aside and renamed, so a crash never leaves half a profile.
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify({ name: profile.name, colour: profile.colour }, null, 2)}\n`);
      renameSync(temp, path);
    },
  };
}

/** Where the CLI and `serve` find the profile: $MARGINALIA_USER_DATA, else the app's userData folder. */
export function hostProfile(env: NodeJS.ProcessEnv = process.env): ProfileStore {
  return profileIn(env.MARGINALIA_USER_DATA || userDataDir());
}

/** The OS user name: who a coder is before they say otherwise. */
export function osUserName(): string {
  try {
    const name = userInfo().username.trim();
    if (name !== '') return name.slice(0, MAX_CODER_NAME);
  } catch {
    // No user entry (a container run as an unnamed uid).
  }
  return 'Analyst';
}

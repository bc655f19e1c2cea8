import { actionById, type ActionId } from '../../../electron/shared/actions';
import { ariaChord, formatChord, parseChord, type Chord, type Platform } from '../../../electron/shared/keys';

/** ⌘ on macOS, Ctrl elsewhere. */
export const PLATFORM: Platform = /mac|iphone|ipad/i.test(navigator.platform) ? 'mac' : 'other';

const parsed = new Map<string, Chord>();
export function chordOf(chord: string): Chord {
  let value = parsed.get(chord);
  if (!value) parsed.set(chord, (value = parseChord(chord)));
  return value;
}

/** An action's keys as people read them here ("Ctrl+Shift+Z", "⌘⇧Z"). */
export function keysOf(id: ActionId): string[] {
  return actionById(id).keys.map((k) => formatChord(k, PLATFORM));
}

/** An action's keys for aria-keyshortcuts (space-separated alternatives), or undefined when it has none. */
export function ariaKeysOf(id: ActionId): string | undefined {
  const keys = actionById(id).keys;
  return keys.length ? keys.map((k) => ariaChord(k, PLATFORM)).join(' ') : undefined;
}

/**
 * Key chords as the action registry writes them: modifiers, then one key, joined by "+"
 * ("Mod+Shift+Z", "Alt+ArrowDown", "T", "?"). "Mod" is Ctrl on Windows and Linux, ⌘ on macOS.
 * The key is a KeyboardEvent.key value: one character, or a named key (ArrowDown, Delete, F7…).
 * Plain data and pure functions: the renderer matches and shows chords, main turns them into
 * menu accelerators.
 */

export type Platform = 'mac' | 'other';
type Modifier = 'Mod' | 'Ctrl' | 'Alt' | 'Shift';
const MODIFIERS: readonly Modifier[] = ['Mod', 'Ctrl', 'Alt', 'Shift'];

export interface Chord {
  modifiers: ReadonlySet<Modifier>;
  key: string;
}

/** What a chord is matched against: the fields of a KeyboardEvent it reads. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function parseChord(chord: string): Chord {
  // The last part is the key, so "Mod++" would be Mod and "+"; split from the end.
  const parts = chord.length > 1 && chord.endsWith('+') ? [...chord.slice(0, -2).split('+'), '+'] : chord.split('+');
  const key = parts.pop() ?? '';
  const modifiers = new Set<Modifier>();
  for (const part of parts) {
    if (!MODIFIERS.includes(part as Modifier)) throw new Error(`"${chord}": unknown modifier "${part}"`);
    modifiers.add(part as Modifier);
  }
  if (key === '') throw new Error(`"${chord}": no key`);
  return { modifiers, key };
}

/**
 * A bare character (T, ], ?): Shift only decides which character it is, so it is not compared.
 * A chord that names Shift (Shift+1) means the key with Shift, whatever character that types.
 */
function isBareCharacter(chord: Chord): boolean {
  return chord.key.length === 1 && (['Mod', 'Ctrl', 'Alt', 'Shift'] as const).every((m) => !chord.modifiers.has(m));
}

/** The physical key code of a letter or digit, for layouts and Alt (⌥) that change the character typed. */
function codeOf(key: string): string | null {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^\d$/.test(key)) return `Digit${key}`;
  return null;
}

export function matchesChord(press: KeyPress, chord: Chord, platform: Platform): boolean {
  const mod = chord.modifiers.has('Mod');
  const wantCtrl = chord.modifiers.has('Ctrl') || (mod && platform === 'other');
  const wantMeta = mod && platform === 'mac';
  if (press.ctrlKey !== wantCtrl || press.metaKey !== wantMeta || press.altKey !== chord.modifiers.has('Alt')) return false;
  if (isBareCharacter(chord)) return press.key.toLowerCase() === chord.key.toLowerCase();
  if (press.shiftKey !== chord.modifiers.has('Shift')) return false;
  if (press.key.toLowerCase() === chord.key.toLowerCase()) return true;
  const code = codeOf(chord.key);
  return code !== null && press.code === code;
}

/** One spelling per distinct key press on a platform, to find two actions on the same keys. */
export function chordIdentity(chord: string, platform: Platform): string {
  const parsed = parseChord(chord);
  const m = parsed.modifiers;
  const ctrl = m.has('Ctrl') || (m.has('Mod') && platform === 'other');
  const meta = m.has('Mod') && platform === 'mac';
  const shift = !isBareCharacter(parsed) && m.has('Shift');
  return [ctrl ? 'Ctrl' : '', meta ? 'Meta' : '', m.has('Alt') ? 'Alt' : '', shift ? 'Shift' : '', parsed.key.toLowerCase()]
    .filter(Boolean)
    .join('+');
}

const KEY_NAMES: Record<string, { mac?: string; other?: string; aria?: string; accelerator?: string | null }> = {
  ArrowUp: { mac: '↑', other: '↑', accelerator: 'Up' },
  ArrowDown: { mac: '↓', other: '↓', accelerator: 'Down' },
  ArrowLeft: { mac: '←', other: '←', accelerator: 'Left' },
  ArrowRight: { mac: '→', other: '→', accelerator: 'Right' },
  Escape: { mac: 'Esc', other: 'Esc', accelerator: 'Esc' },
  Delete: { mac: '⌦', other: 'Delete' },
  Backspace: { mac: '⌫', other: 'Backspace' },
  Enter: { mac: '↩', other: 'Enter', accelerator: 'Enter' },
  ContextMenu: { other: 'Menu', accelerator: null },
  ' ': { mac: 'Space', other: 'Space', aria: 'Space', accelerator: 'Space' },
};

/** How a chord is written for people: "Ctrl+Shift+Z" on Windows and Linux, "⌘⇧Z" on macOS. */
export function formatChord(chord: string, platform: Platform): string {
  const { modifiers, key } = parseChord(chord);
  const name = KEY_NAMES[key]?.[platform] ?? (key.length === 1 ? key.toUpperCase() : key);
  if (platform === 'mac') {
    const symbols = { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Mod: '⌘' } as const;
    return (['Ctrl', 'Alt', 'Shift', 'Mod'] as const).map((m) => (modifiers.has(m) ? symbols[m] : '')).join('') + name;
  }
  const words = { Mod: 'Ctrl', Ctrl: 'Ctrl', Alt: 'Alt', Shift: 'Shift' } as const;
  const mods = [...new Set((['Mod', 'Ctrl', 'Alt', 'Shift'] as const).filter((m) => modifiers.has(m)).map((m) => words[m]))];
  return [...mods, name].join('+');
}

/** The chord for aria-keyshortcuts ("Control+Shift+Z", "Meta+K", "Alt+ArrowDown"). */
export function ariaChord(chord: string, platform: Platform): string {
  const { modifiers, key } = parseChord(chord);
  const mods: string[] = [];
  if (modifiers.has('Ctrl') || (modifiers.has('Mod') && platform === 'other')) mods.push('Control');
  if (modifiers.has('Mod') && platform === 'mac') mods.push('Meta');
  if (modifiers.has('Alt')) mods.push('Alt');
  if (modifiers.has('Shift')) mods.push('Shift');
  return [...mods, KEY_NAMES[key]?.aria ?? (key.length === 1 ? key.toUpperCase() : key)].join('+');
}

/** The chord as an Electron accelerator ("CmdOrCtrl+Shift+Z"), or null for keys menus cannot show. */
export function acceleratorOf(chord: string): string | null {
  const { modifiers, key } = parseChord(chord);
  const named = KEY_NAMES[key];
  const name = named && 'accelerator' in named ? named.accelerator : key.length === 1 ? key.toUpperCase() : key;
  if (name === null || name === undefined) return null;
  const mods = [
    modifiers.has('Mod') ? 'CmdOrCtrl' : '',
    modifiers.has('Ctrl') ? 'Ctrl' : '',
    modifiers.has('Alt') ? 'Alt' : '',
    modifiers.has('Shift') ? 'Shift' : '',
  ];
  return [...mods.filter(Boolean), name].join('+');
}

import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { ACTIONS, MENUS, findConflicts, type ActionDeclaration } from '../../electron/shared/actions';
import { acceleratorOf, ariaChord, formatChord, matchesChord, parseChord, type KeyPress } from '../../electron/shared/keys';
import { menuTemplate } from '../../electron/main/menu-template';
import { matchCommands } from '../../renderer/src/actions/palette-match';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const matches = (p: KeyPress, chord: string, platform: 'mac' | 'other' = 'other') => matchesChord(p, parseChord(chord), platform);

describe('key chords', () => {
  it('maps Mod to Ctrl on Windows and Linux and to ⌘ on macOS, and tells Shift apart', () => {
    expect(matches(press('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matches(press('z', { metaKey: true }), 'Mod+Z')).toBe(false);
    expect(matches(press('z', { metaKey: true }), 'Mod+Z', 'mac')).toBe(true);
    expect(matches(press('z', { ctrlKey: true }), 'Mod+Z', 'mac')).toBe(false);
    expect(matches(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matches(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
  });

  it('reads bare characters as typed (Shift makes "?" and "T"), named keys and Alt exactly', () => {
    expect(matches(press('?', { shiftKey: true }), '?')).toBe(true);
    expect(matches(press('T', { shiftKey: true }), 'T')).toBe(true);
    expect(matches(press('t'), 'T')).toBe(true);
    expect(matches(press('t', { ctrlKey: true }), 'T')).toBe(false);
    expect(matches(press('ArrowDown', { altKey: true }), 'Alt+ArrowDown')).toBe(true);
    expect(matches(press('ArrowDown'), 'Alt+ArrowDown')).toBe(false);
    expect(matches(press('F10', { shiftKey: true }), 'Shift+F10')).toBe(true);
    expect(matches(press('F10'), 'Shift+F10')).toBe(false);
    // ⌥ changes the character typed on macOS: the physical key still counts.
    expect(matches({ ...press('¡', { metaKey: true, altKey: true }), code: 'Digit1' }, 'Mod+Alt+1', 'mac')).toBe(true);
    // A chord that names Shift means the key with Shift, whatever it types (Shift+1 is "!" in English layouts).
    const shiftOne = { ...press('!', { shiftKey: true }), code: 'Digit1' };
    expect(matches(shiftOne, 'Shift+1')).toBe(true);
    expect(matches(shiftOne, '1')).toBe(false);
    expect(matches({ ...press('1'), code: 'Digit1' }, 'Shift+1')).toBe(false);
    expect(matches({ ...press('1'), code: 'Digit1' }, '1')).toBe(true);
  });

  it('is written for people, for assistive technology and for Electron menus', () => {
    expect(formatChord('Mod+Shift+Z', 'other')).toBe('Ctrl+Shift+Z');
    expect(formatChord('Mod+Shift+Z', 'mac')).toBe('⇧⌘Z');
    expect(formatChord('Alt+ArrowDown', 'other')).toBe('Alt+↓');
    expect(ariaChord('Mod+K', 'mac')).toBe('Meta+K');
    expect(ariaChord('Mod+K', 'other')).toBe('Control+K');
    expect(acceleratorOf('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorOf('Alt+ArrowUp')).toBe('Alt+Up');
    expect(acceleratorOf(']')).toBe(']');
    expect(acceleratorOf('ContextMenu')).toBeNull();
    expect(() => parseChord('Hyper+K')).toThrow(/unknown modifier/);
  });
});

describe('the action registry', () => {
  it('has no two actions on the same keys where both can be live', () => {
    expect(findConflicts(ACTIONS)).toEqual([]);
  });

  it('finds a conflict: the same keys in one scope, or an app-wide key taken by a view, on either platform', () => {
    const extra: ActionDeclaration[] = [
      { id: 'x-undo', label: 'Another undo', keys: ['Ctrl+Z'], scope: 'reader' },
      { id: 'x-tag', label: 'Another tag', keys: ['t'], scope: 'reader' },
      { id: 'x-fine', label: 'Codebook T', keys: ['T'], scope: 'codebook' },
    ];
    expect(findConflicts([...ACTIONS, ...extra])).toEqual([
      'mac: tag (T) and x-tag (t)',
      'other: undo (Mod+Z) and x-undo (Ctrl+Z)',
      'other: tag (T) and x-tag (t)',
    ]);
  });

  it('has unique ids and every menu entry names a declared action', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const menu of MENUS)
      for (const entry of menu.items)
        if (typeof entry === 'string' && entry !== 'recent' && entry !== 'separator') expect(ids).toContain(entry);
  });
});

describe('the desktop menu, built from the registry', () => {
  const sent: string[] = [];
  const ran: string[] = [];
  const template = (mac: boolean) =>
    menuTemplate(
      {
        main: { 'import-files': () => ran.push('import-files'), 'library-open': () => ran.push('library-open') },
        openRecent: () => undefined,
        clearRecent: () => undefined,
        action: (id) => sent.push(id),
      },
      { mac, packaged: true, recent: [], nameOf: (p) => p },
    );
  const items = (menus: MenuItemConstructorOptions[], label: string) =>
    (menus.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();

  it('shows the registry’s labels and keys; the view’s own keys are not registered twice', () => {
    const edit = items(template(false), '&Edit');
    const undo = edit.find((i) => i.id === 'undo');
    expect(undo).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    click(undo);
    const passage = items(template(false), '&Passage');
    expect(passage.find((i) => i.id === 'tag')).toMatchObject({ label: 'Tag Selection…', accelerator: 'T', registerAccelerator: false });
    click(passage.find((i) => i.id === 'next-passage'));
    expect(sent).toEqual(['undo', 'next-passage']);
  });

  it('lets main carry out what needs native dialogs, with its keys registered', () => {
    const file = items(template(false), '&File');
    const importFiles = file.find((i) => i.id === 'import-files');
    expect(importFiles).toMatchObject({ label: 'Import Files…', accelerator: 'CmdOrCtrl+I' });
    expect(importFiles?.registerAccelerator).toBeUndefined();
    click(importFiles);
    expect(ran).toEqual(['import-files']);
  });

  it('leaves Quit to the macOS app menu and dev tools to unpacked builds, without stray separators', () => {
    const mac = template(true);
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(items(mac, '&File').some((i) => i.role === 'quit')).toBe(false);
    expect(items(template(false), '&File').at(-1)).toEqual({ role: 'quit' });
    const view = items(template(false), '&View');
    expect(view.some((i) => i.role === 'toggleDevTools')).toBe(false);
    for (const menu of template(false)) {
      const list = (menu.submenu ?? []) as MenuItemConstructorOptions[];
      expect(list[0]?.type).not.toBe('separator');
      expect(list.at(-1)?.type).not.toBe('separator');
      list.forEach((item, i) => item.type === 'separator' && expect(list[i + 1]?.type).not.toBe('separator'));
    }
  });
});

describe('the command palette’s matching', () => {
  const entries = ACTIONS.map((a) => ({ id: a.id, label: a.label, enabled: a.id !== 'redo' }));
  const find = (typed: string) => matchCommands(entries, typed).map((e) => e.id);

  it('finds commands by the starts of the words of their names, names that start with the text first', () => {
    expect(find('next pass')).toEqual(['next-passage']);
    expect(find('pass')[0]).toBe('view-passages');
    expect(find('tag')[0]).toBe('tag');
    expect(find('del')).toEqual(['delete-passage', 'tag-delete']);
    expect(find('xyz')).toEqual([]);
  });

  it('lists what is unavailable here last', () => {
    const edits = find('');
    expect(edits.at(-1)).toBe('redo');
    expect(find('re')[0]).not.toBe('redo');
  });
});

import type { ActionId } from '../../../../electron/shared/actions';
import { PIN_SLOTS, type Tag } from '../../../../electron/shared/types';
import type { Binding, Bindings } from '../../actions/bindings';
import { keysOf } from '../../actions/platform';
import { call } from '../../client/api';
import type { MenuItem } from './Menu';

/** The codebook's action that pins the focused tag to key `n` (Shift+n). */
const pinAction = (n: number) => `tag-pin-${n}` as ActionId;

/**
 * Pinning tags to the number keys 1–9 (which apply them in the reader): the ⋯ menu's item and
 * Shift+1–9 on the focused tag (again on its own key: unpin). The status line says what the key
 * now does.
 */
export function pinning(
  tags: readonly Tag[] | undefined,
  run: (work: () => Promise<unknown>) => Promise<void>,
  say: (status: string) => void,
) {
  /** Pins to key `slot` (undefined: the first free one), or unpins (null). */
  const pin = (tag: Tag, slot: number | null | undefined) =>
    void run(async () => {
      const { pin: key } = await call('tags.pin', slot === undefined ? { id: tag.id } : { id: tag.id, slot });
      say(key === null ? `${tag.name} is no longer pinned` : `${tag.name} pinned to ${key}: the key ${key} applies it in the reader`);
    });

  const freeKey = () => {
    const taken = new Set(tags?.map((t) => t.pin));
    return Array.from({ length: PIN_SLOTS }, (_, i) => i + 1).find((n) => !taken.has(n));
  };

  const pinItem = (tag: Tag): MenuItem => {
    if (tag.pin !== null)
      return { label: `Unpin from ${tag.pin}`, shortcut: keysOf(pinAction(tag.pin))[0], onSelect: () => pin(tag, null) };
    const key = freeKey();
    return key === undefined
      ? { label: `Pin to a number key (all ${PIN_SLOTS} taken)`, disabled: true, onSelect: () => undefined }
      : { label: `Pin to ${key}`, shortcut: keysOf(pinAction(key))[0], onSelect: () => pin(tag, key) };
  };

  /** Shift+1–9 on the tag the codebook has focused. */
  const pinBindings = (onFocused: (act: (tag: Tag) => void) => Binding): Bindings => {
    const bindings: Bindings = {};
    for (let n = 1; n <= PIN_SLOTS; n++) bindings[pinAction(n)] = onFocused((tag) => pin(tag, tag.pin === n ? null : n));
    return bindings;
  };

  return { pinItem, pinBindings };
}

import { PIN_SLOTS, type Passage, type Tag } from '../../../electron/shared/types';
import type { ActionId } from '../../../electron/shared/actions';
import { useBindActions, type Bindings } from '../actions/bindings';

/**
 * The last tag applied in the reader (picker, inspector, a number key), for "apply last tag". One
 * per window, across articles; read only when an action runs.
 */
let lastTagId: number | null = null;
export function rememberTag(tagId: number): void {
  lastTagId = tagId;
}

interface Options {
  tags: readonly Tag[];
  /** The passage the tag would go to when no text is selected. */
  selected: Passage | null;
  hasSelection(): boolean;
  /** Tags the text selection (a new passage) or else the selected passage. */
  apply(tag: Tag): void;
}

/** R applies the last tag used; 1–9 the tags pinned to them (pinned in the codebook). */
export function useQuickTags({ tags, selected, hasSelection, apply }: Options): void {
  const target = () => hasSelection() || selected !== null;
  const bind = (find: () => Tag | undefined) => ({
    enabled: () => target() && find() !== undefined,
    run: () => {
      const tag = find();
      if (tag) apply(tag);
    },
    detail: () => find()?.path,
  });
  const bindings: Bindings = { 'tag-last': bind(() => tags.find((t) => t.id === lastTagId)) };
  for (let n = 1; n <= PIN_SLOTS; n++) bindings[`tag-pinned-${n}` as ActionId] = bind(() => tags.find((t) => t.pin === n));
  useBindActions(bindings);
}

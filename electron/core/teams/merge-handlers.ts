import type { CommandName } from '../../shared/contract';
import type { Handlers } from '../handlers';
import { mergeLibrary, previewMerge } from './merge';
import { withMergeSource } from './merge-source';

type MergeCommand = Extract<CommandName, `merge.${string}`>;

/** Merging another library: the preview rehearses it in a transaction that is rolled back; the merge is one undoable edit. */
export const mergeHandlers: Pick<Handlers, MergeCommand> = {
  'merge.preview': ({ session }, { path, mappings }) =>
    withMergeSource(path, session.lib, (source) =>
      session.write(() => previewMerge(session.lib.db, source.db, session.lib.clock, path, mappings)),
    ),
  'merge.run': ({ session }, { path, mappings }) =>
    withMergeSource(path, session.lib, (source) =>
      session.apply(() => mergeLibrary(session.lib.db, source.db, session.lib.clock, path, mappings)),
    ),
};

import type { Args, CommandName } from '../../../../electron/shared/contract';
import { call } from '../../client/api';
import { notify } from '../../components/Notices';

/** Runs an edit on a claim and says what it did, with Undo (the library's history undoes it from anywhere too). */
export async function undoable<K extends CommandName>(name: K, args: Args<K>, done: string, onError: (message: string) => void) {
  try {
    const result = await call(name, args);
    notify(done, { label: 'Undo', run: () => void call('edit.undo', {}).catch((e: Error) => onError(e.message)) });
    return result;
  } catch (e) {
    onError((e as Error).message);
    return undefined;
  }
}

import type { Handlers } from '../handlers';
import { listCoders } from './coders';
import { blindCoding, setBlindCoding, updateCoder } from './settings';

/** The coders commands: who codes, and whether coders see each other's work (blind coding). */
export const coderHandlers = {
  'coders.list': ({ session }) => listCoders(session.lib.db),
  'coders.current': ({ session }) => session.coder(),
  'coders.switch': ({ session }, who) => session.switchCoder(who),
  'coders.update': async ({ session }, { id, ...patch }) => {
    const coder = await session.apply(() => updateCoder(session.lib.db, id, patch));
    if (session.coder()?.id === id) session.saveProfile();
    return coder;
  },
  'library.blindCoding': ({ session }) => ({ on: blindCoding(session.lib.db) }),
  'library.setBlindCoding': ({ session }, { on }) => session.apply(() => setBlindCoding(session.lib.db, on)),
} satisfies Partial<Handlers>;

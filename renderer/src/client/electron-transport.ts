import type { Bridge, CommandName, Envelope } from '../../../electron/shared/contract';
import { splitName } from '../../../electron/shared/names';
import type { Transport } from './transport';

declare global {
  interface Window {
    marginalia?: Bridge<File>;
  }
}

/** window.marginalia, exposed by the preload: named methods only. */
export function electronTransport(bridge: Bridge<File>): Transport {
  const invoke = (name: string, args: unknown): Promise<Envelope<unknown>> => {
    const [domain, verb] = splitName(name as CommandName);
    const methods = bridge[domain as keyof Bridge<File>] as unknown as
      Record<string, (a: unknown) => Promise<Envelope<unknown>>> | undefined;
    const method = methods?.[verb];
    if (!method) return Promise.resolve({ ok: false, error: { code: 'unknown-command', message: `Unknown command "${name}".` } });
    return method(args);
  };
  return {
    invoke,
    on: (event, listener) => bridge.on(event, listener),
    saveExport: async (command, args, file) => {
      const chosen = await invoke('dialog.savePath', file);
      if (!chosen.ok) throw new Error(chosen.error.message);
      const path = (chosen.value as { path: string | null }).path;
      if (path === null) return null;
      // `path` is a grant for the file chosen; main says where it wrote.
      const done = await invoke(command, { ...args, path });
      if (!done.ok) throw new Error(done.error.message);
      return (done.value as { path: string }).path;
    },
    handOver: async (file) => {
      const [grant] = await bridge.grantFiles([file]);
      if (grant === undefined) throw new Error(`${file.name} is not on the disk, so it cannot be merged.`);
      return grant;
    },
    importFiles: async (files) => {
      const grants = await bridge.grantFiles(files);
      if (grants.length === 0) throw new Error('These files are not on the disk, so they cannot be imported.');
      const envelope = await invoke('import.start', { paths: grants });
      if (!envelope.ok) throw new Error(envelope.error.message);
      return (envelope.value as { jobId: string }).jobId;
    },
  };
}

import { EVENT_NAMES, type Envelope, type EventName, type Events } from '../../../electron/shared/contract';
import type { Transport } from './transport';

const TOKEN_KEY = 'marginalia.token';

/** The token arrives in the URL fragment once; keep it for reloads of this tab, then hide it. */
function takeToken(): string {
  const match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The contract over HTTP (marginalia serve): POST /api/<command>, events over SSE. */
export function httpTransport(): Transport {
  const token = takeToken();
  const headers = { authorization: `Bearer ${token}` };
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const connect = (): void => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };

  const invoke = async (name: string, args: unknown): Promise<Envelope<unknown>> => {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    if (response.status === 401) {
      return { ok: false, error: { code: 'unauthorised', message: 'This page needs the link printed by "marginalia serve" (with its token).' } };
    }
    return (await response.json()) as Envelope<unknown>;
  };

  const upload = async (file: File): Promise<string> => {
    const name = file.webkitRelativePath || file.name;
    const response = await fetch('/api/upload', {
      method: 'POST',
      headers: { ...headers, 'x-file-name': encodeURIComponent(name) },
      body: file,
    });
    const envelope = (await response.json()) as Envelope<{ path: string }>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value.path;
  };

  return {
    invoke,
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    importFiles: async (files) => {
      const paths: string[] = [];
      // A few uploads at a time: enough to keep the pipe full without flooding the host.
      for (let i = 0; i < files.length; i += 8) {
        paths.push(...(await Promise.all(files.slice(i, i + 8).map(upload))));
      }
      const envelope = await invoke('import.start', { paths });
      if (!envelope.ok) throw new Error(envelope.error.message);
      return (envelope.value as { jobId: string }).jobId;
    },
  };
}

import type { Envelope, EventName, Events } from '../../../electron/shared/contract';
import { EVENT_NAMES } from '../../../electron/shared/names';
import type { Transport } from './transport';

const TOKEN_KEY = 'marginalia.token';
const UPLOAD_BATCH_FILES = 500;
const UPLOAD_BATCH_BYTES = 32 * 1024 * 1024;
/** Pause before opening a closed event stream again (the host restarting). */
const RECONNECT_MS = 1000;

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
  let connecting = false;

  /**
   * The event stream, opened with a one-use ticket (an EventSource cannot send the token's
   * header). When it closes for good (the ticket was used by an earlier connection, or the host
   * restarted), it is opened again with a new ticket.
   */
  const connect = (): void => {
    if (source || connecting) return;
    connecting = true;
    void (async () => {
      const response = await fetch('/api/ticket', { method: 'POST', headers });
      // A wrong token: every request says so, and reconnecting would not help.
      if (!response.ok) return;
      const { value } = (await response.json()) as { value: { ticket: string } };
      const stream = new EventSource(`/api/events?ticket=${encodeURIComponent(value.ticket)}`);
      source = stream;
      for (const name of EVENT_NAMES) {
        stream.addEventListener(name, (event) => {
          const payload = JSON.parse((event as MessageEvent<string>).data) as never;
          for (const listener of listeners.get(name) ?? []) listener(payload);
        });
      }
      stream.addEventListener('error', () => {
        if (stream.readyState !== EventSource.CLOSED) return;
        source = null;
        setTimeout(connect, RECONNECT_MS);
      });
    })()
      .catch(() => setTimeout(connect, RECONNECT_MS))
      .finally(() => (connecting = false));
  };

  const invoke = async (name: string, args: unknown): Promise<Envelope<unknown>> => {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    if (response.status === 401) {
      return {
        ok: false,
        error: { code: 'unauthorised', message: 'This page needs the link printed by "marginalia serve" (with its token).' },
      };
    }
    return (await response.json()) as Envelope<unknown>;
  };

  /** One request per batch (see the host's upload format): far cheaper than a request per file. */
  const upload = async (files: File[], signal?: AbortSignal): Promise<string[]> => {
    const manifest = new TextEncoder().encode(JSON.stringify(files.map((f) => ({ name: f.webkitRelativePath || f.name, size: f.size }))));
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, manifest.length);
    const response = await fetch('/api/upload', {
      method: 'POST',
      headers,
      body: new Blob([length, manifest, ...files]),
      ...(signal ? { signal } : {}),
    });
    const envelope = (await response.json()) as Envelope<{ paths: string[] }>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value.paths;
  };

  const batches = (files: File[]): File[][] => {
    const out: File[][] = [];
    let current: File[] = [];
    let bytes = 0;
    for (const file of files) {
      if (current.length > 0 && (current.length >= UPLOAD_BATCH_FILES || bytes + file.size > UPLOAD_BATCH_BYTES)) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(file);
      bytes += file.size;
    }
    if (current.length > 0) out.push(current);
    return out;
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
    saveExport: async (command, args, file) => {
      const query = new URLSearchParams({ args: JSON.stringify(args), name: file.defaultName });
      const response = await fetch(`/api/download/${command}?${query.toString()}`, { headers });
      if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
        const envelope = (await response.json()) as Envelope<unknown>;
        throw new Error(envelope.ok ? 'The export produced no file.' : envelope.error.message);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: file.defaultName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return file.defaultName;
    },
    handOver: async (file) => (await upload([file]))[0] as string,
    importFiles: async (files, signal) => {
      const paths: string[] = [];
      for (const batch of batches(files)) paths.push(...(await upload(batch, signal)));
      const envelope = await invoke('import.start', { paths });
      if (!envelope.ok) throw new Error(envelope.error.message);
      return (envelope.value as { jobId: string }).jobId;
    },
  };
}

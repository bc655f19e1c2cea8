import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/http-host';
import { Tickets } from '../../electron/host/tickets';
import { tempDir } from './helpers';

async function host(): Promise<RunningHost> {
  const dir = tempDir();
  return startHost({
    libraryPath: join(dir, 'lib.marginalia'),
    rendererDir: join(dir, 'renderer'),
    parser: { parse: () => Promise.reject(new Error('no parsing in this test')) },
  });
}

/** Reads an event stream's first chunk and closes it. */
async function firstChunk(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

describe('the HTTP host takes its token in a header only', () => {
  it('a command with the token in the query string is refused; in the header it runs', async () => {
    const h = await host();
    try {
      const query = await fetch(`${h.url}/api/stats.get?token=${h.token}`, { method: 'POST', body: '{}' });
      expect(query.status).toBe(401);
      const header = await fetch(`${h.url}/api/stats.get`, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${h.token}` } });
      expect(header.status).toBe(200);
      expect(((await header.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('a download with the token in the query string is refused', async () => {
    const h = await host();
    try {
      const args = encodeURIComponent('{}');
      const query = await fetch(`${h.url}/api/download/export.annotations?token=${h.token}&args=${args}&name=a.jsonld`);
      expect(query.status).toBe(401);
      const header = await fetch(`${h.url}/api/download/export.annotations?args=${args}&name=a.jsonld`, {
        headers: { authorization: `Bearer ${h.token}` },
      });
      expect(header.status).toBe(200);
      expect(header.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''a.jsonld");
    } finally {
      await h.close();
    }
  });

  it('the event stream opens with a one-use ticket, never with the token in its URL', async () => {
    const h = await host();
    try {
      expect((await fetch(`${h.url}/api/events?token=${h.token}`)).status).toBe(401);
      expect((await fetch(`${h.url}/api/ticket`, { method: 'POST' })).status).toBe(401);
      const issued = await fetch(`${h.url}/api/ticket`, { method: 'POST', headers: { authorization: `Bearer ${h.token}` } });
      const { value } = (await issued.json()) as { value: { ticket: string } };
      expect(value.ticket).toMatch(/^[\w-]{32}$/);
      const stream = await fetch(`${h.url}/api/events?ticket=${value.ticket}`);
      expect(stream.status).toBe(200);
      expect(await firstChunk(stream)).toBe(': connected\n\n');
      // Used once: the same ticket opens nothing more.
      expect((await fetch(`${h.url}/api/events?ticket=${value.ticket}`)).status).toBe(401);
      // A ticket opens the event stream only.
      const again = (
        (await (await fetch(`${h.url}/api/ticket`, { method: 'POST', headers: { authorization: `Bearer ${h.token}` } })).json()) as {
          value: { ticket: string };
        }
      ).value.ticket;
      expect((await fetch(`${h.url}/api/stats.get?ticket=${again}`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      await h.close();
    }
  });

  it('a ticket expires unused after its lifetime', () => {
    let now = 1_000;
    const tickets = new Tickets(30_000, () => now);
    const late = tickets.issue();
    const soon = tickets.issue();
    now += 30_000;
    expect(tickets.redeem(soon)).toBe(true);
    now += 1;
    expect(tickets.redeem(late)).toBe(false);
    expect(tickets.redeem(null)).toBe(false);
  });
});

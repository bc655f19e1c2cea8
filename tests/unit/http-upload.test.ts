import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/http-host';
import { until } from '../kill';
import { tempDir } from './helpers';

async function host(): Promise<RunningHost> {
  const dir = tempDir();
  return startHost({
    libraryPath: join(dir, 'lib.marginalia'),
    rendererDir: join(dir, 'renderer'),
    parser: { parse: () => Promise.reject(new Error('no parsing in this test')) },
  });
}

/** The upload format's head: the manifest's length, then the manifest. */
function head(files: Array<{ name: string; size: number }>): Buffer {
  const manifest = Buffer.from(JSON.stringify(files));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifest.length);
  return Buffer.concat([length, manifest]);
}

/** An upload request whose body the test writes piece by piece; resolves with the reply. */
function openUpload(h: RunningHost): { write: (bytes: Buffer) => void; end: () => Promise<{ status: number; body: unknown }> } {
  const url = new URL('/api/upload', h.url);
  let resolveReply: (reply: { status: number; body: unknown }) => void;
  const reply = new Promise<{ status: number; body: unknown }>((resolve) => (resolveReply = resolve));
  const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${h.token}` } }, (res) => {
    let text = '';
    res.on('data', (d: Buffer) => (text += d.toString()));
    res.on('end', () => resolveReply({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
  });
  return { write: (bytes) => void req.write(bytes), end: () => (req.end(), reply) };
}

/** Every file under a folder, with its size. */
function filesUnder(root: string): Array<{ name: string; size: number }> {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((e) => e.isFile())
    .map((e) => ({ name: e.name, size: statSync(join(e.parentPath, e.name)).size }));
}

describe('uploads to the HTTP host', () => {
  it('are written to disk as their bytes arrive, not held whole in memory', async () => {
    const h = await host();
    try {
      const first = Buffer.from('First article.\n');
      const second = Buffer.alloc(200_000, 'x');
      const upload = openUpload(h);
      upload.write(
        head([
          { name: 'in/first.txt', size: first.length },
          { name: 'in/second.txt', size: second.length },
        ]),
      );
      upload.write(first);
      upload.write(second.subarray(0, 1000));
      // The request is still open: the first file is on disk whole already.
      await until(
        () => filesUnder(h.uploadRoot).some((f) => f.name === 'first.txt' && f.size === first.length),
        'first.txt on disk',
        10_000,
      );
      upload.write(second.subarray(1000));
      const reply = await upload.end();
      expect(reply.status).toBe(200);
      const { paths } = (reply.body as { value: { paths: string[] } }).value;
      expect(paths.map((p) => readFileSync(p).length)).toEqual([first.length, second.length]);
      expect(readFileSync(paths[0]!, 'utf8')).toBe('First article.\n');
    } finally {
      await h.close();
    }
  });

  it('one that ends before its file list says is refused and leaves nothing behind', async () => {
    const h = await host();
    try {
      const upload = openUpload(h);
      upload.write(
        head([
          { name: 'a.txt', size: 5 },
          { name: 'b.txt', size: 100 },
        ]),
      );
      upload.write(Buffer.from('12345'));
      upload.write(Buffer.alloc(50, 'y'));
      expect(await upload.end()).toEqual({
        status: 400,
        body: { ok: false, error: { code: 'invalid-arguments', message: 'The upload is shorter than its file list says.' } },
      });
      expect(filesUnder(h.uploadRoot)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('a slow request to the HTTP host', () => {
  it('is answered 408 and closed once its time is up, while the body is still coming', async () => {
    const dir = tempDir();
    const h = await startHost({
      libraryPath: join(dir, 'lib.marginalia'),
      rendererDir: join(dir, 'renderer'),
      parser: { parse: () => Promise.reject(new Error('no parsing in this test')) },
      requestTimeoutMs: 500,
    });
    try {
      const { port } = new URL(h.url);
      const socket = connect(Number(port), '127.0.0.1');
      let reply = '';
      socket.on('data', (d: Buffer) => (reply += d.toString()));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write(
        `POST /api/stats.get HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${h.token}\r\nContent-Length: 1000\r\n\r\n{"a":`,
      );
      await closed;
      expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    } finally {
      await h.close();
    }
  });
});

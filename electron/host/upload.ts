import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join, sep } from 'node:path';

/** Keeps only safe, relative segments of an uploaded file's name ("folder/a.txt" stays a path). */
export function safeRelativeName(raw: string): string {
  const segments = raw
    .split(/[\\/]+/)
    // eslint-disable-next-line no-control-regex -- control characters are unsafe in file names
    .map((s) => s.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  return segments.length > 0 ? segments.join(sep) : 'upload';
}

/** A request body read a few bytes at a time, or passed on in the chunks it arrives in. */
class BodyReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private held: Buffer = Buffer.alloc(0);
  private total = 0;

  constructor(
    req: IncomingMessage,
    private readonly limit: number,
  ) {
    this.chunks = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  private async next(): Promise<Buffer | null> {
    const { value, done } = await this.chunks.next();
    if (done) return null;
    this.total += value.length;
    if (this.total > this.limit) throw Object.assign(new Error(`the request is larger than ${this.limit} bytes`), { status: 413 });
    return value;
  }

  /** Exactly `n` bytes, or null when the body ends first. */
  async read(n: number): Promise<Buffer | null> {
    while (this.held.length < n) {
      const chunk = await this.next();
      if (!chunk) return null;
      this.held = Buffer.concat([this.held, chunk]);
    }
    const out = this.held.subarray(0, n);
    this.held = this.held.subarray(n);
    return out;
  }

  /** Hands the next `n` bytes to `write` as they arrive; false when the body ends first. */
  async pass(n: number, write: (bytes: Buffer) => Promise<unknown>): Promise<boolean> {
    let left = n;
    while (left > 0) {
      if (this.held.length === 0) {
        const chunk = await this.next();
        if (!chunk) return false;
        this.held = chunk;
      }
      const piece = this.held.subarray(0, Math.min(left, this.held.length));
      this.held = this.held.subarray(piece.length);
      left -= piece.length;
      await write(piece);
    }
    return true;
  }
}

export type UploadOutcome = { ok: true; paths: string[] } | { ok: false; message: string };

/**
 * A batch of files in one request: a 4-byte big-endian manifest length, the manifest (JSON list
 * of { name, size }), then the files' bytes back to back. Each file is written to disk as its
 * bytes arrive (never held whole in memory), in its own folder under `root`, keeping its
 * sanitised relative name for the import report. A body that ends early leaves nothing behind.
 */
export async function receiveUpload(req: IncomingMessage, root: string, limit: number): Promise<UploadOutcome> {
  const body = new BodyReader(req, limit);
  const head = await body.read(4);
  const manifestBytes = head ? await body.read(head.readUInt32BE(0)) : null;
  let manifest: Array<{ name: string; size: number }>;
  try {
    manifest = JSON.parse(manifestBytes?.toString('utf8') ?? '') as typeof manifest;
    if (!Array.isArray(manifest)) throw new Error('no manifest');
  } catch {
    return { ok: false, message: 'The upload has no readable file list.' };
  }
  const batch = randomUUID();
  const paths: string[] = [];
  const short = async (): Promise<UploadOutcome> => {
    await Promise.all(manifest.map((_, index) => rm(join(root, `${batch}-${index}`), { recursive: true, force: true })));
    return { ok: false, message: 'The upload is shorter than its file list says.' };
  };
  for (const [index, entry] of manifest.entries()) {
    const size = Number(entry.size);
    if (!Number.isInteger(size) || size < 0) return short();
    const path = join(root, `${batch}-${index}`, safeRelativeName(String(entry.name)));
    await mkdir(join(path, '..'), { recursive: true });
    const file = await open(path, 'w');
    let whole: boolean;
    try {
      whole = await body.pass(size, (bytes) => file.write(bytes));
    } finally {
      await file.close();
    }
    if (!whole) return short();
    paths.push(path);
  }
  return { ok: true, paths };
}

import { open } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ImportError } from './errors';
import { formatMegabytes } from './size';

export interface ZipLimits {
  /** Most entries the central directory may list. */
  maxEntries?: number;
  /** Most bytes one wanted entry may inflate to. */
  maxEntryBytes?: number;
  /** Most bytes all wanted entries together may inflate to. */
  maxTotalBytes?: number;
}

export interface ReadZipOptions extends ZipLimits {
  /** Which entries to inflate; others are skipped without being read. */
  wanted: (name: string) => boolean;
}

export const ZIP_DEFAULT_LIMITS = {
  maxEntries: 10_000,
  maxEntryBytes: 64_000_000,
  maxTotalBytes: 64_000_000,
} as const satisfies Required<ZipLimits>;

/** The bytes are not a readable zip archive (callers say which document it should have been). */
export class NotZipError extends ImportError {
  override name = 'NotZipError';
  /** What is wrong, without the "the zip archive is damaged" frame, for callers' own messages. */
  constructor(readonly detail: string) {
    super(`the zip archive is damaged (${detail})`);
  }
}

const bomb = (what: string, limit: number) =>
  new ImportError(`${what} inflates beyond the ${formatMegabytes(limit)} limit — refused as a possible zip bomb`);

/** Receives one entry's inflated bytes as they stream; a throw stops the reading with that error. */
export interface EntrySink {
  data(chunk: Buffer): void;
  end(): void;
}

export interface StreamZipOptions extends ZipLimits {
  /** A sink for each entry to inflate (told its declared size); null skips the entry unread. */
  consume: (name: string, declaredBytes: number) => EntrySink | null;
}

/** A zip held in memory, or a file read from disk as it is needed (large archives). */
export type ZipSource = Uint8Array | { path: string };

/**
 * Reads the wanted entries of a zip held in memory. Inflated bytes are counted as they stream
 * (headers can lie) and reading stops at the first limit crossed. Entry names are only map keys,
 * never file-system paths.
 */
export async function readZip(source: ZipSource, opts: ReadZipOptions): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  await streamZip(source, {
    ...opts,
    consume: (name) => {
      if (!opts.wanted(name)) return null;
      const chunks: Buffer[] = [];
      return { data: (chunk) => chunks.push(chunk), end: () => out.set(name, new Uint8Array(Buffer.concat(chunks))) };
    },
  });
  return out;
}

/**
 * Streams entries through sinks, one at a time, under the same limits as readZip: only the chunk
 * being inflated is in memory, so a sink that parses as it goes reads an entry of any size.
 */
// yauzl's own size check is off: it would stop a lying entry with a vaguer message than ours.
export async function streamZip(source: ZipSource, opts: StreamZipOptions): Promise<void> {
  const maxEntries = opts.maxEntries ?? ZIP_DEFAULT_LIMITS.maxEntries;
  const maxEntryBytes = opts.maxEntryBytes ?? ZIP_DEFAULT_LIMITS.maxEntryBytes;
  const maxTotalBytes = opts.maxTotalBytes ?? ZIP_DEFAULT_LIMITS.maxTotalBytes;
  const zip = await openZip(source, maxEntries);
  let total = 0;
  let seen = 0;

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(toZipError(error));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      zip.close();
      resolve();
    });
    zip.on('entry', (entry: Entry) => {
      if (settled) return;
      if (++seen > maxEntries) return fail(tooManyEntries(maxEntries));
      const name = entry.fileName;
      if (name.endsWith('/')) return zip.readEntry();
      let sink: EntrySink | null;
      try {
        sink = opts.consume(name, entry.uncompressedSize);
      } catch (error) {
        return fail(error);
      }
      if (!sink) return zip.readEntry();
      if (entry.isEncrypted()) return fail(new ImportError('the archive is encrypted'));
      // Cheap early refusal when the header admits the size; the stream count below catches liars.
      if (entry.uncompressedSize > maxEntryBytes) return fail(bomb('an entry of the archive', maxEntryBytes));
      if (total + entry.uncompressedSize > maxTotalBytes) return fail(bomb('the archive', maxTotalBytes));
      zip.openReadStream(entry, (error, stream) => {
        if (error || settled) return fail(error);
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          size += chunk.length;
          total += chunk.length;
          if (size > maxEntryBytes || total > maxTotalBytes) {
            stream.destroy();
            return fail(size > maxEntryBytes ? bomb('an entry of the archive', maxEntryBytes) : bomb('the archive', maxTotalBytes));
          }
          try {
            sink.data(chunk);
          } catch (sinkError) {
            stream.destroy();
            fail(sinkError);
          }
        });
        stream.on('error', fail);
        stream.on('end', () => {
          if (settled) return;
          if (size !== entry.uncompressedSize) return fail(new NotZipError('an entry size does not match its header'));
          try {
            sink.end();
          } catch (sinkError) {
            return fail(sinkError);
          }
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

/** Entry names from the central directory, nothing inflated. */
export async function listZip(source: ZipSource, maxEntries: number = ZIP_DEFAULT_LIMITS.maxEntries): Promise<string[]> {
  const zip = await openZip(source, maxEntries);
  const names: string[] = [];
  return new Promise((resolve, reject) => {
    zip.on('error', (error: unknown) => reject(toZipError(error)));
    zip.on('entry', (entry: Entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => {
      zip.close();
      resolve(names);
    });
    zip.readEntry();
  });
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

async function openZip(source: ZipSource, maxEntries: number): Promise<ZipFile> {
  const fromFile = !(source instanceof Uint8Array);
  if (!isZip(fromFile ? await firstBytes(source.path) : source)) throw new NotZipError('it is not a zip archive');
  return new Promise((resolve, reject) => {
    const opened = (error: Error | null, zip: ZipFile) => {
      if (error) return reject(toZipError(error));
      if (zip.entryCount > maxEntries) {
        zip.close();
        return reject(tooManyEntries(maxEntries));
      }
      resolve(zip);
    };
    const options = { lazyEntries: true, validateEntrySizes: false, autoClose: false };
    if (fromFile) yauzl.open(source.path, options, opened);
    else yauzl.fromBuffer(Buffer.from(source.buffer, source.byteOffset, source.length), options, opened);
  });
}

async function firstBytes(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(4);
    await file.read(head, 0, 4, 0);
    return head;
  } finally {
    await file.close();
  }
}

function tooManyEntries(max: number): ImportError {
  return new ImportError(`the archive has more than ${max.toLocaleString('en')} entries — refused as a possible zip bomb`);
}

/** yauzl refuses an archive whose entry names would leave a folder it is extracted to (its validateFileName). */
const UNSAFE_NAME = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/s;

function toZipError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // Not damage: the archive is well formed and hostile, or made by a careless tool.
  const unsafe = UNSAFE_NAME.exec(message);
  if (unsafe) return new ImportError(`the archive contains an unsafe path: ${unsafe[1]}`);
  if (/end of central directory record signature not found/i.test(message)) {
    return new NotZipError('it is cut off: the zip directory at its end is missing');
  }
  return new NotZipError(message.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()));
}

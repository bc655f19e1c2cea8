import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { EVENT_NAMES } from '../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { dispatch } from '../core/dispatch';
import type { Context } from '../core/handlers';
import type { Parser } from '../core/import/pipeline';
import type { CodingPause } from '../core/search/code-hits';
import { Session } from '../core/session';
import { migrationReporter } from '../core/library/migration-progress';
import { sameToken, Tickets } from './tickets';
import { receiveUpload, safeRelativeName } from './upload';
import { folderPolicy } from '../core/path-policy';
import type { ProfileStore } from '../core/teams/profile';

export interface HostOptions {
  libraryPath: string;
  rendererDir: string;
  parser: Parser;
  /** What a coding job awaits between slices (default: the next turn); the test host holds it. */
  codingPause?: CodingPause;
  /** What a report job awaits after each page of passages (the test host holds it). */
  reportPause?: CodingPause;
  port?: number;
  /** Tests may fix the token; by default a random one is made per run. */
  token?: string;
  /** Folders whose files the page may import and export to (`serve --allow`); uploads always. */
  allow?: readonly string[];
  /** How long a request's headers and body may take to arrive (tests shorten it). */
  requestTimeoutMs?: number;
  /** Where the coder profile lives (`serve`: $MARGINALIA_USER_DATA or the app's folder); none: nobody is recorded. */
  profile?: ProfileStore;
  /** `serve --coder NAME`: the session's edits are this coder's, whatever the profile says. */
  coder?: string;
}

export interface RunningHost {
  url: string;
  /** The URL to open: the token travels in the fragment, so it never reaches logs or referrers. */
  openUrl: string;
  token: string;
  session: Session;
  /** Where uploaded files are written before they are imported. */
  uploadRoot: string;
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 64 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const REQUEST_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 10_000;

/** Export commands that write a file at `path`: the ones a browser can download. */
const DOWNLOADABLE = new Set([
  'export.passagesCsv',
  'export.claimsCsv',
  'export.claimsJsonLd',
  'export.linksCsv',
  'export.memosCsv',
  'export.annotations',
  'export.qdpx',
  'export.report',
]);

const MIME: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.jsonld': 'application/ld+json',
  '.qdpx': 'application/zip',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error(`the request is larger than ${limit} bytes`), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The contract over HTTP for a browser and for tests: POST /api/<command>, GET /api/events (SSE),
 * POST /api/upload for batches of files picked in a browser, and the built renderer. Loopback only, every
 * /api request needs the per-run token in its Authorization header (the event stream: a one-use
 * ticket), and requests from other origins are refused.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  const session = new Session(options.libraryPath, {
    onMigrationProgress: migrationReporter(),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.coder !== undefined ? { coder: options.coder } : {}),
  });
  session.watchExternalChanges();
  session.indexInBackground();
  // Real path: the path policy compares where paths really lead.
  const uploadRoot = await realpath(await mkdtemp(join(tmpdir(), 'marginalia-upload-')));
  const ctx: Context = {
    session,
    parser: options.parser,
    ...(options.codingPause ? { codingPause: options.codingPause } : {}),
    ...(options.reportPause ? { reportPause: options.reportPause } : {}),
    displayName: (path) => (path.startsWith(uploadRoot + sep) ? relative(uploadRoot, path).split(sep).slice(1).join('/') : path),
    resolvePath: folderPolicy([...(options.allow ?? []), uploadRoot], allowedFolders(options.allow ?? [])),
  };
  const rendererRoot = resolve(options.rendererDir);
  let origin = '';

  // The token only ever travels in a header: a URL ends up in logs, history and referrers.
  const authorised = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization;
    return sameToken(header?.startsWith('Bearer ') ? header.slice(7) : undefined, expected);
  };
  const tickets = new Tickets();

  const serveStatic = async (res: ServerResponse, pathname: string): Promise<void> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, { error: 'bad path' });
    }
    const file = resolve(rendererRoot, '.' + (decoded === '/' ? '/index.html' : decoded));
    if (file !== rendererRoot && !file.startsWith(rendererRoot + sep)) return send(res, 404, { error: 'not found' });
    const info = await stat(file).catch(() => null);
    const target = info?.isFile() ? file : join(rendererRoot, 'index.html');
    if (!info?.isFile() && extname(decoded) !== '') return send(res, 404, { error: 'not found' });
    // Headers only once the file opens: a missing build (or one being swapped in) gets a reply, not a crash.
    const stream = createReadStream(target);
    stream.once('error', () => (res.headersSent ? res.destroy() : send(res, 404, { error: 'not found' })));
    stream.once('open', () => {
      res.writeHead(200, {
        'content-type': MIME[extname(target)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      stream.pipe(res);
    });
  };

  const events = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const offs = EVENT_NAMES.map((name) =>
      session.on(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      for (const off of offs) off();
    });
  };

  const upload = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const outcome = await receiveUpload(req, uploadRoot, MAX_UPLOAD_BYTES);
    if (!outcome.ok) return send(res, 400, { ok: false, error: { code: 'invalid-arguments', message: outcome.message } });
    send(res, 200, { ok: true, value: { paths: outcome.paths } });
  };

  /**
   * A browser cannot be handed a save dialog: GET /api/download/<export command> runs the export
   * into a temporary file and streams it back as an attachment, then removes it.
   */
  const download = async (res: ServerResponse, url: URL, command: string): Promise<void> => {
    if (!DOWNLOADABLE.has(command))
      return send(res, 404, { ok: false, error: { code: 'unknown-command', message: `Nothing to download from "${command}".` } });
    let args: Record<string, unknown>;
    try {
      args = JSON.parse(url.searchParams.get('args') ?? '{}') as Record<string, unknown>;
    } catch {
      return send(res, 400, { ok: false, error: { code: 'invalid-arguments', message: 'The download arguments are not JSON.' } });
    }
    const name =
      safeRelativeName(url.searchParams.get('name') ?? 'export')
        .split(sep)
        .pop() ?? 'export';
    const dir = await mkdtemp(join(uploadRoot, 'export-'));
    const path = join(dir, name);
    const envelope = await dispatch(ctx, command, { ...args, path });
    if (!envelope.ok) {
      await rm(dir, { recursive: true, force: true });
      return send(res, 200, envelope);
    }
    const { size } = await stat(path);
    res.writeHead(200, {
      'content-type': MIME[extname(name)] ?? 'application/octet-stream',
      'content-length': size,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
    const stream = createReadStream(path);
    stream.pipe(res);
    stream.on('close', () => void rm(dir, { recursive: true, force: true }));
  };

  // A request whose headers and body do not arrive within the limit is answered 408 and closed:
  // a slow body cannot hold the host's connections (Node's default waits five minutes).
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const limits = {
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, HEADERS_TIMEOUT_MS),
    connectionsCheckingInterval: Math.min(1000, Math.ceil(requestTimeout / 4)),
    // The page closes its idle connections, never the host: a host closing one (Node's default after
    // 5 s idle) as the page sends a call on it fails that POST with "Failed to fetch" (browsers retry
    // only idempotent requests). close() ends every connection.
    keepAliveTimeout: 0,
  };
  const server = createServer(limits, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      // DNS rebinding and cross-site requests: only our own host name and origin get through.
      if (req.headers.host !== new URL(origin).host) return send(res, 403, { error: 'wrong host' });
      if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, { error: 'wrong origin' });
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
        return serveStatic(res, url.pathname);
      }
      const name = url.pathname.slice('/api/'.length);
      // An EventSource cannot send a header: it brings a one-use ticket the page asked for.
      if (name === 'events' && req.method === 'GET' && tickets.redeem(url.searchParams.get('ticket'))) return events(req, res);
      if (!authorised(req)) return send(res, 401, { error: 'missing or wrong token' });
      if (name === 'ticket' && req.method === 'POST') return send(res, 200, { ok: true, value: { ticket: tickets.issue() } });
      if (name === 'events' && req.method === 'GET') return events(req, res);
      if (name.startsWith('download/') && req.method === 'GET') return download(res, url, name.slice('download/'.length));
      if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
      if (name === 'upload') return upload(req, res);
      const body = await readBody(req, MAX_JSON_BYTES);
      let args: unknown;
      try {
        args = body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, { ok: false, error: { code: 'invalid-arguments', message: 'The request body is not JSON.' } });
      }
      const envelope = await dispatch(ctx, name, args);
      send(res, !envelope.ok && envelope.error.code === 'unknown-command' ? 404 : 200, envelope);
    })().catch((error: unknown) => {
      const status = (error as { status?: number }).status ?? 500;
      if (!res.headersSent) send(res, status, { ok: false, error: { code: 'internal', message: (error as Error).message } });
      else res.destroy();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    openUrl: `${origin}/#token=${token}`,
    token,
    session,
    uploadRoot,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      session.close();
      await rm(uploadRoot, { recursive: true, force: true });
    },
  };
}

/** How the refusal of a path outside the allowed folders ends. */
function allowedFolders(allow: readonly string[]): string {
  const how = 'start it with marginalia serve --allow FOLDER to let it use the files in a folder';
  if (allow.length === 0) return `it reads only files uploaded to it and writes only downloads (${how}).`;
  return `it reads and writes files only in ${allow.map((folder) => resolve(folder)).join(', ')} and its uploads (${how}).`;
}

/** Small HTTP helpers shared by the preview server and the mock Aloware API (node:http only). */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8'
};

/**
 * The Cache-Control policy of a static file of the preview. Chunk names carry a hash of their content (build.ts), so a
 * changed chunk is a new URL and a cached one is never stale: cached for a year without asking. Everything else (page
 * entries, SLDS, the shell) is revalidated on each use and answered 304 while unchanged.
 */
export function cacheControlFor(route: string): string {
  return route.startsWith('/build/chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Request body limit: far above anything the components send. */
const MAX_BODY = 5 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'request body too large'));
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a JSON object body; a malformed body is a 400, never a crash. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store'
  });
  res.end(text);
}

/**
 * Serves `relative` from `root` (GET/HEAD). Returns false when the file does not exist; refuses paths that leave the
 * root. Each answer carries a validator (a weak ETag from size and modification time), and a request that presents
 * it again is answered 304: the browser then keeps its cached copy, and with it V8's cached compilation of a script,
 * as it does for a Lightning page's versioned resources. `cache` is the Cache-Control policy (`no-cache`: revalidate
 * on each use; content-hashed files may be `immutable`).
 */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  relative: string,
  cache = 'no-cache'
): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return false;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (!file.startsWith(path.resolve(root) + path.sep)) return false;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = { ETag: etag, 'Cache-Control': cache };
  if (matchesPresentedTag(req, etag)) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    ...headers
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
  return true;
}

/**
 * Whether `If-None-Match` presents `etag`, by the weak comparison that header uses (RFC 9110 §13.1.2: `W/` is ignored;
 * `*` matches any current representation).
 */
function matchesPresentedTag(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

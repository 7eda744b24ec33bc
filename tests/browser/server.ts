/**
 * A tiny static server for browser tests: 127.0.0.1, a random free port, nothing else on the network.
 *
 * - `GET /<name>` serves `tests/fixtures/pages/<name>` (sub-folders allowed, no `..`), with a content type by extension.
 * - In-memory routes (`path → HTML`) passed by the test win over files; `route()` adds or replaces one later.
 * - Every response is `Cache-Control: no-store`, so `reload()` always fetches the current content.
 *
 * Content scripts do not run on `file://` pages without an extra permission, which is why pages are served.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export interface TestServer {
  /** Absolute URL of `path` on this server (`'a.html'` and `'/a.html'` are the same). */
  url(path?: string): string;
  /** Add or replace an in-memory route. */
  route(path: string, html: string): void;
  /** The origin, e.g. `http://127.0.0.1:43125`. */
  origin: string;
  close(): Promise<void>;
}

function withSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

export async function startServer(routes: Record<string, string> = {}): Promise<TestServer> {
  const memory = new Map<string, string>(Object.entries(routes).map(([path, html]) => [withSlash(path), html]));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const html = memory.get(pathname);
    if (html !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    const relative = normalize(pathname).replace(/^[/\\]+/, '');
    const file = join(PAGES_DIR, relative);
    if (!relative || relative.split(sep).includes('..') || !file.startsWith(PAGES_DIR)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type }).end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path = '/') => origin + withSlash(path),
    route: (path, html) => void memory.set(withSlash(path), html),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // browsers keep connections alive; don't wait for them
        server.close(() => resolve());
      }),
  };
}

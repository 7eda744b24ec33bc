/**
 * The saved pages on 127.0.0.1, under a Content-Security-Policy that lets their markup and inline styles render but
 * runs none of their scripts and loads nothing from anywhere else. Extension content scripts are not bound by a
 * page's CSP, so Gloss runs as it would on the live page. The CSP is not enough on its own: Chromium opens the
 * connections `<link rel="preconnect">` asks for regardless, which is why the browsers also get a refusing proxy
 * (tests/browser/outside-proxy.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageCharset } from './charset';

export const PAGE_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'";

export interface PageServer {
  url(file: string): string;
  close(): Promise<void>;
}

/** Serves `dir/<file>` for each of `files` (and nothing else) as HTML in the charset the page declares. */
export async function servePages(dir: string, files: readonly string[]): Promise<PageServer> {
  const served = new Set(files);
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
    const headers = { 'Cache-Control': 'no-store', 'Content-Security-Policy': PAGE_CSP };
    if (!served.has(name)) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    readFile(join(dir, name)).then(
      (bytes) => res.writeHead(200, { ...headers, 'Content-Type': `text/html; charset=${pageCharset(bytes)}` }).end(bytes),
      (error: unknown) => res.writeHead(500, { ...headers, 'Content-Type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (file) => `http://127.0.0.1:${port}/${encodeURIComponent(file)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Two servers on 127.0.0.1 for the evaluation: the saved pages, under a Content-Security-Policy that lets their
 * markup and inline styles render but runs none of their scripts and loads nothing from anywhere else; and a
 * proxy the browsers send every other request to, which refuses it and records which host was asked for.
 * Extension content scripts are not bound by a page's CSP, so Gloss runs as it would on the live page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageCharset } from './charset';

export const PAGE_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'";

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

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
  const port = await listen(server);
  return { url: (file) => `http://127.0.0.1:${port}/${encodeURIComponent(file)}`, close: closer(server) };
}

export interface OutsideSink {
  port: number;
  /** The hosts asked for since the last call, in order. */
  take(): string[];
  close(): Promise<void>;
}

/** An HTTP proxy that refuses everything: plain requests get a 403, CONNECT tunnels are closed with one. */
export async function startOutsideSink(): Promise<OutsideSink> {
  let asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(URL.canParse(req.url ?? '') ? new URL(req.url!).host : `${req.headers.host ?? '?'} (not proxied)`);
    res.writeHead(403, { 'Content-Type': 'text/plain', Connection: 'close' }).end('the evaluation allows no network');
  });
  server.on('connect', (req, socket) => {
    asked.push(req.url ?? '?');
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  const port = await listen(server);
  return {
    port,
    take: () => {
      const out = asked;
      asked = [];
      return out;
    },
    close: closer(server),
  };
}

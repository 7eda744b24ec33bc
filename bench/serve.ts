/**
 * The benchmark's pages over HTTP on 127.0.0.1 (content scripts don't run on file://):
 *   /<name>.html        a generated page as it is;
 *   /probe/<name>.html  the same with the probe (bench/probe.js) inlined at its end;
 *   /real/<file>        a saved real page with the probe, under a Content-Security-Policy that lets no page script
 *                       run and nothing load from anywhere but here: the machine never contacts outside addresses.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const PROBE = `${readFileSync(new URL('probe.js', import.meta.url), 'utf8')}\n//# sourceURL=gloss-bench-probe.js\n`;

export interface BenchServer {
  /** The address of a generated page; `probe`: with the probe inlined. */
  url(name: string, options?: { probe?: boolean }): string;
  /** The address of a real page, a file of `realDir`. */
  realUrl(file: string): string;
  close(): void;
}

/**
 * Appends `script` to the page: the parser puts it in the body and runs it before DOMContentLoaded, so before any
 * content script (document_idle); at the end it cannot push a `<meta charset>` out of the first 1,024 bytes, where
 * browsers look for it, nor put a page into quirks mode.
 */
export function withScript(html: Buffer, script: string): Buffer {
  return Buffer.concat([html, Buffer.from(script)]);
}

export async function startBenchServer(pages: ReadonlyMap<string, string>, realDir: string | null): Promise<BenchServer> {
  const nonce = randomBytes(12).toString('base64url');
  const probeTag = (attributes = '') => `<script${attributes}>${PROBE}</script>`;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(request.url?.split('?')[0] ?? '/');
    response.setHeader('cache-control', 'no-store');
    if (path.startsWith('/real/') && realDir) {
      const file = path.slice('/real/'.length);
      let body: Buffer;
      try {
        if (file.includes('/') || !file.endsWith('.html')) throw new Error('not a page');
        body = readFileSync(join(realDir, file));
      } catch {
        response.statusCode = 404;
        response.end();
        return;
      }
      response.setHeader('content-type', 'text/html');
      response.setHeader(
        'content-security-policy',
        `default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'nonce-${nonce}'`,
      );
      response.end(withScript(body, probeTag(` nonce="${nonce}"`)));
      return;
    }
    const probe = path.startsWith('/probe/');
    const name = path.replace(/^\/(probe\/)?|\.html$/g, '');
    const html = pages.get(name);
    response.setHeader('content-type', 'text/html; charset=utf-8');
    if (html === undefined) {
      response.end('<!doctype html><title>blank</title><p>blank</p>');
      return;
    }
    response.end(probe ? withScript(Buffer.from(html), probeTag()) : html);
  }).listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (name, options) => `${origin}/${options?.probe ? 'probe/' : ''}${name}.html`,
    realUrl: (file) => `${origin}/real/${encodeURIComponent(file)}`,
    close: () => server.close(),
  };
}
